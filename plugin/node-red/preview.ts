import type { Catalog } from '../catalog.js';
import { MissingInputError } from '../errors.js';
import type { ShownRequest } from '../request/build.js';
import { prepareStep } from '../step/prepare.js';
import type { Variables } from '../step/inputs.js';
import { isJsonObject, setOwn } from '../json.js';
import { readAccount, type AccountConfig } from './account.js';
import { ACCOUNT_TYPE, paletteTypes, type PaletteType } from './palette.js';
import { toJsonValue } from './sources.js';
import type { AdminRequest, AdminResponse, NodeRedApi } from './types.js';

/** The admin route the edit dialog posts to (under Node-RED's admin root). */
export const PREVIEW_ROUTE = '/mailerlite-steps/preview/:type';

/** The permission the route needs when adminAuth is on (any user who may read flows has it). */
export const PREVIEW_PERMISSION = 'mailerlite-steps.read';

/** What the dialog shows: the request (key redacted), or why none would be sent. */
export interface PreviewAnswer {
  type: string;
  template: string;
  /** The request the node would send for these values (the key as `[redacted:api_key]`). */
  request?: ShownRequest;
  /** Inputs that would stop the step with `invalid_input`, each with the reason. */
  invalid?: Array<{ name: string; message: string }>;
  /** Required inputs that are blank (also `invalid_input` when a message lacks them). */
  missing?: string[];
  /** Why the account cannot run this step (a base URL that is not an origin, the other API version). */
  problem?: string;
}

/** An object of the posted body, else an empty one (the body is parsed JSON: no Buffer here). */
function record(value: unknown): Record<string, unknown> {
  return isJsonObject(value) ? value : {};
}

function textOf(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** The key the preview renders with: never the account's; the shown request holds only its marker. */
const PREVIEW_SECRETS = { api_key: 'not-the-key-preview-only' };

/**
 * The request a step node would send with these values and this account (as the edit
 * dialog holds them, saved or not), through `prepareStep`: what the harness previews.
 *
 * @example
 * previewStep(entry, { account: { api: 'new', groupId: '123456789' }, values: { customer_email: 'Priya@Example.com' } }, catalog).request?.url
 * // 'https://connect.mailerlite.com/api/subscribers/priya@example.com'
 */
export function previewStep(entry: PaletteType, body: unknown, catalog: Catalog): PreviewAnswer {
  const given = record(body);
  const fields = record(given.account);
  const config: AccountConfig = {
    id: 'preview',
    type: ACCOUNT_TYPE,
    api: textOf(fields.api),
    baseUrl: textOf(fields.baseUrl),
    groupId: textOf(fields.groupId),
    optinFormUrl: textOf(fields.optinFormUrl),
    groupName: textOf(fields.groupName),
  };
  const account = readAccount(config, catalog);
  const answer: PreviewAnswer = { type: entry.type, template: entry.template.id };
  if (account.problem !== undefined) return { ...answer, problem: account.problem };
  if (textOf(fields.api) !== undefined && account.api !== entry.template.api) {
    answer.problem = `this step is for the ${entry.template.api} MailerLite API; the account is set to ${account.api}`;
  }
  const values: Variables = {};
  for (const [name, value] of Object.entries(record(given.values))) {
    if (name in entry.template.inputs) setOwn(values, name, toJsonValue(value));
  }
  try {
    const prepared = prepareStep(entry.template, values, { settings: account.settings, secrets: PREVIEW_SECRETS, ...(account.baseUrl === undefined ? {} : { baseUrl: account.baseUrl }) });
    return prepared.ok ? { ...answer, request: prepared.built.shown } : { ...answer, invalid: prepared.invalid };
  } catch (error) {
    if (error instanceof MissingInputError) return { ...answer, missing: error.missing.map((m) => m.name) };
    throw error;
  }
}

/**
 * Adds `POST <admin root>/mailerlite-steps/preview/<node type>` to Node-RED's admin API,
 * behind its admin authentication like the other editor routes. Body:
 * `{"account": {api, baseUrl, groupId, optinFormUrl, groupName}, "values": {<input>: value}}`;
 * answer: a PreviewAnswer (404 for a type that is not ours).
 */
export function registerPreview(red: NodeRedApi, catalog: Catalog): void {
  const byType = new Map(paletteTypes(catalog).map((entry) => [entry.type, entry]));
  red.httpAdmin.post(PREVIEW_ROUTE, red.auth.needsPermission(PREVIEW_PERMISSION), (request: AdminRequest, response: AdminResponse) => {
    const entry = byType.get(request.params.type ?? '');
    if (!entry) {
      response.status(404).json({ message: `no MailerLite step node of type ${String(request.params.type)}` });
      return;
    }
    try {
      response.json(previewStep(entry, request.body, catalog));
    } catch (error) {
      response.status(400).json({ message: error instanceof Error ? error.message : String(error) });
    }
  });
}
