import type { Account } from '../store/records.js';
import { matchRoute, type Route } from '../router.js';
import type { ApiResult } from '../types.js';
import { runBatch } from './batch.js';
import type { NewApiCall, NewApiContext } from './context.js';
import { methodNotAllowed, routeNotFound } from './errors.js';
import { createField, deleteField, listFields, updateField } from './fields.js';
import {
  assignToGroup, createGroup, deleteGroup, getGroup, listGroups, listGroupSubscribers, unassignFromGroup, updateGroup,
} from './groups.js';
import {
  deleteSubscriber, forgetSubscriber, getSubscriber, listSubscribers, updateSubscriber, upsertSubscriber,
} from './subscribers.js';

/** Every new-API route the simulator serves, relative to `/api`. */
export const NEW_API_ROUTES: ReadonlyArray<Route<NewApiContext>> = [
  { method: 'GET', pattern: '/subscribers', handle: listSubscribers },
  { method: 'POST', pattern: '/subscribers', handle: upsertSubscriber },
  { method: 'GET', pattern: '/subscribers/:id', handle: getSubscriber },
  { method: 'PUT', pattern: '/subscribers/:id', handle: updateSubscriber },
  { method: 'DELETE', pattern: '/subscribers/:id', handle: deleteSubscriber },
  { method: 'POST', pattern: '/subscribers/:id/forget', handle: forgetSubscriber },
  { method: 'POST', pattern: '/subscribers/:subscriber/groups/:group', handle: assignToGroup },
  { method: 'DELETE', pattern: '/subscribers/:subscriber/groups/:group', handle: unassignFromGroup },
  { method: 'GET', pattern: '/groups', handle: listGroups },
  { method: 'POST', pattern: '/groups', handle: createGroup },
  { method: 'GET', pattern: '/groups/:id', handle: getGroup },
  { method: 'PUT', pattern: '/groups/:id', handle: updateGroup },
  { method: 'DELETE', pattern: '/groups/:id', handle: deleteGroup },
  { method: 'GET', pattern: '/groups/:id/subscribers', handle: listGroupSubscribers },
  { method: 'GET', pattern: '/fields', handle: listFields },
  { method: 'POST', pattern: '/fields', handle: createField },
  { method: 'PUT', pattern: '/fields/:id', handle: updateField },
  { method: 'DELETE', pattern: '/fields/:id', handle: deleteField },
  { method: 'POST', pattern: '/batch', handle: runBatch },
];

/**
 * Answer one new-API call (already authenticated and rate-limited) against `account`.
 * Unknown paths get production's "The route api/... could not be found." 404.
 */
export function handleNewApi(account: Account, origin: string, call: NewApiCall): ApiResult {
  const label = `api/${call.path.split('/').filter(Boolean).join('/')}`;
  const match = matchRoute(NEW_API_ROUTES, call.method, call.path);
  if (match.kind === 'not-found') return routeNotFound(label);
  if (match.kind === 'method-not-allowed') return methodNotAllowed(call.method, label, match.allowed);
  const ctx: NewApiContext = { ...call, account, origin, dispatch: (inner) => handleNewApi(account, origin, inner) };
  return match.route.handle(ctx, match.params);
}
