import type { IncomingMessage } from 'node:http';
import { HttpError } from './http-io.js';

/**
 * Refuses requests that did not come from the page itself: a Host other than the
 * loopback address the server listens on (DNS rebinding), or an Origin of another site.
 * The server binds 127.0.0.1 only; this keeps a web page elsewhere from driving it
 * through the browser.
 *
 * @example
 * checkCaller(req, 8787) // throws HttpError 403 for Host: evil.example
 */
export function checkCaller(req: IncomingMessage, port: number): void {
  const allowed = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const host = String(req.headers.host ?? '').toLowerCase();
  if (!allowed.has(host)) {
    throw new HttpError(403, 'forbidden', `this harness answers only at http://127.0.0.1:${port}/ (got Host: ${host || 'none'})`);
  }
  const origin = req.headers.origin;
  if (origin !== undefined && origin !== 'null') {
    const originHost = safeHost(origin);
    if (!originHost || !allowed.has(originHost)) throw new HttpError(403, 'forbidden', `requests from ${origin} are refused: open http://127.0.0.1:${port}/`);
  }
}

/**
 * Refuses a request that changes something (every POST: run, reset, seed) unless it is
 * what the page's own `fetch` sends: `Content-Type: application/json` (a form or a
 * `text/plain` body can be posted by any site without asking) and an `Origin` equal to
 * this server's own scheme, host and port (a missing Origin, `Origin: null` from a
 * sandboxed frame or a file, and any other site are refused). Call after {@link checkCaller}.
 *
 * @example
 * checkChange(req) // throws HttpError 403 for Origin: null
 */
export function checkChange(req: IncomingMessage): void {
  const own = `http://${String(req.headers.host ?? '').toLowerCase()}`;
  const origin = req.headers.origin;
  if (origin === undefined || origin.toLowerCase() !== own) {
    const got = origin === undefined ? 'no Origin header' : `Origin: ${origin}`;
    throw new HttpError(403, 'forbidden', `a request that changes something must come from this page (Origin: ${own}); got ${got}`);
  }
  const type = String(req.headers['content-type'] ?? '');
  if (!/^application\/json\s*(;|$)/i.test(type)) {
    throw new HttpError(415, 'bad_request', `send the body as JSON with Content-Type: application/json (got ${type ? `Content-Type: ${type}` : 'no Content-Type'})`);
  }
}

function safeHost(origin: string): string | undefined {
  try {
    return new URL(origin).host.toLowerCase();
  } catch {
    return undefined;
  }
}
