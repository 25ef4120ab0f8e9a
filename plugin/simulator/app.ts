import type { JsonValue } from '../json.js';
import { answerApi, apiOf, type ApiDeps } from './api.js';
import { handleControl, isControlPath, type ControlTarget } from './control.js';
import { FaultSet, type ActiveFault } from './faults.js';
import { createFetch, type FetchLike } from './fetch.js';
import { Journal, redactHeaders, redactQuery } from './journal.js';
import { DEFAULT_RATE_LIMITS, FixedWindowLimiter, type RateLimits } from './rate-limit.js';
import { classicTooMany, corsPreflight, htmlError, newApiTooMany } from './responses.js';
import { buildAccounts } from './seed/apply.js';
import { resolveSeed, type SeedInput } from './seed-input.js';
import { stateView } from './state.js';
import { DEFAULT_SIM_KEYS, type Clock, type SimKeys, type SimRequest, type SimResponse } from './types.js';

/** Options shared by {@link createSimulator} and `startSimulator`. */
export interface SimulatorOptions {
  /** Initial data (default: DEFAULT_SEED), or `{ scenario }`. Checked; a bad seed throws SeedError. */
  seed?: SeedInput;
  /** API keys (default: DEFAULT_SIM_KEYS). The two must differ. */
  keys?: Partial<SimKeys>;
  /** Length of a rate-limit window in ms (default 60000): shrink it to run a minute's budget fast. */
  minuteMs?: number;
  /** Request budgets per window (default: MailerLite's 120 / 5 imports / 60 per classic endpoint). */
  limits?: Partial<RateLimits>;
  /** Time source for record dates and rate-limit windows (default Date.now). */
  clock?: Clock;
  /** Journal entries kept (default 10000, oldest dropped first). */
  journalLimit?: number;
}

/** The result of handling one request: an answer, or a dropped connection. */
export type SimOutcome = { kind: 'respond'; response: SimResponse } | { kind: 'drop' };

/**
 * An in-process simulator: the same behaviour as the HTTP server, without a port. The
 * control operations (reset, seed, journal, faults, state) are those of {@link ControlTarget}.
 */
export interface SimulatorCore extends ControlTarget {
  readonly keys: SimKeys;
  readonly minuteMs: number;
  /** Handle one transport-neutral request. */
  handle(req: SimRequest): Promise<SimOutcome>;
  /** A fetch-compatible function answering from this simulator (any origin works). */
  readonly fetch: FetchLike;
}

/**
 * Create an in-process MailerLite simulator (both APIs). Use `startSimulator` for the
 * HTTP server; this one answers through `sim.fetch` and `sim.handle`.
 *
 * @example
 * const sim = createSimulator({ minuteMs: 1000 });
 * const res = await sim.fetch('http://sim.local/api/groups', { headers: { Authorization: `Bearer ${sim.keys.new}` } });
 */
export function createSimulator(options: SimulatorOptions = {}): SimulatorCore {
  const clock = options.clock ?? Date.now;
  const keys: SimKeys = { ...DEFAULT_SIM_KEYS, ...options.keys };
  if (keys.new === keys.classic) throw new Error('The new-API key and the classic key must differ.');
  const minuteMs = options.minuteMs ?? 60_000;
  if (!Number.isFinite(minuteMs) || minuteMs <= 0) throw new Error(`minuteMs must be a positive number of milliseconds; got ${minuteMs}.`);
  let current = resolveSeed(options.seed);
  const limiter = new FixedWindowLimiter(minuteMs, clock);
  const faults = new FaultSet();
  const journal = new Journal(options.journalLimit);
  const deps: ApiDeps = { accounts: buildAccounts(current.seed, clock), keys, limiter, limits: { ...DEFAULT_RATE_LIMITS, ...options.limits } };

  const core: SimulatorCore = {
    keys,
    minuteMs,
    handle,
    fetch: createFetch(handle),
    reset() {
      deps.accounts = buildAccounts(current.seed, clock);
      limiter.reset();
      journal.clear();
      faults.clear();
      current.faults.forEach((f) => faults.add(f));
    },
    seed(data) {
      current = resolveSeed(data);
      core.reset();
    },
    journal: () => journal.list(),
    clearJournal: () => journal.clear(),
    inject: (specs) => (Array.isArray(specs) ? specs : [specs]).map((f) => faults.add(f)),
    faults: () => faults.list(),
    clearFaults: () => faults.clear(),
    state: stateView(() => deps.accounts),
  };
  current.faults.forEach((f) => faults.add(f));

  async function handle(req: SimRequest): Promise<SimOutcome> {
    if (isControlPath(req.path)) return { kind: 'respond', response: handleControl(core, req) };
    if (req.method === 'OPTIONS') return { kind: 'respond', response: corsPreflight() };
    const started = performance.now();
    const arrived = clock();
    const pick = faults.pick(req.method, req.path);
    if (pick.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, pick.latencyMs));
    const outcome = answer(req, pick.fault);
    journal.add({
      timestamp: new Date(arrived).toISOString(),
      api: apiOf(req.path),
      method: req.method,
      path: req.path,
      query: redactQuery(req.query),
      headers: redactHeaders(req.headers),
      body: journalBody(req),
      rawBody: req.rawBody,
      status: outcome.kind === 'respond' ? outcome.response.status : null,
      ...(pick.fault ? { fault: pick.fault.kind } : {}),
      durationMs: Math.round(performance.now() - started),
    });
    return outcome;
  }

  function answer(req: SimRequest, fault: ActiveFault | undefined): SimOutcome {
    if (fault?.kind === 'drop' && fault.when !== 'after') return { kind: 'drop' };
    if (fault?.kind === 'error') return { kind: 'respond', response: htmlError(fault.status ?? 502, fault.body) };
    if (fault?.kind === 'rate-limit') return { kind: 'respond', response: injectedTooMany(req, fault.retryAfterMs ?? 1000) };
    if (fault?.kind === 'reply') return { kind: 'respond', response: injectedReply(fault) };
    const response = answerApi(deps, req);
    if (fault?.kind === 'drop') return { kind: 'drop' };
    if (fault?.kind === 'truncate' && response.json !== undefined) {
      const full = Buffer.from(JSON.stringify(response.json));
      const text = full.subarray(0, Math.min(fault.keepBytes ?? Math.floor(full.length / 2), full.length - 1)).toString();
      return { kind: 'respond', response: { status: response.status, headers: response.headers, text } };
    }
    return { kind: 'respond', response };
  }

  function injectedTooMany(req: SimRequest, retryAfterMs: number): SimResponse {
    if (apiOf(req.path) !== 'classic') return newApiTooMany('Too Many Attempts.', deps.limits.requests, retryAfterMs);
    const now = clock();
    return classicTooMany({
      allowed: false,
      limit: deps.limits.classicPerEndpoint,
      remaining: 0,
      resetAt: now + retryAfterMs,
      retryAfterMs,
      retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs / 1000)),
    });
  }

  return core;
}

/** What a `reply` fault answers: its status and body text as given, declared JSON. */
function injectedReply(fault: ActiveFault): SimResponse {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (fault.retryAfterMs !== undefined) headers['retry-after'] = String(Math.max(1, Math.ceil(fault.retryAfterMs / 1000)));
  return { status: fault.status ?? 200, headers, text: fault.body ?? '' };
}

function journalBody(req: SimRequest): JsonValue | string | null {
  if (req.body !== undefined) return req.body as JsonValue;
  return req.rawBody === '' ? null : req.rawBody;
}
