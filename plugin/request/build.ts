import type { StepTemplate } from '../generated/step-template.js';
import type { JsonValue } from '../json.js';
import type { RenderContext } from './context.js';
import { renderBody } from './body.js';
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
 * every value for its place. `baseUrl` replaces the URL's literal origin (simulator or proxy).
 *
 * @example
 * buildRequest(lookupTemplate, { customer_email: 'priya@example.com', settings: {}, secrets: { api_key: 'k' } })
 * // { ok: true, outgoing: { method: 'GET', url: 'https://connect.mailerlite.com/api/subscribers/priya@example.com', ... }, shown: {...} }
 */
export function buildRequest(template: StepTemplate, context: RenderContext, baseUrl?: string): BuiltRequest {
  const { request } = template;
  const url = renderUrl(request.url, request.query, context, baseUrl);
  if (url instanceof InvalidValue) return { ok: false, invalid: url };
  const headers = renderHeaders(request.headers, context);
  if (headers instanceof InvalidValue) return { ok: false, invalid: headers };
  const body = renderBody(request.body, context);
  return {
    ok: true,
    outgoing: { method: request.method, url, headers: headers.sent, body: body === undefined ? undefined : JSON.stringify(body) },
    shown: { method: request.method, url, headers: headers.shown, body: body ?? null },
  };
}
