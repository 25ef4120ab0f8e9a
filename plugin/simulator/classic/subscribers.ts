import type { Params } from '../router.js';
import { isValidEmail, normalizeEmail } from '../store/account.js';
import type { Account, FieldValue, GroupRecord, SubscriberRecord } from '../store/records.js';
import { changeStatus, findSubscriber, insertSubscriber, joinGroup, mergeFields, touch } from '../store/subscribers.js';
import { LOCKED_STATUSES, result, type ApiResult, type SubscriberStatus } from '../types.js';
import type { ClassicContext } from './context.js';
import { badRequest, subscriberNotFound } from './errors.js';
import { classicSubscriberView } from './views.js';

const TYPES: readonly SubscriberStatus[] = ['active', 'unsubscribed', 'unconfirmed'];

/** GET /subscribers/{id or email}: the bare subscriber object. */
export function getClassicSubscriber(ctx: ClassicContext, params: Params): ApiResult {
  const sub = findSubscriber(ctx.account, params.subscriber!);
  return sub ? result(200, classicSubscriberView(ctx.account, sub)) : subscriberNotFound();
}

/** POST /subscribers: create, or update when the email exists; 200 with the subscriber. */
export function upsertClassicSubscriber(ctx: ClassicContext): ApiResult {
  return classicUpsert(ctx.account, ctx.body);
}

/**
 * PUT /subscribers/{id or email} `{name?, type?, fields?}`: `type: "unsubscribed"`
 * unsubscribes; `type: "active"` does not bring back an unsubscribed, bounced or junk
 * subscriber (only `resubscribe` on POST does).
 */
export function updateClassicSubscriber(ctx: ClassicContext, params: Params): ApiResult {
  const sub = findSubscriber(ctx.account, params.subscriber!);
  if (!sub) return subscriberNotFound();
  const b = asRecord(ctx.body);
  if (b.type !== undefined && b.type !== 'active' && b.type !== 'unsubscribed') return badRequest('The selected type is invalid.');
  const fields = readFields(b);
  if (typeof fields === 'string') return badRequest(fields);
  mergeFields(ctx.account, sub, fields);
  if (b.type === 'unsubscribed' || (b.type === 'active' && !LOCKED_STATUSES.has(sub.status))) changeStatus(ctx.account, sub, b.type);
  touch(ctx.account, sub);
  return result(200, classicSubscriberView(ctx.account, sub));
}

/**
 * The classic upsert (POST /subscribers and POST /groups/{id}/subscribers): fields merge;
 * a locked subscriber stays locked unless `resubscribe: true`; `type` sets the status.
 */
export function classicUpsert(account: Account, body: unknown, group?: GroupRecord): ApiResult {
  const b = asRecord(body);
  if (typeof b.email !== 'string' || !isValidEmail(normalizeEmail(b.email))) return badRequest('The email must be a valid email address.');
  if (b.type !== undefined && !TYPES.includes(b.type as SubscriberStatus)) return badRequest('The selected type is invalid.');
  const fields = readFields(b);
  if (typeof fields === 'string') return badRequest(fields);
  const type = b.type as SubscriberStatus | undefined;
  let sub = findSubscriber(account, b.email);
  if (sub) {
    mergeFields(account, sub, fields);
    nextStatus(account, sub, type, b.resubscribe === true || b.resubscribe === 1 || b.resubscribe === '1');
    touch(account, sub);
  } else {
    sub = insertSubscriber(account, { email: b.email, status: type ?? 'active', ip_address: typeof b.signup_ip === 'string' ? b.signup_ip : undefined });
    mergeFields(account, sub, fields);
  }
  if (group) joinGroup(sub, group);
  return result(200, classicSubscriberView(account, sub, group !== undefined));
}

function nextStatus(account: Account, sub: SubscriberRecord, type: SubscriberStatus | undefined, resubscribe: boolean): void {
  if (type === 'unsubscribed') changeStatus(account, sub, 'unsubscribed');
  else if (!LOCKED_STATUSES.has(sub.status)) {
    if (type !== undefined) changeStatus(account, sub, type);
  } else if (resubscribe) changeStatus(account, sub, type ?? 'active');
}

/** `fields` (an object) plus the top-level `name`; a message when unusable. */
function readFields(b: Record<string, unknown>): Record<string, FieldValue> | string {
  const fields: Record<string, FieldValue> = {};
  if (b.fields !== undefined && b.fields !== null) {
    if (typeof b.fields !== 'object' || Array.isArray(b.fields)) return 'The fields must be an object.';
    for (const [key, value] of Object.entries(b.fields)) {
      if (value === null || typeof value === 'string' || typeof value === 'number') fields[key] = value;
    }
  }
  if (typeof b.name === 'string') fields.name = b.name;
  return fields;
}

function asRecord(body: unknown): Record<string, unknown> {
  return typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
}
