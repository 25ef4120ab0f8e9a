import type { ApiResult } from './types.js';

/** Path parameters by name, percent-decoded. */
export type Params = Record<string, string>;

/** One route: method, pattern with `:name` segments, handler. */
export interface Route<C> {
  method: string;
  pattern: string;
  handle: (ctx: C, params: Params) => ApiResult;
}

/** The outcome of matching a method and path against a route table. */
export type RouteMatch<C> =
  | { kind: 'found'; route: Route<C>; params: Params }
  | { kind: 'method-not-allowed'; allowed: string[] }
  | { kind: 'not-found' };

/**
 * Find the route for `method` + `path` (path relative to the API base, e.g.
 * `/subscribers/priya%40example.com`). Literal segments must match exactly; `:name`
 * segments take any one segment. HEAD is served by the GET route.
 *
 * @example
 * matchRoute([{ method: 'GET', pattern: '/groups/:id', handle }], 'GET', '/groups/42');
 * // { kind: 'found', route, params: { id: '42' } }
 */
export function matchRoute<C>(routes: ReadonlyArray<Route<C>>, method: string, path: string): RouteMatch<C> {
  const wanted = method === 'HEAD' ? 'GET' : method;
  const segments = path.split('/').filter(Boolean);
  const allowed: string[] = [];
  for (const route of routes) {
    const params = matchSegments(route.pattern, segments);
    if (!params) continue;
    if (route.method === wanted) return { kind: 'found', route, params };
    allowed.push(route.method);
  }
  return allowed.length > 0 ? { kind: 'method-not-allowed', allowed } : { kind: 'not-found' };
}

function matchSegments(pattern: string, segments: string[]): Params | undefined {
  const parts = pattern.split('/').filter(Boolean);
  if (parts.length !== segments.length) return undefined;
  const params: Params = {};
  for (let i = 0; i < parts.length; i += 1) {
    const part = parts[i]!;
    const segment = decodeSegment(segments[i]!);
    if (part.startsWith(':')) params[part.slice(1)] = segment;
    else if (part !== segment) return undefined;
  }
  return params;
}

/** Percent-decode one path segment (`+` stays a plus); malformed escapes stay as sent. */
export function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
