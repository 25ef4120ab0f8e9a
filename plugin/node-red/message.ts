import { redactSecrets } from '../redact.js';
import { isJsonObject, setOwn, type JsonValue } from '../json.js';
import type { StepResult } from '../step/result.js';
import type { NodeMessage } from './types.js';

/**
 * A step result with the key replaced by `[redacted:api_key]` wherever it shows (as is,
 * JSON-escaped or URL-encoded): the request already shows it redacted; this also covers a
 * server that echoes the key in a body, a header or an error message.
 *
 * @example
 * redactResult(result, 'sim-new-0000-key').request?.headers.Authorization // 'Bearer [redacted:api_key]'
 */
export function redactResult(result: StepResult, key: string): StepResult {
  if (key === '') return result;
  return JSON.parse(redactSecrets(JSON.stringify(result), [{ name: 'api_key', value: key }])) as StepResult;
}

/**
 * Text with the key redacted, for errors and log lines.
 *
 * @example
 * redactText('refused sim-new-0000-key', 'sim-new-0000-key') // 'refused [redacted:api_key]'
 */
export function redactText(text: string, key: string): string {
  return key === '' ? text : redactSecrets(text, [{ name: 'api_key', value: key }]);
}

/**
 * The message a step node sends: the step's outputs merged into `msg.payload` (a payload
 * that is not an object is replaced), `msg.outcome`, `msg.mailerlite` (the step result,
 * key redacted) and `msg.settings` (the account's settings, never the key). Every other
 * property of the message is kept, so `msg.req`/`msg.res` still reach an HTTP response.
 *
 * @example
 * stepMessage({ payload: { customer_email: 'priya@example.com' } }, result, settings).payload
 * // { customer_email: 'priya@example.com', subscriber_id: null, subscriber_status: null, subscriber_group_ids: null }
 */
export function stepMessage(msg: NodeMessage, result: StepResult, settings: Record<string, JsonValue>): NodeMessage {
  // A Buffer payload (an HTTP In body, a file) is an object to isJsonObject, not a record to merge into.
  const payload: Record<string, unknown> = isJsonObject(msg.payload) && !Buffer.isBuffer(msg.payload) ? { ...msg.payload } : {};
  for (const [name, value] of Object.entries(result.outputs)) setOwn(payload, name, value);
  msg.payload = payload;
  msg.outcome = result.outcome;
  msg.mailerlite = result;
  msg.settings = settings;
  return msg;
}
