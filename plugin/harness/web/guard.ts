import type { IncomingMessage } from 'node:http';
import { HttpError } from './http-io.js';

/**
 * Refuses requests that did not come from the page itself: a Host other than the
 * loopback address the server listens on (DNS rebinding), or an Origin of another site
 * on a request that changes something. The server binds 127.0.0.1 only; this keeps a web
 * page elsewhere from driving it through the browser.
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

function safeHost(origin: string): string | undefined {
  try {
    return new URL(origin).host.toLowerCase();
  } catch {
    return undefined;
  }
}

/**
 * The last line of defence for the API key: true when a body about to be sent holds any
 * of the secret values (whole, or JSON-escaped). The session already redacts requests;
 * this catches anything that slips through, e.g. a response that echoes a header.
 *
 * @example
 * holdsSecret('{"request":{"headers":{"Authorization":"Bearer [redacted:api_key]"}}}', ['sim-new-0000-key']) // false
 */
export function holdsSecret(body: string, secrets: readonly string[]): boolean {
  return secrets.some((secret) => secret.length >= 4 && (body.includes(secret) || body.includes(JSON.stringify(secret).slice(1, -1))));
}
