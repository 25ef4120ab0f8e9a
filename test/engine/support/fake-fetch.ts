import { readResponse, type ResponseRecord } from '../../../plugin/http/response.js';
import type { FetchLike } from '../../../plugin/http/send.js';
import type { JsonValue } from '../../../plugin/json.js';
import { mailerliteHeaders, shapeBody, type Shape, type ShapeOptions } from './mailerlite.js';

/** What the fake MailerLite answers to one request. */
export type Reply =
  | {
      status: number;
      /** A real-looking MailerLite body by name (see mailerlite.ts). */
      shape?: Shape;
      with?: ShapeOptions;
      /** A literal JSON body instead of a shape. */
      body?: JsonValue;
      /** A raw text body (non-JSON, e.g. a proxy's HTML error page); "" for an empty body. */
      text?: string;
      /** Extra headers (e.g. `retry-after`). */
      headers?: Record<string, string>;
    }
  | { failure: 'network' | 'timeout' };

/** One scripted exchange: the request expected (`"GET https://..."`, optional) and the reply. */
export interface Exchange {
  request?: string;
  reply: Reply;
}

/** A request the fake received. */
export interface SeenRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  /** The body parsed as JSON; undefined when none was sent. */
  body: JsonValue | undefined;
}

/** The fake's state after a run. */
export interface FakeMailerLite {
  fetch: FetchLike;
  requests: SeenRequest[];
  /** Requests that did not match the script (must stay empty), and exchanges left unused. */
  problems(): string[];
}

function refuse(): Error {
  const cause = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:443'), { code: 'ECONNREFUSED' });
  return new TypeError('fetch failed', { cause });
}

/** Hangs until the request's signal aborts, then rejects like fetch does. */
function hang(signal: AbortSignal | null | undefined): Promise<Response> {
  return new Promise((_, reject) => {
    if (!signal) return;
    signal.addEventListener('abort', () => reject(signal.reason), { once: true });
  });
}

function lowerKeys(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
}

/**
 * A real Response as MailerLite would send it for a reply: a shape's body, MailerLite's
 * headers, no body on 204.
 */
export function respond(url: string, reply: Extract<Reply, { status: number }>): Response {
  let text = reply.text;
  if (text === undefined) {
    const body = reply.body ?? (reply.shape ? shapeBody(reply.shape, reply.with) : undefined);
    text = body === undefined ? '' : JSON.stringify(body);
  }
  const headers = { ...mailerliteHeaders(url, reply.status, text !== '' && reply.text === undefined), ...lowerKeys(reply.headers ?? {}) };
  const nullBody = reply.status === 204 || reply.status === 304;
  return new Response(nullBody ? null : text, { status: reply.status, headers });
}

/**
 * A fetch that plays a script of MailerLite exchanges in order, recording every request.
 * A request beyond the script or not matching the expected `METHOD URL` is a problem
 * (reported by `problems()`) and fails like a refused connection.
 *
 * @example
 * const ml = fakeMailerLite([{ request: 'GET https://connect.mailerlite.com/api/subscribers/priya@example.com', reply: { status: 404, shape: 'subscriber_not_found' } }]);
 * await runStep(lookup, { customer_email: 'priya@example.com' }, { settings, secrets, fetch: ml.fetch });
 * expect(ml.problems()).toEqual([]);
 */
export function fakeMailerLite(script: Exchange[]): FakeMailerLite {
  const requests: SeenRequest[] = [];
  const problems: string[] = [];
  let next = 0;
  const fetch: FetchLike = async (url, init) => {
    const headers = Object.fromEntries(new Headers(init.headers).entries());
    const text = typeof init.body === 'string' ? init.body : undefined;
    const method = init.method ?? 'GET';
    requests.push({ method, url, headers, body: text === undefined ? undefined : (JSON.parse(text) as JsonValue) });
    const exchange = script[next++];
    const seen = `${method} ${url}`;
    if (!exchange) {
      problems.push(`unexpected request ${seen}`);
      throw refuse();
    }
    if (exchange.request !== undefined && exchange.request !== seen) problems.push(`expected ${exchange.request}, got ${seen}`);
    const reply = exchange.reply;
    if ('failure' in reply) {
      if (reply.failure === 'network') throw refuse();
      return hang(init.signal);
    }
    return respond(url, reply);
  };
  return {
    fetch,
    requests,
    problems: () => [...problems, ...script.slice(next).map((e) => `unused exchange ${e.request ?? JSON.stringify(e.reply)}`)],
  };
}

/**
 * A reply as the engine records it: through a real Response and readResponse.
 *
 * @example
 * const response = await recordedResponse({ status: 404, shape: 'subscriber_not_found' });
 */
export async function recordedResponse(
  reply: Extract<Reply, { status: number }> | null,
  url = 'https://connect.mailerlite.com/api/subscribers',
): Promise<ResponseRecord | null> {
  return reply === null ? null : readResponse(respond(url, reply));
}
