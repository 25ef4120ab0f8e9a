import type { ApiVersion, Catalog } from '../catalog.js';
import { DeclarationError } from '../errors.js';
import type { StepTemplate } from '../generated/step-template.js';
import { isJsonObject, type JsonObject, type JsonValue } from '../json.js';
import { buildRequest, type OutgoingRequest, type ShownRequest } from '../request/build.js';
import { prepareStep } from '../step/run.js';
import type { Strategy } from './plan.js';
import type { Contact } from './types.js';

/**
 * The step template each batch item is the same request as.
 *
 * @example
 * catalog.template(UPSERT_TEMPLATE.new)?.request.url // 'https://connect.mailerlite.com/api/subscribers'
 */
export const UPSERT_TEMPLATE: Readonly<Record<ApiVersion, string>> = {
  new: 'mailerlite.subscriber.upsert',
  classic: 'mailerlite-classic.group.add-subscriber',
};

/**
 * The read-only item that keeps a new-API batch from being "only POST api/subscribers"
 * (an import, limited to 5 per minute): GET /subscribers?limit=0, which answers
 * `{"total": N}` (for a GET item, `body` is the query).
 *
 * @example
 * requests.batch(items) // { requests: [...items, FILLER_ITEM] } for the new API
 */
export const FILLER_ITEM: JsonObject = { method: 'GET', path: 'api/subscribers', body: { limit: 0 } };

/** One batch item, or why the contact cannot be put in one. */
export type BuiltItem = { ok: true; item: JsonObject } | { ok: false; message: string };

/** A batch request: real headers for fetch, and the redacted copy for display. */
export interface BuiltBatch {
  outgoing: OutgoingRequest;
  shown: ShownRequest;
}

/** Builds batch items and batch requests through the step engine. */
export interface BatchRequests {
  template: StepTemplate;
  item(contact: Contact): BuiltItem;
  batch(items: JsonObject[]): BuiltBatch;
}

/**
 * Batch items are rendered by the same template the bot uses (`mailerlite.subscriber.upsert`
 * or the classic add-to-group step), so they escape, drop empty values and redact exactly
 * like a step; the new API's item also carries `opted_in_at` when known. The batch request
 * reuses the template's headers, sent to `<api base>/batch`.
 *
 * @example
 * const requests = batchRequests(loadCatalog(), strategyFor('new'), '123456789', { api_key: 'k' }, sim.url);
 * const built = requests.item({ email: 'p@x.com', line: 2, lines: [2], warnings: [] });
 * requests.batch([built.ok ? built.item : FILLER_ITEM]).shown.headers.Authorization // 'Bearer [redacted:api_key]'
 */
export function batchRequests(catalog: Catalog, strategy: Strategy, groupId: string, secrets: Record<string, string>, baseUrl: string | undefined): BatchRequests {
  const template = catalog.template(UPSERT_TEMPLATE[strategy.api]);
  if (!template) throw new DeclarationError(`sync needs the step template ${UPSERT_TEMPLATE[strategy.api]}, which manifest.json does not list`);
  const env = { settings: { group_id: groupId }, secrets, ...(baseUrl === undefined ? {} : { baseUrl }) };
  const batchTemplate: StepTemplate = {
    ...template,
    inputs: {},
    request: { method: 'POST', url: `${catalog.manifest.apis[strategy.api].base_url}/batch`, headers: template.request.headers, body: { requests: '<<requests>>' } },
  };
  return {
    template,
    item(contact) {
      const given = { customer_email: contact.email, customer_name: contact.name, customer_phone: contact.phone };
      const prepared = prepareStep(template, given, env);
      if (!prepared.ok) return { ok: false, message: prepared.invalid.map((i) => `${i.name}: ${i.message}`).join('; ') };
      const { url, method, body } = prepared.built.shown;
      const payload: JsonObject = isJsonObject(body) ? { ...body } : {};
      if (strategy.api === 'new' && contact.optedInAt) payload.opted_in_at = contact.optedInAt;
      const pathname = new URL(url).pathname;
      const path = strategy.api === 'new' ? pathname.replace(/^\//, '') : pathname;
      return { ok: true, item: { method, path, body: payload } };
    },
    batch(items) {
      const requests: JsonValue = strategy.filler ? [...items, FILLER_ITEM] : items;
      const built = buildRequest(batchTemplate, { requests, settings: env.settings, secrets }, baseUrl);
      if (!built.ok) throw new DeclarationError(`cannot build the batch request: ${built.invalid.message}`);
      return { outgoing: built.outgoing, shown: built.shown };
    },
  };
}
