import type { SimOutcome } from './app.js';
import { parseBody, responseText } from './body.js';
import type { SimRequest } from './types.js';

/** The shape of the global `fetch`. */
export type FetchLike = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

/**
 * A fetch-compatible function over a simulator's `handle`: no sockets, any origin. A
 * dropped connection rejects like undici does (`TypeError: fetch failed`); an abort
 * signal rejects at once while the simulator still finishes the request, as a server would.
 *
 * @example
 * const res = await sim.fetch('http://sim.local/api/subscribers/priya@example.com', { headers });
 */
export function createFetch(handle: (req: SimRequest) => Promise<SimOutcome>): FetchLike {
  return async (input, init) => {
    const request = new Request(input, init);
    request.signal.throwIfAborted();
    const url = new URL(request.url);
    const rawBody = request.body ? await request.text() : '';
    const headers: Record<string, string> = {};
    request.headers.forEach((value, name) => (headers[name] = value));
    const outcome = await untilAborted(
      handle({
        method: request.method.toUpperCase(),
        path: url.pathname,
        query: url.searchParams,
        headers,
        body: parseBody(rawBody, headers['content-type']),
        rawBody,
        origin: url.origin,
      }),
      request.signal,
    );
    if (outcome.kind === 'drop') {
      throw new TypeError('fetch failed', { cause: Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' }) });
    }
    const { status, headers: responseHeaders } = outcome.response;
    const body = status === 204 || status === 304 ? null : (responseText(outcome.response) ?? null);
    return new Response(body, { status, headers: responseHeaders });
  };
}

function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    if (signal.aborted) {
      work.catch(() => undefined);
      reject(signal.reason);
      return;
    }
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
