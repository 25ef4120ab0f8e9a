import type { JsonValue } from '../../json.js';
import { result, type ApiResult } from '../types.js';
import type { ClassicContext } from './context.js';
import { badRequest, endpointNotFound } from './errors.js';

const METHODS = ['GET', 'POST', 'PUT', 'DELETE'];

/**
 * POST /batch `{"requests": [{method, path: "/api/v2/...", body?}]}`: at most 50, run in
 * order; 200 with an array of `{body, status}`.
 */
export function runClassicBatch(ctx: ClassicContext): ApiResult {
  const requests = typeof ctx.body === 'object' && ctx.body !== null ? (ctx.body as Record<string, unknown>).requests : undefined;
  if (!Array.isArray(requests) || requests.length === 0) return badRequest('Every request in a query must have method and path parameters');
  if (requests.length > 50) return badRequest('There is a limit of maximum 50 requests per single batch');
  const items: Array<{ method: string; path: string; body: unknown }> = [];
  for (const raw of requests as unknown[]) {
    const r = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
    if (typeof r.method !== 'string' || !METHODS.includes(r.method.toUpperCase()) || typeof r.path !== 'string') {
      return badRequest('Every request in a query must have method and path parameters');
    }
    items.push({ method: r.method.toUpperCase(), path: r.path, body: r.body });
  }
  return result(200, items.map((item) => runItem(ctx, item)));
}

function runItem(ctx: ClassicContext, item: { method: string; path: string; body: unknown }): { body: JsonValue; status: number } {
  const [pathname = '', search = ''] = item.path.replace(/^\/?/, '/').split('?', 2);
  const inner = pathname.startsWith('/api/v2/') ? pathname.slice('/api/v2'.length) : undefined;
  const answer = inner === undefined || inner === '/batch' ? endpointNotFound() : ctx.dispatch({ method: item.method, path: inner, query: new URLSearchParams(search), body: item.body });
  return { body: answer.body ?? null, status: answer.status };
}
