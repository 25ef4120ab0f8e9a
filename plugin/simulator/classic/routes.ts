import type { Account } from '../store/records.js';
import { matchRoute, type Route } from '../router.js';
import type { ApiResult } from '../types.js';
import { runClassicBatch } from './batch.js';
import type { ClassicCall, ClassicContext } from './context.js';
import { endpointNotFound } from './errors.js';
import { addClassicGroupSubscriber, listClassicGroups, listClassicGroupSubscribers, listClassicSubscriberGroups, removeClassicGroupSubscriber } from './groups.js';
import { getClassicSubscriber, updateClassicSubscriber, upsertClassicSubscriber } from './subscribers.js';

/** Every classic route the simulator serves, relative to `/api/v2`. */
export const CLASSIC_ROUTES: ReadonlyArray<Route<ClassicContext>> = [
  { method: 'GET', pattern: '/groups', handle: listClassicGroups },
  { method: 'GET', pattern: '/groups/:group/subscribers', handle: listClassicGroupSubscribers },
  { method: 'POST', pattern: '/groups/:group/subscribers', handle: addClassicGroupSubscriber },
  { method: 'DELETE', pattern: '/groups/:group/subscribers/:subscriber', handle: removeClassicGroupSubscriber },
  { method: 'GET', pattern: '/subscribers/:subscriber', handle: getClassicSubscriber },
  { method: 'GET', pattern: '/subscribers/:subscriber/groups', handle: listClassicSubscriberGroups },
  { method: 'POST', pattern: '/subscribers', handle: upsertClassicSubscriber },
  { method: 'PUT', pattern: '/subscribers/:subscriber', handle: updateClassicSubscriber },
  { method: 'POST', pattern: '/batch', handle: runClassicBatch },
];

/** The rate-limit bucket of a classic call (`METHOD /pattern`), or undefined for unknown endpoints. */
export function classicEndpoint(method: string, path: string): string | undefined {
  const match = matchRoute(CLASSIC_ROUTES, method, path);
  return match.kind === 'found' ? `${method} ${match.route.pattern}` : undefined;
}

/** Answer one classic call (already authenticated and rate-limited) against `account`. */
export function handleClassicApi(account: Account, call: ClassicCall): ApiResult {
  const match = matchRoute(CLASSIC_ROUTES, call.method, call.path);
  if (match.kind !== 'found') return endpointNotFound();
  const ctx: ClassicContext = { ...call, account, dispatch: (inner) => handleClassicApi(account, inner) };
  return match.route.handle(ctx, match.params);
}
