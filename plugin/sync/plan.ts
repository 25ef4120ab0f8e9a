import type { ApiVersion } from '../catalog.js';

/**
 * How contacts travel (docs/decisions/004-sync-strategy.md): batches through
 * `POST /batch`, paced evenly at the documented request rate.
 */
export interface Strategy {
  api: ApiVersion;
  /** Upsert items per batch. */
  contactsPerBatch: number;
  /**
   * New API: one read-only item added to each batch so it is never "only POST
   * api/subscribers" and so never counts against the 5 imports per minute.
   */
  filler: boolean;
  /** Documented requests per minute (new: 120 per account; classic: 60 per endpoint). */
  requestsPerMinute: number;
}

/**
 * MailerLite's documented batch size (both APIs).
 *
 * @example
 * MAX_BATCH_ITEMS // 50
 */
export const MAX_BATCH_ITEMS = 50;

/**
 * The strategy for an API version.
 *
 * @example
 * strategyFor('new') // { api: 'new', contactsPerBatch: 49, filler: true, requestsPerMinute: 120 }
 */
export function strategyFor(api: ApiVersion): Strategy {
  return api === 'new'
    ? { api, contactsPerBatch: MAX_BATCH_ITEMS - 1, filler: true, requestsPerMinute: 120 }
    : { api, contactsPerBatch: MAX_BATCH_ITEMS, filler: false, requestsPerMinute: 60 };
}

/** What a run will do, before it does it (`--dry-run` prints this). */
export interface Plan {
  /** Contacts still to send (after a resumed journal's settled ones). */
  toSend: number;
  /** Batches (= requests) for them, if none is retried. */
  batches: number;
  /** Extra requests before the batches (a group looked up by name). */
  lookups: number;
  /** Time the rate limit needs for all requests, in ms. */
  estimatedMs: number;
  /** Contacts per minute the limits allow with this strategy. */
  boundPerMinute: number;
  /** Contacts per minute with one request per contact. */
  oneByOnePerMinute: number;
}

/**
 * Plans a run: batches needed and the time the documented limits require (requests are
 * paced evenly, one every minute/limit).
 *
 * @example
 * planSync(10_000, strategyFor('new'), 0) // { toSend: 10000, batches: 205, estimatedMs: 102500, boundPerMinute: 5880, ... }
 */
export function planSync(toSend: number, strategy: Strategy, lookups: number, minuteMs = 60_000): Plan {
  const batches = Math.ceil(toSend / strategy.contactsPerBatch);
  const requests = batches + lookups;
  return {
    toSend,
    batches,
    lookups,
    estimatedMs: Math.round((requests * minuteMs) / strategy.requestsPerMinute),
    boundPerMinute: strategy.contactsPerBatch * strategy.requestsPerMinute,
    oneByOnePerMinute: strategy.requestsPerMinute,
  };
}

/**
 * Splits items into batches of at most `size`.
 *
 * @example
 * chunk([1, 2, 3], 2) // [[1, 2], [3]]
 */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
