import type { ShownRequest } from '../../request/build.js';
import { redactedMarker } from '../../request/context.js';

/** Quotes a value for a POSIX shell: single quotes, with `'` written as `'\''`. */
export function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** Quotes for inside double quotes, so that `$NAME` may follow. */
function doubleQuoteBody(value: string): string {
  return value.replace(/[\\"$`]/g, (c) => '\\' + c);
}

/**
 * The request as raw HTTP/1.1 text: request line, Host, headers (secrets redacted), body.
 *
 * @example
 * formatHttp({ method: 'GET', url: 'https://connect.mailerlite.com/api/groups', headers: {}, body: null })
 * // 'GET /api/groups HTTP/1.1\r\nHost: connect.mailerlite.com\r\n\r\n'
 */
export function formatHttp(request: ShownRequest): string {
  const url = new URL(request.url);
  const lines = [`${request.method} ${url.pathname}${url.search} HTTP/1.1`, `Host: ${url.host}`];
  for (const [name, value] of Object.entries(request.headers)) lines.push(`${name}: ${value}`);
  const body = request.body === null ? '' : JSON.stringify(request.body);
  if (body) lines.push(`Content-Length: ${Buffer.byteLength(body)}`);
  return lines.join('\r\n') + '\r\n\r\n' + body;
}

/**
 * A curl command safe to paste: every value single-quoted; a secret header reads the key
 * from the environment variable (e.g. "$MAILERLITE_API_KEY"), never its value.
 *
 * @example
 * formatCurl(request, { api_key: 'MAILERLITE_API_KEY' })
 * // curl -X GET 'https://…/subscribers/priya@example.com' -H "Authorization: Bearer $MAILERLITE_API_KEY"
 */
export function formatCurl(request: ShownRequest, secretEnv: Record<string, string>): string {
  const parts = [`curl -X ${request.method} ${shellQuote(request.url)}`];
  for (const [name, value] of Object.entries(request.headers)) {
    const secret = Object.keys(secretEnv).find((key) => value.includes(redactedMarker(key)));
    if (secret) {
      const [before, after] = value.split(redactedMarker(secret));
      parts.push(`-H "${doubleQuoteBody(`${name}: ${before ?? ''}`)}$${secretEnv[secret]}${doubleQuoteBody(after ?? '')}"`);
    } else {
      parts.push(`-H ${shellQuote(`${name}: ${value}`)}`);
    }
  }
  if (request.body !== null) parts.push(`--data-raw ${shellQuote(JSON.stringify(request.body))}`);
  return parts.join(' \\\n  ');
}
