import { addDays, formatDateTime } from '../dates.js';
import type { Params } from '../router.js';
import type { Account, SubscriberRecord } from '../store/records.js';
import {
  changeStatus, compareIds, findDeleted, findSubscriber, insertSubscriber, joinGroup, leaveGroup,
  mergeFields, removeSubscriber, restoreSubscriber, softDeleteSubscriber, subscribersNewestFirst, touch,
} from '../store/subscribers.js';
import { LOCKED_STATUSES, STATUSES, result, type ApiResult, type SubscriberStatus } from '../types.js';
import type { NewApiContext } from './context.js';
import { cannotReactivate, subscriberNotFound, ValidationErrors } from './errors.js';
import { cursorPage } from './pagination.js';
import { integerParam, MAX_CURSOR_LIMIT } from './params.js';
import { readSubscriberInput, type SubscriberInput } from './subscriber-input.js';
import { subscriberView } from './views.js';

/** GET /subscribers: cursor pages (default `filter[status]=active`), or `{"total": N}` for `limit=0`. */
export function listSubscribers(ctx: NewApiContext): ApiResult {
  const errors = new ValidationErrors();
  const limit = integerParam(ctx.query, 'limit', 25, errors, 0, MAX_CURSOR_LIMIT);
  const status = ctx.query.get('filter[status]');
  if (status !== null && !STATUSES.includes(status as SubscriberStatus)) errors.add('filter.status', 'The selected filter.status is invalid.');
  if (!errors.empty) return errors.toResult();
  if (limit === 0) return result(200, { total: countSubscribers(ctx.account, status) });
  const all = subscribersNewestFirst(ctx.account);
  const wanted = status ?? 'active';
  const page = cursorPage(all.filter((s) => s.status === wanted), ctx.query.get('cursor'), limit, `${ctx.origin}/api/subscribers`, compareIds);
  const groups = (ctx.query.get('include') ?? '').split(',').includes('groups');
  const data = page.items.map((s) => subscriberView(ctx.account, s, { groups }));
  return result(200, { data, links: page.links, meta: page.meta });
}

/** GET /subscribers/{id or email}. */
export function getSubscriber(ctx: NewApiContext, params: Params): ApiResult {
  const sub = findSubscriber(ctx.account, params.id!);
  return sub ? single(ctx.account, sub, 200) : subscriberNotFound();
}

/**
 * POST /subscribers: upsert keyed on email. 201 when created, 200 when it existed;
 * fields merge, groups are only added. A deleted subscriber posted again comes back: 200,
 * its own id and `created_at` (as recorded). An unsubscribed/bounced/junk subscriber
 * cannot be reactivated: a body that would change it (status, groups, fields, opt-in
 * data) gets the recorded 422; a body that would not (email only) gets 200 and no change.
 */
export function upsertSubscriber(ctx: NewApiContext): ApiResult {
  const { input, errors } = readSubscriberInput(ctx.account, ctx.body, true);
  if (!errors.empty) return errors.toResult();
  const current = findSubscriber(ctx.account, input.email!);
  const deleted = current ? undefined : findDeleted(ctx.account, input.email!);
  const existing = current ?? deleted;
  if (existing) {
    const locked = LOCKED_STATUSES.has(existing.status);
    if (locked && wouldChange(existing, input)) return cannotReactivate(existing);
    if (deleted) restoreSubscriber(ctx.account, deleted);
    if (locked) return single(ctx.account, existing, 200);
    apply(ctx.account, existing, input);
    for (const id of input.groups ?? []) joinGroup(existing, ctx.account.groups.get(id)!);
    return single(ctx.account, existing, 200);
  }
  const sub = insertSubscriber(ctx.account, {
    email: input.email!,
    status: input.status,
    subscribed_at: input.subscribed_at,
    ip_address: input.ip_address,
    opted_in_at: input.opted_in_at,
    optin_ip: input.optin_ip,
  });
  if (input.unsubscribed_at !== undefined && sub.status === 'unsubscribed') sub.unsubscribed_at = input.unsubscribed_at;
  mergeFields(ctx.account, sub, input.fields ?? {});
  for (const id of input.groups ?? []) joinGroup(sub, ctx.account.groups.get(id)!);
  return single(ctx.account, sub, 201);
}

