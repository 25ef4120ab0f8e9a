import type { ValidationErrors } from './errors.js';

/**
 * The largest `limit` of the cursor-paginated subscriber lists: documented for
 * GET /groups/{id}/subscribers (1000); GET /subscribers is served by the same paginator
 * and gets the same bound (decision 002).
 */
export const MAX_CURSOR_LIMIT = 1000;

/**
 * A whole-number query parameter (`limit`, `page`), `fallback` when absent; anything else
 * adds Laravel's "must be an integer" error, and a value outside `min`..`max` its
 * "at least" / "not greater than" error.
 */
export function integerParam(query: URLSearchParams, name: string, fallback: number, errors: ValidationErrors, min = 0, max = Infinity): number {
  const raw = query.get(name);
  if (raw === null || raw === '') return fallback;
  if (!/^-?\d+$/.test(raw)) {
    errors.add(name, `The ${name} field must be an integer.`);
    return fallback;
  }
  const value = Number(raw);
  if (value < min) errors.add(name, `The ${name} field must be at least ${min}.`);
  if (value > max) errors.add(name, `The ${name} field must not be greater than ${max}.`);
  return value;
}

/** Flatten a JSON body into bracketed query keys (`{filter: {name: "x"}}` → `filter[name]=x`). */
export function flattenQuery(value: unknown, into = new URLSearchParams(), prefix = ''): URLSearchParams {
  if (typeof value === 'object' && value !== null) {
    for (const [key, inner] of Object.entries(value)) flattenQuery(inner, into, prefix ? `${prefix}[${key}]` : key);
  } else if (prefix && value !== undefined && value !== null) {
    into.append(prefix, String(value));
  }
  return into;
}

/** The page-numbered list parameters shared by GET /groups and GET /fields. */
export interface ListParams<T> {
  limit: number;
  page: number;
  /** Sorts a copy of the items as `sort` asks (`-` for descending); the items as they are without `sort`. */
  order(items: T[]): T[];
}

/**
 * Reads `limit` (default 25), `page` (from 1) and `sort` (one of `sorts`, optionally with
 * `-`), adding Laravel-style errors for bad values.
 *
 * @example
 * const params = listParams(ctx.query, SORTS, errors); if (errors.empty) params.order(items)
 */
export function listParams<T>(query: URLSearchParams, sorts: Record<string, (a: T, b: T) => number>, errors: ValidationErrors): ListParams<T> {
  const limit = integerParam(query, 'limit', 25, errors, 1);
  const page = integerParam(query, 'page', 1, errors, 1);
  const sort = query.get('sort');
  const compare = sort === null ? undefined : sorts[sort.replace(/^-/, '')];
  if (sort !== null && !compare) errors.add('sort', 'The selected sort is invalid.');
  const descending = sort?.startsWith('-') ?? false;
  return {
    limit,
    page,
    order: (items) => (compare ? [...items].sort(descending ? (a, b) => compare(b, a) : compare) : items),
  };
}
