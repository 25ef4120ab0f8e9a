import type { JsonObject, JsonValue } from '../../json.js';

/** A page of items with the `links` and `meta` that go with it. */
export interface Page<T> {
  items: T[];
  links: JsonObject;
  meta: JsonObject;
}

/** Cursor encoding seen in production: base64url (no padding) of `{"id":<digits>,"_pointsToNextItems":bool}`. */
export function encodeCursor(id: string, pointsToNext: boolean): string {
  return Buffer.from(`{"id":${id},"_pointsToNextItems":${pointsToNext}}`).toString('base64url');
}

/** Decode a cursor; the id stays a digit string (it exceeds 2^53). Junk gives undefined. */
export function decodeCursor(cursor: string): { id: string; next: boolean } | undefined {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const m = /^\{"id":(\d+),"_pointsToNextItems":(true|false)\}$/.exec(text);
  return m ? { id: m[1]!, next: m[2] === 'true' } : undefined;
}

/**
 * Cursor pagination over items sorted newest first (descending id), as
 * GET /subscribers and GET /groups/{id}/subscribers do. A cursor that does not decode
 * gives an empty page (production answered `cursor=1` with 200 and no data).
 */
export function cursorPage<T extends { id: string }>(
  items: readonly T[],
  cursor: string | null,
  limit: number,
  path: string,
  compare: (a: string, b: string) => number,
): Page<T> {
  let start = 0;
  let end = Math.min(limit, items.length);
  if (cursor !== null) {
    const decoded = decodeCursor(cursor);
    if (!decoded) return { items: [], links: cursorLinks(path, null, null), meta: cursorMeta(path, limit, null, null) };
    if (decoded.next) {
      start = firstIndex(items, (item) => compare(item.id, decoded.id) < 0);
      end = Math.min(start + limit, items.length);
    } else {
      end = firstIndex(items, (item) => compare(item.id, decoded.id) <= 0);
      start = Math.max(0, end - limit);
    }
  }
  const page = items.slice(start, end);
  const next = end < items.length && page.length > 0 ? encodeCursor(page[page.length - 1]!.id, true) : null;
  const prev = start > 0 && page.length > 0 ? encodeCursor(page[0]!.id, false) : null;
  return { items: page, links: cursorLinks(path, prev, next), meta: cursorMeta(path, limit, next, prev) };
}

function firstIndex<T>(items: readonly T[], test: (item: T) => boolean): number {
  const index = items.findIndex(test);
  return index === -1 ? items.length : index;
}

function cursorLinks(path: string, prev: string | null, next: string | null): JsonObject {
  const url = (c: string | null) => (c === null ? null : `${path}?cursor=${c}`);
  return { first: null, last: null, prev: url(prev), next: url(next) };
}

function cursorMeta(path: string, limit: number, next: string | null, prev: string | null): JsonObject {
  return { path, per_page: limit, next_cursor: next, prev_cursor: prev };
}

/**
 * Page-number pagination with Laravel's paginator shape (groups, fields): `links` with
 * first/last/prev/next and `meta` with the numbered link list.
 */
export function numberedPage<T>(items: readonly T[], page: number, perPage: number, path: string): Page<T> {
  const total = items.length;
  const lastPage = Math.max(1, Math.ceil(total / perPage));
  const slice = items.slice((page - 1) * perPage, page * perPage);
  const url = (n: number) => `${path}?page=${n}`;
  const from = slice.length > 0 ? (page - 1) * perPage + 1 : null;
  const metaLinks: JsonValue[] = [{ url: page > 1 ? url(page - 1) : null, label: '&laquo; Previous', active: false }];
  for (const n of pageWindow(page, lastPage)) {
    metaLinks.push(n === null ? { url: null, label: '...', active: false } : { url: url(n), label: String(n), active: n === page });
  }
  metaLinks.push({ url: page < lastPage ? url(page + 1) : null, label: 'Next &raquo;', active: false });
  return {
    items: slice,
    links: { first: url(1), last: url(lastPage), prev: page > 1 ? url(page - 1) : null, next: page < lastPage ? url(page + 1) : null },
    meta: {
      current_page: page,
      from,
      last_page: lastPage,
      links: metaLinks,
      path,
      per_page: perPage,
      to: from === null ? null : from + slice.length - 1,
      total,
    },
  };
}

/** Laravel's UrlWindow (3 pages each side): page numbers with `null` for "...". */
function pageWindow(current: number, last: number): Array<number | null> {
  const range = (a: number, b: number) => Array.from({ length: Math.max(0, b - a + 1) }, (_, i) => a + i);
  const side = 3;
  const window = side + 4;
  if (last < window * 2 + 6) return range(1, last);
  if (current <= window) return [...range(1, window + side), null, last - 1, last];
  if (current > last - window) return [1, 2, null, ...range(last - (window + side - 1), last)];
  return [1, 2, null, ...range(current - side, current + side), null, last - 1, last];
}
