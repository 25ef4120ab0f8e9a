import type { ApiVersion } from '../../catalog.js';
import type { JsonObject, JsonValue } from '../../json.js';
import { isJsonObject } from '../../json.js';
import { HttpError } from './http-io.js';

/** What `POST /api/preview` and `POST /api/run` take. */
export interface RunRequest {
  /** A step template id (`mailerlite.subscriber.upsert`) or a flow id (`whatsapp.join`). */
  id: string;
  /** API version of a flow (flows share ids across versions); default: the session's. */
  api?: ApiVersion;
  /** Inputs of a template, or variables of a flow, as the form holds them (text). */
  vars: Record<string, JsonValue>;
  /** For flows: the contact's answers to the flow's questions, in order. */
  answers: string[];
  /** The page's settings (its settings panel), over the server's; blank texts are unset. */
  settings?: JsonValue;
}

/** An example body, quoted in every error about the body's shape. */
export const RUN_EXAMPLE = '{"id": "mailerlite.subscriber.upsert", "vars": {"customer_email": "priya@example.com"}}';

/**
 * Checks the body of a preview or run request; anything off → HttpError 400 naming the
 * field (as a JSON Pointer), what was expected and an example.
 *
 * @example
 * parseRunRequest({ id: 'whatsapp.join', api: 'new', vars: { customer_email: 'priya@example.com' } })
 * // { id: 'whatsapp.join', api: 'new', vars: {...}, answers: [] }
 */
export function parseRunRequest(body: JsonObject): RunRequest {
  const problems: string[] = [];
  const { id, api, vars, answers, settings } = body;
  if (typeof id !== 'string' || id.trim() === '') problems.push('/id: expected the id of a step template or flow, e.g. "mailerlite.subscriber.upsert"');
  if (api !== undefined && api !== 'new' && api !== 'classic') problems.push('/api: expected "new" or "classic"');
  if (vars !== undefined && !isJsonObject(vars)) problems.push('/vars: expected an object of input values, e.g. {"customer_email": "priya@example.com"}');
  if (answers !== undefined && !(Array.isArray(answers) && answers.every((a) => typeof a === 'string'))) {
    problems.push('/answers: expected a list of texts, e.g. ["priya@example.com"]');
  }
  if (settings !== undefined && !isJsonObject(settings)) problems.push('/settings: expected an object of setting texts, e.g. {"group_id": "123456789"}');
  if (problems.length > 0) throw new HttpError(400, 'bad_request', `${problems.join('; ')} (a valid body: ${RUN_EXAMPLE})`);
  return {
    id: String(id).trim(),
    ...(api === 'new' || api === 'classic' ? { api } : {}),
    vars: isJsonObject(vars) ? vars : {},
    answers: Array.isArray(answers) ? answers.map(String) : [],
    ...(settings !== undefined ? { settings } : {}),
  };
}
