import type { JsonValue } from '../json.js';

/** Which MailerLite API a request, account or key belongs to. */
export type ApiFlavor = 'new' | 'classic';

/** The five subscriber statuses MailerLite knows (classic calls this `type`). */
export type SubscriberStatus = 'active' | 'unsubscribed' | 'unconfirmed' | 'bounced' | 'junk';

/** All statuses, in MailerLite's documented order. */
export const STATUSES: readonly SubscriberStatus[] = ['active', 'unsubscribed', 'unconfirmed', 'bounced', 'junk'];

/** Statuses the API may never turn back into `active` (only forms and the app can). */
export const LOCKED_STATUSES: ReadonlySet<SubscriberStatus> = new Set(['unsubscribed', 'bounced', 'junk']);

/** The API keys the simulator accepts: one per account. */
export interface SimKeys {
  /** Bearer token of the new-API account (`Authorization: Bearer <key>`). */
  new: string;
  /** Key of the classic account (`X-MailerLite-ApiKey: <key>`). */
  classic: string;
}

/** Obviously fake default keys, printed by `mailerlite-steps sim`. */
export const DEFAULT_SIM_KEYS: Readonly<SimKeys> = Object.freeze({
  new: 'sim-new-0000-key',
  classic: 'sim-classic-0000-key',
});

/** Milliseconds since the epoch; injectable so tests can freeze time. */
export type Clock = () => number;

/** A request as the simulator sees it, transport-neutral (HTTP server or in-process fetch). */
export interface SimRequest {
  /** Upper-case method. */
  method: string;
  /** Raw (still percent-encoded) path, e.g. `/api/subscribers/priya%2B1%40x.com`. */
  path: string;
  query: URLSearchParams;
  /** Header names lower-cased. */
  headers: Record<string, string>;
  /** Parsed body (JSON or form), `undefined` when empty or unparsable. */
  body: unknown;
  /** The body text as received. */
  rawBody: string;
  /** Scheme + host the client used, for the links MailerLite puts in list responses. */
  origin: string;
}

/** What a route handler answers: a status and an optional JSON body (no body for 204). */
export interface ApiResult {
  status: number;
  body?: JsonValue;
}

/** A complete response: JSON body, raw text body (HTML error pages) or none. */
export interface SimResponse {
  status: number;
  headers: Record<string, string>;
  json?: JsonValue;
  text?: string;
}

/** Build an {@link ApiResult}. */
export function result(status: number, body?: JsonValue): ApiResult {
  return body === undefined ? { status } : { status, body };
}
