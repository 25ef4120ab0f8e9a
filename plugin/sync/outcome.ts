import type { StepTemplate } from '../generated/step-template.js';
import type { ResponseRecord } from '../http/response.js';
import { isJsonObject, type JsonValue } from '../json.js';
import { decide, statusMatches } from '../response/decide.js';
import { mapOutputs } from '../response/map.js';
import type { ItemOutcome } from './types.js';

/** One item's answer inside a batch response. */
export interface ItemAnswer {
  status: number;
  body: JsonValue;
}

/**
 * Template outcomes that are a final answer for the contact. `added` is classic's one
 * success for 200 and 201 (it does not tell created from updated).
 */
const FINAL: Record<string, ItemOutcome> = {
  created: 'created',
  updated: 'updated',
  added: 'created',
  invalid: 'invalid',
};

/** Statuses MailerLite keeps for someone who unsubscribed earlier: the API never re-subscribes them. */
const NOT_RESUBSCRIBED = ['unsubscribed', 'bounced', 'junk'];

/**
 * Statuses worth another attempt: MailerLite did not (or may not have) handled the item.
 *
 * @example
 * isRetryable(503) // true
 * isRetryable(422) // false
 */
export function isRetryable(status: number): boolean {
  return status === 429 || status === 408 || status >= 500;
}

/**
 * Classifies one batch item's answer with the upsert template's own outcome rules, then
 * the check the JOIN flow makes after that step (a condition a builder can express), so
 * the sync, the bot and its flows agree on what an answer means: created (201), updated
 * (200; classic's `added` counts as created), cannot_resubscribe (a 422 whose email error
 * says "cannot be imported"; classic: added, but still unsubscribed, bounced or junk),
 * invalid (another 422); 429 and 5xx are retried; anything else failed.
 *
 * @example
 * classifyItem(upsert, { status: 422, body: { message: 'The given data was invalid.', errors: { email: ['This subscriber is unsubscribed and cannot be imported'] } } })
 * // { outcome: 'cannot_resubscribe', message: 'email: This subscriber is unsubscribed and cannot be imported' }
 */
export function classifyItem(template: StepTemplate, answer: ItemAnswer): { outcome: ItemOutcome; message?: string } {
  const quick = byStatusOnly(template, answer.status);
  if (quick === 'created' || quick === 'updated') return { outcome: quick };
  const response: ResponseRecord = { status: answer.status, headers: {}, body: answer.body, json: true };
  const outputs = mapOutputs(template.outputs, response, {}, {});
  const decision = decide(template.outcomes, { response, failure: null, outputs, inputs: {}, settings: {} });
  let final = FINAL[decision.outcome];
  if ((final === 'created' || final === 'updated') && NOT_RESUBSCRIBED.includes(String(outputs.subscriber_status))) final = 'cannot_resubscribe';
  if (final === 'invalid' && emailError(outputs, answer.body).includes('cannot be imported')) final = 'cannot_resubscribe';
  const message = describe(answer, outputs);
  if (final === 'created' || final === 'updated') return { outcome: final };
  if (final) return { outcome: final, ...(message ? { message } : {}) };
  return { outcome: isRetryable(answer.status) ? 'retry' : 'failed', message: message ?? `HTTP ${answer.status} (${decision.outcome})` };
}

/** MailerLite's first complaint about the email: the template's `email_error` output, else `errors.email[0]` of the body. */
function emailError(outputs: Record<string, JsonValue>, body: JsonValue): string {
  if (typeof outputs.email_error === 'string') return outputs.email_error;
  const list = isJsonObject(body) && isJsonObject(body.errors) ? body.errors.email : undefined;
  return Array.isArray(list) && typeof list[0] === 'string' ? list[0] : '';
}

const statusOnly = new WeakMap<StepTemplate, Map<number, string | null>>();

/**
 * The outcome a status gets whatever the body, when the first rule it can meet tests the
 * status only (201 → created); null when a condition decides. Saves evaluating the
 * outputs of thousands of successful items.
 */
function byStatusOnly(template: StepTemplate, status: number): string | null {
  let cache = statusOnly.get(template);
  if (!cache) statusOnly.set(template, (cache = new Map()));
  let hit = cache.get(status);
  if (hit === undefined) {
    hit = null;
    for (const rule of template.outcomes) {
      if ('fallback' in rule) break;
      const { status: want, condition, failure } = rule.when;
      if (failure !== undefined || want === undefined) break;
      if (!(Array.isArray(want) ? want : [want]).some((m) => statusMatches(m, status))) continue;
      if (condition === undefined) hit = rule.name;
      break;
    }
    cache.set(status, hit);
  }
  return hit;
}

/**
 * True when an item's answer says the target group itself does not exist (new API: the
 * 422 on `groups.0`; classic: 404 for the group's subscribers path): nothing in the run
 * can succeed, so it stops instead of failing every contact.
 *
 * @example
 * groupMissing({ status: 422, body: { message: 'The selected groups.0 is invalid.', errors: { 'groups.0': ['The selected groups.0 is invalid.'] } } }) // true
 */
export function groupMissing(answer: ItemAnswer): boolean {
  const body = answer.body;
  if (answer.status === 422) return isJsonObject(body) && isJsonObject(body.errors) && 'groups.0' in body.errors;
  return answer.status === 404 && isJsonObject(body) && isJsonObject(body.error) && /group/i.test(String(body.error.message));
}

/** MailerLite's reason in one line: the first field error (with its field), else `message`. */
function describe(answer: ItemAnswer, outputs: Record<string, JsonValue>): string | undefined {
  const body = answer.body;
  if (isJsonObject(body) && isJsonObject(body.errors)) {
    const [field, list] = Object.entries(body.errors)[0] ?? [];
    const first = Array.isArray(list) ? list[0] : list;
    if (field !== undefined && typeof first === 'string') return `${field}: ${first}`;
  }
  const status = outputs.subscriber_status;
  if (typeof status === 'string' && status !== 'active' && status !== 'unconfirmed') return `the subscriber is ${status}; the API does not re-subscribe it`;
  if (typeof outputs.error_message === 'string') return outputs.error_message;
  return typeof body === 'string' && body.trim() !== '' ? body.trim().slice(0, 200) : undefined;
}
