import type { JsonValue } from '../../json.js';
import { result, type ApiResult } from '../types.js';
import type { NewApiContext } from './context.js';
import { routeNotFound, ValidationErrors } from './errors.js';
import { flattenQuery } from './params.js';

const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH'];
/** At most this many requests per batch. */
export const MAX_BATCH = 50;

/** One checked batch item. */
interface BatchItem {
  method: string;
  path: string;
  body: unknown;
}

/**
 * POST /batch: up to 50 requests run in order against the same account. HTTP 200 even
 * when items fail; each item gets `{code, body}`. A malformed envelope gets 422 with
 * `requests.N.field` keys.
 */
export function runBatch(ctx: NewApiContext): ApiResult {
  const items = readBatch(ctx.body);
  if (items instanceof ValidationErrors) return items.toResult();
  const responses = items.map((item) => runItem(ctx, item));
  const successful = responses.filter((r) => r.code >= 200 && r.code < 300).length;
  return result(200, { total: responses.length, successful, failed: responses.length - successful, responses });
}

/**
 * True when a batch body consists only of `POST api/subscribers` items: MailerLite treats
 * those as an import, which also counts against the import-creation limit.
 */
export function isImportBatch(body: unknown): boolean {
  const items = readBatch(body);
  return !(items instanceof ValidationErrors) && items.every((i) => i.method === 'POST' && normalizePath(i.path) === 'api/subscribers');
}

function runItem(ctx: NewApiContext, item: BatchItem): { code: number; body: JsonValue } {
  const path = normalizePath(item.path);
  const [pathname = '', search = ''] = path.split('?', 2);
  if (!pathname.startsWith('api/') || pathname === 'api/batch') {
    const missing = routeNotFound(pathname);
    return { code: missing.status, body: missing.body ?? null };
  }
  const query = new URLSearchParams(search);
  const isGet = item.method === 'GET';
  if (isGet) flattenQuery(item.body, query);
  const answer = ctx.dispatch({ method: item.method, path: pathname.slice(3), query, body: isGet ? undefined : item.body });
  return { code: answer.status, body: answer.body ?? null };
}

/** `/api/x` and `api/x` both work (production accepted the leading slash). */
function normalizePath(path: string): string {
  return path.replace(/^\/+/, '');
}

function readBatch(body: unknown): BatchItem[] | ValidationErrors {
  const errors = new ValidationErrors();
  const requests = typeof body === 'object' && body !== null ? (body as Record<string, unknown>).requests : undefined;
  if (requests === undefined || requests === null || (Array.isArray(requests) && requests.length === 0)) {
    errors.add('requests', 'The requests field is required.');
    return errors;
  }
  if (!Array.isArray(requests)) {
    errors.add('requests', 'The requests field must be an array.');
    return errors;
  }
  if (requests.length > MAX_BATCH) errors.add('requests', `The requests field must not have more than ${MAX_BATCH} items.`);
  const items: BatchItem[] = [];
  requests.forEach((raw: unknown, i) => {
    const at = `requests.${i}`;
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      errors.add(at, `The ${at} field must be an array.`);
      return;
    }
    const r = raw as Record<string, unknown>;
    const method = typeof r.method === 'string' ? r.method.toUpperCase() : undefined;
    if (r.method === undefined || r.method === null || r.method === '') errors.add(`${at}.method`, `The ${at}.method field is required.`);
    else if (!method || !METHODS.includes(method)) errors.add(`${at}.method`, `The selected ${at}.method is invalid.`);
    if (r.path === undefined || r.path === null || r.path === '') errors.add(`${at}.path`, `The ${at}.path field is required.`);
    else if (typeof r.path !== 'string') errors.add(`${at}.path`, `The ${at}.path field must be a string.`);
    if (r.body !== undefined && r.body !== null && (typeof r.body !== 'object')) errors.add(`${at}.body`, `The ${at}.body field must be an array.`);
    if (method && typeof r.path === 'string') items.push({ method, path: r.path, body: r.body });
  });
  return errors.empty ? items : errors;
}
