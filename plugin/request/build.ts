import type { StepTemplate } from '../generated/step-template.js';
import type { JsonValue } from '../json.js';
import { renderBody } from './body.js';
import type { RenderContext } from './context.js';
import { renderHeaders } from './headers.js';
import { InvalidValue } from './invalid.js';
import { renderUrl } from './url.js';

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

/**
 * Renders a template's request over the checked inputs, settings and secrets, escaping
 * every value for its place (URL and query, then headers, then body; the first value that
 * cannot be placed stops the request). `baseUrl` replaces the URL's literal origin
 * (simulator or proxy).
 *
 * @example
 * buildRequest(lookupTemplate, { customer_email: 'priya@example.com', settings: {}, secrets: { api_key: 'k' } })
 * // { ok: true, outgoing: { method: 'GET', url: 'https://connect.mailerlite.com/api/subscribers/priya@example.com', ... }, shown: {...} }
 */
export function buildRequest(template: Pick<StepTemplate, 'request'>, context: RenderContext, baseUrl?: string): BuiltRequest {
  const { method, url, query, headers, body } = template.request;
  const builtUrl = renderUrl(url, query, context, baseUrl);
  if (builtUrl instanceof InvalidValue) return { ok: false, invalid: builtUrl };
  const builtHeaders = renderHeaders(headers, context);
  if (builtHeaders instanceof InvalidValue) return { ok: false, invalid: builtHeaders };
  const value = renderBody(body, context);
  return {
    ok: true,
    outgoing: { method, url: builtUrl, headers: builtHeaders.sent, body: value === undefined ? undefined : JSON.stringify(value) },
    shown: { method, url: builtUrl, headers: builtHeaders.shown, body: value ?? null },
  };
}
