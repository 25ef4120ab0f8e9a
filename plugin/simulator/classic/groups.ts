import type { Params } from '../router.js';
import { findSubscriber, leaveGroup, subscribersNewestFirst } from '../store/subscribers.js';
import { result, type ApiResult } from '../types.js';
import type { ClassicContext } from './context.js';
import { groupNotFound, subscriberNotFound } from './errors.js';
import { classicUpsert } from './subscribers.js';
import { classicGroupView, classicSubscriberView } from './views.js';

/** GET /groups (`limit` default 100, `offset`): a bare array. */
export function listClassicGroups(ctx: ClassicContext): ApiResult {
  const { limit, offset } = window(ctx.query);
  return result(200, [...ctx.account.groups.values()].slice(offset, offset + limit).map(classicGroupView));
}

/** GET /groups/{id}/subscribers (`limit`, `offset`, `type`): a bare array. */
export function listClassicGroupSubscribers(ctx: ClassicContext, params: Params): ApiResult {
  const group = ctx.account.groups.get(params.group!);
  if (!group) return groupNotFound();
  const { limit, offset } = window(ctx.query);
  const type = ctx.query.get('type');
  const members = subscribersNewestFirst(ctx.account).filter((s) => group.members.has(s.id) && (type === null || s.status === type));
  return result(200, members.slice(offset, offset + limit).map((s) => classicSubscriberView(ctx.account, s, true)));
}

/** GET /subscribers/{id or email}/groups: a bare array of the groups the subscriber is in; 404 when unknown. */
export function listClassicSubscriberGroups(ctx: ClassicContext, params: Params): ApiResult {
  const sub = findSubscriber(ctx.account, params.subscriber!);
  if (!sub) return subscriberNotFound();
  return result(200, [...ctx.account.groups.values()].filter((g) => g.members.has(sub.id)).map(classicGroupView));
}

/** POST /groups/{id}/subscribers: upsert the subscriber and add it to the group; 200 with the subscriber. */
export function addClassicGroupSubscriber(ctx: ClassicContext, params: Params): ApiResult {
  const group = ctx.account.groups.get(params.group!);
  return group ? classicUpsert(ctx.account, ctx.body, group) : groupNotFound();
}

/** DELETE /groups/{id}/subscribers/{id or email}: 204 (also when not a member). */
export function removeClassicGroupSubscriber(ctx: ClassicContext, params: Params): ApiResult {
  const group = ctx.account.groups.get(params.group!);
  if (!group) return groupNotFound();
  const sub = findSubscriber(ctx.account, params.subscriber!);
  if (!sub) return subscriberNotFound();
  leaveGroup(sub, group);
  return result(204);
}

function window(query: URLSearchParams): { limit: number; offset: number } {
  const int = (name: string, fallback: number) => {
    const value = Number(query.get(name) ?? fallback);
    return Number.isSafeInteger(value) && value >= 0 ? value : fallback;
  };
  return { limit: int('limit', 100), offset: int('offset', 0) };
}
