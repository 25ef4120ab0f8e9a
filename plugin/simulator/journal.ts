import type { JsonValue } from '../json.js';
import type { FaultKind } from './faults.js';

/** One request the simulator received on an API route. */
export interface JournalEntry {
  /** 1, 2, 3, ... in arrival order (not reset by `clearJournal`). */
  seq: number;
  /** ISO time of arrival. */
  timestamp: string;
  /** Which API the path belongs to (`other` for paths outside `/api`). */
  api: 'new' | 'classic' | 'other';
  method: string;
  path: string;
  /** Query parameters, last value wins (`filter[status]` kept as is); an `api_key` redacted. */
  query: Record<string, string>;
  /** Lower-cased header names; API keys replaced by `[REDACTED]`. */
  headers: Record<string, string>;
  /** Parsed JSON (or form) body; the raw text when it did not parse; null when empty. */
  body: JsonValue | string | null;
  /** The body text exactly as received ('' when empty), for byte-for-byte checks. */
  rawBody: string;
  /** Status answered, or null when the connection was dropped. */
  status: number | null;
  /** The injected fault that shaped the answer, if any. */
  fault?: FaultKind;
  /** Time from arrival to answer (including injected latency). */
  durationMs: number;
}

const SECRET_HEADERS = ['authorization', 'x-mailerlite-apikey'];

/** Headers with API keys redacted (the `Bearer` scheme kept, so the shape stays visible). */
export function redactHeaders(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (!SECRET_HEADERS.includes(name)) out[name] = value;
    else out[name] = /^bearer\s/i.test(value) ? `${value.split(/\s/)[0]} [REDACTED]` : '[REDACTED]';
  }
  return out;
}

/** Query parameter names that carry a key (the classic API takes `?api_key=`), compared lower-cased. */
const SECRET_QUERY = ['api_key', 'apikey'];

/**
 * Query parameters as an object (last value wins) with a key passed as `api_key`
 * redacted like the key headers are.
 *
 * @example
 * redactQuery(new URLSearchParams('api_key=abc&limit=5')) // { api_key: '[REDACTED]', limit: '5' }
 */
export function redactQuery(query: URLSearchParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of query) out[name] = SECRET_QUERY.includes(name.toLowerCase()) ? '[REDACTED]' : value;
  return out;
}

/** A bounded, in-memory record of API requests, oldest dropped first. */
export class Journal {
  private entries: JournalEntry[] = [];
  private seq = 0;

  constructor(private readonly limit = 10_000) {}

  add(entry: Omit<JournalEntry, 'seq'>): JournalEntry {
    const full = { seq: ++this.seq, ...entry };
    this.entries.push(full);
    if (this.entries.length > this.limit) this.entries.splice(0, this.entries.length - this.limit);
    return full;
  }

  list(): JournalEntry[] {
    return [...this.entries];
  }

  clear(): void {
    this.entries = [];
  }
}
