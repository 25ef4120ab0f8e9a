import { seededRandom } from './rng.js';

/** What a fault does to a matching request. */
export type FaultKind = 'latency' | 'error' | 'rate-limit' | 'drop' | 'truncate' | 'reply';

/**
 * One injected fault. It matches requests by method and path pattern (both optional:
 * leave them out for a global fault) and fires on the next `count` matching requests,
 * or on each with `probability` (drawn from an RNG seeded with `seed`, so runs repeat).
 *
 * @example
 * sim.inject({ kind: 'error', status: 502, method: 'POST', path: '/api/subscribers', count: 1 });
 * sim.inject({ kind: 'latency', ms: 200, path: '/api/**', probability: 0.5, seed: 7 });
 */
export interface FaultSpec {
  kind: FaultKind;
  /** HTTP method to match, e.g. `POST`; any when left out. */
  method?: string;
  /**
   * Path pattern on the full path, e.g. `/api/subscribers/:id`, `/api/subscribers/*`,
   * `/api/**` (`*` or `:name` = one segment, `**` = any rest); any path when left out.
   */
  path?: string;
  /** Fire on the next N matching requests, then disappear. */
  count?: number;
  /** Fire on each matching request with this chance (0-1). */
  probability?: number;
  /** RNG seed for `probability` (default 1). */
  seed?: number;
  /** latency: milliseconds added before the request is handled. */
  ms?: number;
  /** error: HTTP status (default 502); the body is an nginx-style HTML page. reply: any status (default 200). */
  status?: number;
  /** error: replace the HTML body. reply: the body text as sent, with a JSON content type (default empty: `''`, `'[]'`, `'{"data":null}'`, a cut-off text). */
  body?: string;
  /** rate-limit: how long the client is told to wait (default 1000 ms). reply: sends `Retry-After` in whole seconds when given. */
  retryAfterMs?: number;
  /** drop: `before` (default) handling, or `after` it (the change happened, the answer is lost). */
  when?: 'before' | 'after';
  /** truncate: bytes of the JSON body kept (default: half). */
  keepBytes?: number;
}

/** A fault as stored: its spec plus an id and how often it may still fire. */
export interface ActiveFault extends FaultSpec {
  id: string;
  /** Firings left (`null` = unlimited). */
  remaining: number | null;
  fired: number;
}

/** The faults that fire for one request. */
export interface FaultPick {
  latencyMs: number;
  /** The first non-latency fault that fired, if any. */
  fault?: ActiveFault;
}

/** Injected faults, matched in the order added. */
export class FaultSet {
  private faults: Array<{ active: ActiveFault; random: () => number }> = [];
  private nextId = 1;

  add(spec: FaultSpec): ActiveFault {
    const active: ActiveFault = { ...spec, id: `fault-${this.nextId++}`, remaining: spec.count ?? null, fired: 0 };
    this.faults.push({ active, random: seededRandom(spec.seed ?? 1) });
    return active;
  }

  list(): ActiveFault[] {
    return this.faults.map((f) => ({ ...f.active }));
  }

  clear(): void {
    this.faults = [];
  }

  /** Decide which faults fire for a request; spent faults are removed. */
  pick(method: string, path: string): FaultPick {
    const pick: FaultPick = { latencyMs: 0 };
    for (const entry of this.faults) {
      const f = entry.active;
      if (!matches(f, method, path)) continue;
      if (f.kind !== 'latency' && pick.fault) continue;
      if (f.probability !== undefined && entry.random() >= f.probability) continue;
      f.fired += 1;
      if (f.remaining !== null) f.remaining -= 1;
      if (f.kind === 'latency') pick.latencyMs += f.ms ?? 0;
      else pick.fault = f;
    }
    this.faults = this.faults.filter((f) => f.active.remaining !== 0);
    return pick;
  }
}

function matches(fault: FaultSpec, method: string, path: string): boolean {
  if (fault.method !== undefined && fault.method.toUpperCase() !== method) return false;
  return fault.path === undefined || matchPattern(fault.path, path);
}

/** Match a path against a pattern with `*`/`:name` (one segment) and `**` (the rest). */
export function matchPattern(pattern: string, path: string): boolean {
  const want = pattern.split('?')[0]!.split('/').filter(Boolean);
  const got = path.split('/').filter(Boolean);
  for (let i = 0; i < want.length; i += 1) {
    const part = want[i]!;
    if (part === '**') return true;
    const seg = got[i];
    if (seg === undefined) return false;
    if (part !== '*' && !part.startsWith(':') && part !== seg && part !== safeDecode(seg)) return false;
  }
  return want.length === got.length;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

const KINDS: readonly FaultKind[] = ['latency', 'error', 'rate-limit', 'drop', 'truncate', 'reply'];
const FAULT_KEYS = ['kind', 'method', 'path', 'count', 'probability', 'seed', 'ms', 'status', 'body', 'retryAfterMs', 'when', 'keepBytes'];

/**
 * Check a fault received as JSON (control route); returns the spec or the problems.
 *
 * @example
 * parseFault({ kind: 'drop', count: 1 }); // { ok: true, fault: { kind: 'drop', count: 1 } }
 */
export function parseFault(value: unknown): { ok: true; fault: FaultSpec } | { ok: false; problems: string[] } {
  const problems: string[] = [];
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, problems: ['expected a fault object, e.g. {"kind": "error", "status": 502, "count": 1}'] };
  }
  const f = value as Record<string, unknown>;
  for (const key of Object.keys(f)) {
    if (!FAULT_KEYS.includes(key)) problems.push(`${key}: unknown key; allowed keys: ${FAULT_KEYS.join(', ')}`);
  }
  const isCount = (v: unknown) => Number.isSafeInteger(v) && (v as number) >= 0;
  if (!KINDS.includes(f.kind as FaultKind)) problems.push(`kind: expected one of ${KINDS.join(', ')}`);
  for (const key of ['method', 'path', 'body'] as const) {
    if (f[key] !== undefined && typeof f[key] !== 'string') problems.push(`${key}: expected a string`);
  }
  for (const key of ['count', 'ms', 'retryAfterMs', 'keepBytes', 'seed'] as const) {
    if (f[key] !== undefined && !isCount(f[key])) problems.push(`${key}: expected a whole number >= 0`);
  }
  if (f.count === 0) problems.push('count: expected at least 1');
  if (f.probability !== undefined && !(typeof f.probability === 'number' && f.probability >= 0 && f.probability <= 1)) {
    problems.push('probability: expected a number from 0 to 1');
  }
  const [low, high, example] = f.kind === 'reply' ? [200, 599, '200'] : [500, 599, '502'];
  if (f.status !== undefined && !(Number.isSafeInteger(f.status) && (f.status as number) >= low && (f.status as number) <= high)) {
    problems.push(`status: expected a status from ${low} to ${high}, e.g. ${example}`);
  }
  if (f.when !== undefined && f.when !== 'before' && f.when !== 'after') problems.push('when: expected "before" or "after"');
  if (f.kind === 'latency' && f.ms === undefined) problems.push('ms: required for a latency fault, e.g. 250');
  return problems.length > 0 ? { ok: false, problems } : { ok: true, fault: f as unknown as FaultSpec };
}
