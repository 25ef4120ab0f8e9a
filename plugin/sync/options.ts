import type { ApiVersion } from '../catalog.js';
import { UsageError } from '../errors.js';
import type { SeedInput } from '../simulator/seed-input.js';
import { didYouMean } from '../nearest.js';
import { CONTACT_FIELDS, type ContactField } from './types.js';

/**
 * Options of `mailerlite-steps sync <file> --group <id|name>`. The first block mirrors the
 * command-line flags; the rest are knobs for tests, benchmarks and a simulator with a
 * short minute.
 *
 * @example
 * const options: SyncOptions = { file: 'optins.csv', group: 'WhatsApp Opt-Ins', target: 'sim', dryRun: true };
 */
export interface SyncOptions {
  /** CSV (header row) or JSON Lines (`.jsonl` / `.ndjson`). */
  file: string;
  /** Group id (digits) or exact group name. */
  group: string;
  /** `new` (default) or `classic`. */
  api?: ApiVersion;
  /** `sim` (default: the embedded simulator) or `live` (MAILERLITE_API_KEY). */
  target?: 'sim' | 'live';
  /** A simulator (or proxy) already running, e.g. http://127.0.0.1:9090. */
  baseUrl?: string;
  /** Print the plan; send nothing. */
  dryRun?: boolean;
  /** Journal file: created when missing, resumed when present. */
  journal?: string;
  /** Write the JSON report here. */
  report?: string;
  /** `column=field` pairs for other headers, e.g. `E-mail=email`, `WhatsApp=phone`. */
  map?: string[];

  /** Environment for MAILERLITE_API_KEY (default process.env). */
  env?: NodeJS.ProcessEnv;
  /** Seed of the embedded simulator (`target: 'sim'`): its JSON seed format or a scenario. */
  seed?: SeedInput;
  /** Length of a rate-limit minute in ms (default: the embedded simulator's, else 60000). */
  windowMs?: number;
  /** Batches in flight at once (default 8). */
  concurrency?: number;
  /** Attempts per contact before it counts as failed (default 6). */
  maxAttempts?: number;
  /** Backoff after a 5xx or network failure: full jitter up to min(max, base·2^n) (default 500 / 8000 ms). */
  backoffMs?: { base: number; max: number };
  /** Per-request timeout (default 30000 ms). */
  timeoutMs?: number;
  /** Plain progress lines at most this often (default 5000 ms), plus every 10%. */
  progressEveryMs?: number;
}

/** `--map` pairs as header (lower-cased) → field. */
export type FieldMap = ReadonlyMap<string, ContactField>;

/**
 * Parses `--map col=field` pairs; the field must be one of email, name, phone, opted_in_at.
 *
 * @example
 * parseFieldMap(['E-mail=email', 'WhatsApp=phone']) // Map { 'e-mail' => 'email', 'whatsapp' => 'phone' }
 */
export function parseFieldMap(pairs: readonly string[] = []): FieldMap {
  const map = new Map<string, ContactField>();
  for (const pair of pairs) {
    const eq = pair.lastIndexOf('=');
    const column = pair.slice(0, Math.max(eq, 0)).trim();
    const field = pair.slice(eq + 1).trim();
    if (eq <= 0 || column === '') throw new UsageError(`--map ${JSON.stringify(pair)}: expected column=field, e.g. --map "E-mail=email"`);
    if (!(CONTACT_FIELDS as readonly string[]).includes(field)) {
      throw new UsageError(`--map ${JSON.stringify(pair)}: unknown field "${field}"${didYouMean(field, CONTACT_FIELDS)}; fields: ${CONTACT_FIELDS.join(', ')}`);
    }
    map.set(column.toLowerCase(), field as ContactField);
  }
  return map;
}

/**
 * Checks the numeric knobs and the flags that exclude each other.
 *
 * @example
 * checkOptions({ file: 'a.csv', group: '1', target: 'live', baseUrl: 'http://x' }) // throws UsageError
 */
export function checkOptions(options: SyncOptions): void {
  if (!options.file) throw new UsageError('sync: missing <file>, e.g. mailerlite-steps sync optins.csv --group "WhatsApp Opt-Ins"');
  if (!options.group || options.group.trim() === '') throw new UsageError('sync: missing --group <id|name>, e.g. --group 123456789 or --group "WhatsApp Opt-Ins"');
  if (options.api !== undefined && options.api !== 'new' && options.api !== 'classic') {
    throw new UsageError(`--api ${JSON.stringify(options.api)}: expected new or classic`);
  }
  if (options.target !== undefined && options.target !== 'sim' && options.target !== 'live') {
    throw new UsageError(`--target ${JSON.stringify(options.target)}: expected sim or live`);
  }
  const positive = { windowMs: options.windowMs, concurrency: options.concurrency, maxAttempts: options.maxAttempts, timeoutMs: options.timeoutMs };
  for (const [name, value] of Object.entries(positive)) {
    if (value !== undefined && !(Number.isFinite(value) && value > 0)) throw new UsageError(`sync: ${name} must be a positive number; got ${value}`);
  }
}
