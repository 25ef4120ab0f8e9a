import type { StepTemplate } from '../generated/step-template.js';
import type { JsonValue } from '../json.js';
import { scopeOfContext, type RenderScope } from '../template/scope.js';
import { compileBody } from './body.js';
import type { RenderContext } from './context.js';
import { compileHeaders } from './headers.js';
import { InvalidValue } from './invalid.js';
import { generateRequest } from './request-code.js';
import { compileUrl } from './url.js';

/** A request as shown to people: secrets redacted, the body as a JSON value. */
export interface ShownRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: JsonValue | null;
}

/** A request ready for `fetch`: real header values, the body as JSON text. */
export interface OutgoingRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string | undefined;
}

/** A built request, or the conversation value that could not be placed. */
export type BuiltRequest = { ok: true; outgoing: OutgoingRequest; shown: ShownRequest } | { ok: false; invalid: InvalidValue };

/** A template's request compiled once: builds it over a step's scope. */
export type RequestBuilder = (scope: RenderScope, baseUrl?: string) => BuiltRequest;

/**
 * Compiles a template's request once (URL and query, headers, body), each part escaping
 * its values for its place: generated as one function (`request-code.ts`), else closures.
 * The parts run in that order; the first value that cannot be placed stops the request.
 *
 * @example
 * compileRequest(lookupTemplate.request)(scopeOf({ customer_email: 'priya@example.com' }, {}, { api_key: 'k' }))
 * // { ok: true, outgoing: { method: 'GET', url: 'https://connect.mailerlite.com/api/subscribers/priya@example.com', ... }, shown: {...} }
 */
export function compileRequest(request: StepTemplate['request']): RequestBuilder {
  return generateRequest(request) ?? closureRequest(request);
}

/**
 * The closure form of `compileRequest` (where code generation is disallowed, or a part
 * does not compile: it then throws when a step reaches it).
 *
 * @example
 * closureRequest(lookupTemplate.request)(scopeOf({ customer_email: 'priya@example.com' }, {}, { api_key: 'k' })).ok // true
 */
export function closureRequest(request: StepTemplate['request']): RequestBuilder {
  const { method } = request;
  const url = compileUrl(request.url, request.query);
  const headers = compileHeaders(request.headers);
  const body = compileBody(request.body);
  return (scope, baseUrl) => {
    const builtUrl = url(scope, baseUrl);
    if (typeof builtUrl !== 'string') return { ok: false, invalid: builtUrl };
    const builtHeaders = headers(scope);
    if (builtHeaders instanceof InvalidValue) return { ok: false, invalid: builtHeaders };
    const value = body(scope);
    return {
      ok: true,
      outgoing: { method, url: builtUrl, headers: builtHeaders.sent, body: value === undefined ? undefined : JSON.stringify(value) },
      shown: { method, url: builtUrl, headers: builtHeaders.shown, body: value ?? null },
    };
  };
}

/** A compiled request, with the parts it was compiled from. */
interface Compiled {
  method: string;
  url: string;
  query: unknown;
  headers: unknown;
  body: unknown;
  build: RequestBuilder;
}

const builders = new WeakMap<StepTemplate['request'], Compiled>();

/**
 * The compiled form of a request object, made once, and again if one of its parts (URL,
 * query, headers, body, method) is replaced. Declarations are treated as immutable once run:
 * a change inside a part is not seen.
 *
 * @example
 * requestBuilder(template.request)(scopeOf(values, settings, secrets), baseUrl)
 */
export function requestBuilder(request: StepTemplate['request']): RequestBuilder {
  const hit = builders.get(request);
  if (hit && hit.method === request.method && hit.url === request.url && hit.query === request.query && hit.headers === request.headers && hit.body === request.body) {
    return hit.build;
  }
  const build = compileRequest(request);
  builders.set(request, { method: request.method, url: request.url, query: request.query, headers: request.headers, body: request.body, build });
  return build;
}

/**
 * Renders a template's request over the checked inputs, settings and secrets, escaping
 * every value for its place. `baseUrl` replaces the URL's literal origin (simulator or proxy).
 *
 * @example
 * buildRequest(lookupTemplate, { customer_email: 'priya@example.com', settings: {}, secrets: { api_key: 'k' } })
 * // { ok: true, outgoing: { method: 'GET', url: 'https://connect.mailerlite.com/api/subscribers/priya@example.com', ... }, shown: {...} }
 */
export function buildRequest(template: StepTemplate, context: RenderContext, baseUrl?: string): BuiltRequest {
  return requestBuilder(template.request)(scopeOfContext(context), baseUrl);
}
