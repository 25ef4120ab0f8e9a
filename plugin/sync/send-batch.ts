import type { ApiVersion } from '../catalog.js';
import { send, type FetchLike } from '../http/send.js';
import { isJsonObject, type JsonValue } from '../json.js';
import type { OutgoingRequest } from '../request/build.js';
import { isRetryable, type ItemAnswer } from './outcome.js';

/** What one batch request came back with. */
export type BatchAnswer =
  /** The per-item answers, in request order (the new API's filler answer included). */
  | { kind: 'items'; items: ItemAnswer[]; headers: Record<string, string> }
  /** No usable answer, worth sending again: 429, 5xx, a dropped connection, a cut-off body. */
  | { kind: 'retry'; reason: string; status?: number; headers: Record<string, string> }
  /** The key was refused: nothing will work, stop the run. */
  | { kind: 'fatal'; reason: string; status: number }
  /** MailerLite refused the batch itself (400/404/422): the items failed, not retried. */
  | { kind: 'rejected'; reason: string; status: number; headers: Record<string, string> };

/**
 * Sends one batch (a single attempt: the sync loop owns retries and pacing) and reads the
 * per-item answers: new API `{"responses": [{"code", "body"}]}`, classic a bare array of
 * `{"status", "body"}`. A 200 whose items do not line up with the request is retried.
 *
 * @example
 * const answer = await sendBatch(fetch, built.outgoing, 50, 'new', 30_000);
 * if (answer.kind === 'items') answer.items[0].status // 201
 */
export async function sendBatch(fetch: FetchLike, outgoing: OutgoingRequest, expected: number, api: ApiVersion, timeoutMs: number): Promise<BatchAnswer> {
  const sent = await send(outgoing, { fetch, timeoutMs });
  if (sent.kind !== 'response') return { kind: 'retry', reason: `${sent.kind === 'timeout' ? 'timeout' : 'network error'}: ${sent.message}`, headers: {} };
  const { status, headers, body, json } = sent.response;
  const reason = `HTTP ${status}: ${messageOf(body) ?? (json ? 'no message' : 'not JSON')}`;
  if (status === 401 || status === 403) return { kind: 'fatal', reason: `${reason} (check MAILERLITE_API_KEY and --api ${api})`, status };
  if (isRetryable(status)) return { kind: 'retry', reason, status, headers };
  if (status !== 200) return { kind: 'rejected', reason, status, headers };
  const items = json ? itemsOf(body, api) : undefined;
  if (!items) return { kind: 'retry', reason: `HTTP 200 with an unreadable body (${json ? 'no per-item answers' : 'not JSON'})`, status, headers };
  if (items.length !== expected) return { kind: 'retry', reason: `HTTP 200 with ${items.length} answers for ${expected} requests`, status, headers };
  return { kind: 'items', items, headers };
}

function itemsOf(body: JsonValue, api: ApiVersion): ItemAnswer[] | undefined {
  const list = api === 'new' ? (isJsonObject(body) ? body.responses : undefined) : body;
  if (!Array.isArray(list)) return undefined;
  const items: ItemAnswer[] = [];
  for (const entry of list) {
    const code = isJsonObject(entry) ? (api === 'new' ? entry.code : entry.status) : undefined;
    if (!isJsonObject(entry) || typeof code !== 'number') return undefined;
    items.push({ status: code, body: entry.body ?? null });
  }
  return items;
}

function messageOf(body: JsonValue): string | undefined {
  if (isJsonObject(body)) {
    if (typeof body.message === 'string') return body.message;
    if (isJsonObject(body.error) && typeof body.error.message === 'string') return body.error.message;
  }
  if (typeof body !== 'string' || body.trim() === '') return undefined;
  const title = /<title>([^<]*)<\/title>/i.exec(body)?.[1]?.trim();
  return title || body.replace(/\s+/g, ' ').trim().slice(0, 120);
}
