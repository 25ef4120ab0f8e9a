import { formatDateTime } from '../dates.js';
import type { Params } from '../router.js';
import { insertGroup, removeGroup } from '../store/groups.js';
import type { GroupRecord } from '../store/records.js';
import { compareIds, joinGroup, leaveGroup, subscribersNewestFirst } from '../store/subscribers.js';
import { STATUSES, result, type ApiResult, type SubscriberStatus } from '../types.js';
import type { NewApiContext } from './context.js';
import { groupNotFound, invalid, ValidationErrors } from './errors.js';
import { cursorPage, numberedPage } from './pagination.js';
import { integerParam, listParams, MAX_CURSOR_LIMIT } from './params.js';
import { groupView, subscriberView } from './views.js';

/** Case- and punctuation-insensitive, like the database collation ("[Do not delete] x" sorts under D). */
const collator = new Intl.Collator('en', { sensitivity: 'base', ignorePunctuation: true, numeric: true });

const SORTS: Record<string, (a: GroupRecord, b: GroupRecord) => number> = {
  name: (a, b) => collator.compare(a.name, b.name),
  total: (a, b) => a.members.size - b.members.size,
  open_rate: (a, b) => a.open_rate - b.open_rate,
  click_rate: (a, b) => a.click_rate - b.click_rate,
  created_at: (a, b) => a.created_at.localeCompare(b.created_at) || compareIds(a.id, b.id),
};

/** GET /groups: page-numbered, `filter[name]` (partial, any case), `sort` with optional `-`. */
export function listGroups(ctx: NewApiContext): ApiResult {
  const errors = new ValidationErrors();
  const { limit, page, order } = listParams(ctx.query, SORTS, errors);
  if (!errors.empty) return errors.toResult();
  const name = (ctx.query.get('filter[name]') ?? '').toLowerCase();
  const groups = order([...ctx.account.groups.values()].filter((g) => g.name.toLowerCase().includes(name)));
  const paged = numberedPage(groups, page, limit, `${ctx.origin}/api/groups`);
  return result(200, { data: paged.items.map(groupView), links: paged.links, meta: paged.meta });
}

/** GET /groups/{id} (used by the PHP SDK, not in the docs). */
export function getGroup(ctx: NewApiContext, params: Params): ApiResult {
  const group = ctx.account.groups.get(params.id!);
  return group ? result(200, { data: groupView(group) }) : groupNotFound(params.id!);
}

/** POST /groups: 201. */
export function createGroup(ctx: NewApiContext): ApiResult {
  const name = readName(ctx.body);
  if (typeof name !== 'string') return name.toResult();
  return result(201, { data: groupView(insertGroup(ctx.account, { name })) });
}

/** PUT /groups/{id}: rename, 200. */
export function updateGroup(ctx: NewApiContext, params: Params): ApiResult {
  const group = ctx.account.groups.get(params.id!);
  if (!group) return groupNotFound(params.id!);
  const name = readName(ctx.body);
  if (typeof name !== 'string') return name.toResult();
  group.name = name;
  group.updated_at = formatDateTime(ctx.account.clock());
  return result(200, { data: groupView(group) });
}

/** DELETE /groups/{id}: 204; members stay subscribers. */
export function deleteGroup(ctx: NewApiContext, params: Params): ApiResult {
  const group = ctx.account.groups.get(params.id!);
  if (!group) return groupNotFound(params.id!);
  removeGroup(ctx.account, group);
  return result(204);
}

/** GET /groups/{id}/subscribers: cursor pages, `filter[status]` default active, limit default 50. */
export function listGroupSubscribers(ctx: NewApiContext, params: Params): ApiResult {
  const group = ctx.account.groups.get(params.id!);
  if (!group) return groupNotFound(params.id!);
  const errors = new ValidationErrors();
  const limit = integerParam(ctx.query, 'limit', 50, errors, 1, MAX_CURSOR_LIMIT);
  const status = ctx.query.get('filter[status]') ?? 'active';
  if (!STATUSES.includes(status as SubscriberStatus)) errors.add('filter.status', 'The selected filter.status is invalid.');
  if (!errors.empty) return errors.toResult();
  const members = subscribersNewestFirst(ctx.account).filter((s) => s.status === status && group.members.has(s.id));
  const path = `${ctx.origin}/api/groups/${group.id}/subscribers`;
  const page = cursorPage(members, ctx.query.get('cursor'), limit, path, compareIds);
  const groups = (ctx.query.get('include') ?? '').split(',').includes('groups');
  return result(200, { data: page.items.map((s) => subscriberView(ctx.account, s, { groups })), links: page.links, meta: page.meta });
}

/**
 * POST /subscribers/{sid}/groups/{gid}: 200 with the group as it was before the
 * assignment (production answered `active_count: 0` right after assigning: its counts
 * catch up later; later reads here show the new member). Assigning twice is fine. A
 * subscriber or group that does not exist gets the docs' 422 on `id`.
 */
export function assignToGroup(ctx: NewApiContext, params: Params): ApiResult {
  const sub = ctx.account.subscribers.get(params.subscriber!);
  const group = ctx.account.groups.get(params.group!);
  if (!sub || !group) return invalid('id', 'The selected id is invalid.');
  const answer = groupView(group);
  joinGroup(sub, group);
  return result(200, { data: answer });
}

/**
 * DELETE /subscribers/{sid}/groups/{gid}: 204 (also when not a member). A subscriber or
 * group that does not exist gets the docs' 404 with an empty message.
 */
export function unassignFromGroup(ctx: NewApiContext, params: Params): ApiResult {
  const sub = ctx.account.subscribers.get(params.subscriber!);
  const group = ctx.account.groups.get(params.group!);
  if (!sub || !group) return result(404, { message: '' });
  leaveGroup(sub, group);
  return result(204);
}

function readName(body: unknown): string | ValidationErrors {
  const errors = new ValidationErrors();
  const name = typeof body === 'object' && body !== null ? (body as Record<string, unknown>).name : undefined;
  if (name === undefined || name === null || name === '') errors.add('name', 'The name field is required.');
  else if (typeof name !== 'string') errors.add('name', 'The name field must be a string.');
  else if (name.length > 255) errors.add('name', 'The name field must not be greater than 255 characters.');
  return errors.empty ? (name as string) : errors;
}