/**
 * PUT /subscribers/{id}: fields merge (null clears), `groups` replaces membership,
 * `status: "unsubscribed"` unsubscribes; turning a locked subscriber active gets the 422.
 */
export function updateSubscriber(ctx: NewApiContext, params: Params): ApiResult {
  const sub = ctx.account.subscribers.get(params.id!);
  if (!sub) return subscriberNotFound();
  const { input, errors } = readSubscriberInput(ctx.account, ctx.body, false);
  if (!errors.empty) return errors.toResult();
  if (LOCKED_STATUSES.has(sub.status) && input.status !== undefined && !LOCKED_STATUSES.has(input.status)) return cannotReactivate(sub);
  apply(ctx.account, sub, input);
  if (input.groups !== undefined) {
    const keep = new Set(input.groups);
    for (const id of [...sub.groups]) if (!keep.has(id)) leaveGroup(sub, ctx.account.groups.get(id)!);
    for (const id of input.groups) joinGroup(sub, ctx.account.groups.get(id)!);
  }
  return single(ctx.account, sub, 200);
}

/** DELETE /subscribers/{id}: 204; the record is kept aside for a later POST of the same email. */
export function deleteSubscriber(ctx: NewApiContext, params: Params): ApiResult {
  const sub = ctx.account.subscribers.get(params.id!);
  if (!sub) return subscriberNotFound();
  softDeleteSubscriber(ctx.account, sub);
  return result(204);
}

/** POST /subscribers/{id}/forget: 200 with deletion dates; the subscriber is gone afterwards. */
export function forgetSubscriber(ctx: NewApiContext, params: Params): ApiResult {
  const sub = ctx.account.subscribers.get(params.id!);
  if (!sub) return subscriberNotFound();
  const now = ctx.account.clock();
  const forgotten = { deleted_at: formatDateTime(now), forget_at: formatDateTime(addDays(now, 30)) };
  const data = subscriberView(ctx.account, sub, { groups: true, forgotten });
  removeSubscriber(ctx.account, sub);
  return result(200, { data, message: 'Subscriber data will be completely deleted and forgotten within 30 days.' });
}

function single(account: Account, sub: SubscriberRecord, status: number): ApiResult {
  return result(status, { data: subscriberView(account, sub, { groups: true }) });
}

function wouldChange(sub: SubscriberRecord, input: SubscriberInput): boolean {
  return (
    (input.status !== undefined && input.status !== sub.status) ||
    (input.groups?.length ?? 0) > 0 ||
    Object.keys(input.fields ?? {}).length > 0 ||
    Boolean(input.opted_in_at) ||
    Boolean(input.optin_ip)
  );
}

function apply(account: Account, sub: SubscriberRecord, input: SubscriberInput): void {
  if (input.status !== undefined) changeStatus(account, sub, input.status);
  if (input.unsubscribed_at !== undefined && sub.status === 'unsubscribed') sub.unsubscribed_at = input.unsubscribed_at;
  if (input.subscribed_at !== undefined) sub.subscribed_at = input.subscribed_at;
  if (input.ip_address !== undefined) sub.ip_address = input.ip_address;
  if (input.opted_in_at !== undefined) sub.opted_in_at = input.opted_in_at;
  if (input.optin_ip !== undefined) sub.optin_ip = input.optin_ip;
  mergeFields(account, sub, input.fields ?? {});
  touch(account, sub);
}

/** How many subscribers an account holds (with that status, when given): counted, not sorted. */
function countSubscribers(account: NewApiContext['account'], status: string | null): number {
  if (status === null) return account.subscribers.size;
  let count = 0;
  for (const subscriber of account.subscribers.values()) if (subscriber.status === status) count++;
  return count;
}
