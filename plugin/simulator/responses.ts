import type { LimitDecision } from './rate-limit.js';
import type { ApiResult, SimResponse } from './types.js';

/** Headers production sends on every new-API response (facts sheet §1.3). */
function baseHeaders(status: number, hasBody: boolean): Record<string, string> {
  const headers: Record<string, string> = { 'cache-control': 'no-cache, private', 'access-control-allow-origin': '*' };
  if (hasBody) headers['content-type'] = 'application/json';
  if (status !== 401 && status !== 404) headers['x-locale'] = 'en';
  return headers;
}

/**
 * A new-API answer with production's headers; `limit` adds `X-RateLimit-Limit` and
 * `X-RateLimit-Remaining` (every authenticated response has them, the 401 does not).
 */
export function newApiResponse(answer: ApiResult, limit?: LimitDecision): SimResponse {
  const headers = baseHeaders(answer.status, answer.body !== undefined);
  if (limit) {
    headers['x-ratelimit-limit'] = String(limit.limit);
    headers['x-ratelimit-remaining'] = String(limit.remaining);
  }
  return answer.body === undefined ? { status: answer.status, headers } : { status: answer.status, headers, json: answer.body };
}

/**
 * 429 from the new API: `Retry-After` in whole seconds (at least 1) and, because a short
 * simulated minute makes seconds too coarse, `X-Sim-Retry-After-Ms` with the exact wait.
 */
export function newApiTooMany(message: string, limit: number, retryAfterMs: number): SimResponse {
  const response = newApiResponse({ status: 429, body: { message } });
  response.headers['x-ratelimit-limit'] = String(limit);
  response.headers['x-ratelimit-remaining'] = '0';
  response.headers['retry-after'] = String(Math.max(1, Math.ceil(retryAfterMs / 1000)));
  response.headers['x-sim-retry-after-ms'] = String(Math.max(1, Math.round(retryAfterMs)));
  return response;
}

/**
 * A classic answer; `limit` adds the four classic rate-limit headers
 * (`X-RateLimit-Reset` as an ISO date-time, `X-RateLimit-Retry-After` in seconds, 0 while
 * requests are left).
 */
export function classicResponse(answer: ApiResult, limit?: LimitDecision): SimResponse {
  const headers: Record<string, string> = { 'cache-control': 'no-cache, private', 'access-control-allow-origin': '*' };
  if (answer.body !== undefined) headers['content-type'] = 'application/json';
  if (limit) {
    const limited = !limit.allowed;
    headers['x-ratelimit-limit'] = String(limit.limit);
    headers['x-ratelimit-remaining'] = String(limit.remaining);
    headers['x-ratelimit-reset'] = new Date(limit.resetAt).toISOString().replace(/\.\d{3}Z$/, 'Z');
    headers['x-ratelimit-retry-after'] = limited ? String(limit.retryAfterSeconds) : '0';
    if (limited) headers['x-sim-retry-after-ms'] = String(limit.retryAfterMs);
  }
  return answer.body === undefined ? { status: answer.status, headers } : { status: answer.status, headers, json: answer.body };
}

/** 429 from the classic API. */
export function classicTooMany(limit: LimitDecision): SimResponse {
  return classicResponse({ status: 429, body: { error: { code: 429, message: 'Too many requests' } } }, limit);
}

const REASONS: Record<number, string> = {
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Temporarily Unavailable',
  504: 'Gateway Time-out',
};

/** An nginx-style HTML error page, as a proxy in front of the API would send. */
export function htmlError(status: number, body?: string): SimResponse {
  const title = `${status} ${REASONS[status] ?? 'Error'}`;
  const text =
    body ?? `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;
  return { status, headers: { 'content-type': 'text/html', server: 'nginx' }, text };
}

/** Answer to a CORS preflight, so a browser page on another port can call the simulator. */
export function corsPreflight(): SimResponse {
  return {
    status: 204,
    headers: {
      'access-control-allow-origin': '*',
      'access-control-allow-methods': 'GET, POST, PUT, DELETE, PATCH, OPTIONS',
      'access-control-allow-headers': 'Authorization, Content-Type, Accept, X-MailerLite-ApiKey, X-Requested-With, X-Version',
      'access-control-max-age': '600',
    },
  };
}
