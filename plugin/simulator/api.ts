import { classicAuthFailure, isNewApiKey } from './auth.js';
import { classicEndpoint, handleClassicApi } from './classic/routes.js';
import { isImportBatch } from './new-api/batch.js';
import { routeNotFound } from './new-api/errors.js';
import { handleNewApi } from './new-api/routes.js';
import type { FixedWindowLimiter, RateLimits } from './rate-limit.js';
import { classicResponse, classicTooMany, newApiResponse, newApiTooMany } from './responses.js';
import type { Accounts } from './seed/apply.js';
import type { SimKeys, SimRequest, SimResponse } from './types.js';

/** What answering an API request needs from the simulator. */
export interface ApiDeps {
  accounts: Accounts;
  keys: SimKeys;
  limiter: FixedWindowLimiter;
  limits: RateLimits;
}

/** Which API a path belongs to. */
export function apiOf(path: string): 'new' | 'classic' | 'other' {
  if (path === '/api/v2' || path.startsWith('/api/v2/')) return 'classic';
  if (path === '/api' || path.startsWith('/api/')) return 'new';
  return 'other';
}

/**
 * Answer an API request the way MailerLite does: authenticate first (even unknown routes
 * get 401 without a valid key), then rate-limit, then route.
 */
export function answerApi(deps: ApiDeps, req: SimRequest): SimResponse {
  const api = apiOf(req.path);
  if (api === 'classic') return answerClassic(deps, req);
  if (api === 'other') return newApiResponse(routeNotFound(req.path.replace(/^\/+/, '')));
  if (!isNewApiKey(req.headers, deps.keys.new)) return newApiResponse({ status: 401, body: { message: 'Unauthenticated.' } });
  const limit = deps.limiter.consume('new', deps.limits.requests);
  if (!limit.allowed) return newApiTooMany('Too Many Attempts.', limit.limit, limit.retryAfterMs);
  if (req.method === 'POST' && req.path === '/api/batch' && isImportBatch(req.body)) {
    const imports = deps.limiter.consume('new:import', deps.limits.imports);
    if (!imports.allowed) {
      const response = newApiTooMany("You're being rate limited on import creation.", limit.limit, imports.retryAfterMs);
      response.headers['x-ratelimit-remaining'] = String(limit.remaining);
      return response;
    }
  }
  const call = { method: req.method, path: req.path.slice('/api'.length), query: req.query, body: req.body };
  return newApiResponse(handleNewApi(deps.accounts.new, req.origin, call), limit);
}

function answerClassic(deps: ApiDeps, req: SimRequest): SimResponse {
  const failure = classicAuthFailure(req.headers, deps.keys.classic);
  if (failure) return classicResponse(failure);
  const path = req.path.slice('/api/v2'.length);
  const endpoint = classicEndpoint(req.method, path);
  const limit = endpoint === undefined ? undefined : deps.limiter.consume(`classic:${endpoint}`, deps.limits.classicPerEndpoint);
  if (limit && !limit.allowed) return classicTooMany(limit);
  return classicResponse(handleClassicApi(deps.accounts.classic, { method: req.method, path, query: req.query, body: req.body }), limit);
}
