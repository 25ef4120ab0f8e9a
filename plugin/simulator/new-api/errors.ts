import type { JsonObject } from '../../json.js';
import type { SubscriberRecord } from '../store/records.js';
import { result, type ApiResult } from '../types.js';

/** Ordered validation messages by field path (`email`, `groups.0`, `requests.0.method`). */
export class ValidationErrors {
  private readonly errors = new Map<string, string[]>();

  add(key: string, message: string): void {
    this.errors.set(key, [...(this.errors.get(key) ?? []), message]);
  }

  get empty(): boolean {
    return this.errors.size === 0;
  }

  /**
   * The 422 production sends: `message` is the first error, plus " (and N more
   * error[s])" when there are others (facts sheet §1.4).
   */
  toResult(): ApiResult {
    const all = [...this.errors.values()].flat();
    const more = all.length - 1;
    const message = (all[0] ?? 'The given data was invalid.') + (more > 0 ? ` (and ${more} more error${more > 1 ? 's' : ''})` : '');
    return result(422, { message, errors: Object.fromEntries(this.errors) });
  }
}

/** 422 with one message for one field. */
export function invalid(key: string, message: string): ApiResult {
  const errors = new ValidationErrors();
  errors.add(key, message);
  return errors.toResult();
}

/** 404 for a missing subscriber (no id in the message, trailing period: as recorded). */
export function subscriberNotFound(): ApiResult {
  return result(404, { message: 'No query results for model [App\\Models\\Subscriber\\Subscriber].' });
}

/** 404 for a missing group (id appended, no period: as recorded). */
export function groupNotFound(id: string): ApiResult {
  return result(404, { message: `No query results for model [App\\Models\\Group\\Group] ${id}` });
}

/** 404 for a missing field. */
export function fieldNotFound(id: string): ApiResult {
  return result(404, { message: `No query results for model [App\\Models\\Field] ${id}` });
}

/** 404 for a path no route serves, e.g. `api/campaigns/list`. */
export function routeNotFound(path: string): ApiResult {
  return result(404, { message: `The route ${path} could not be found.` });
}

const METHOD_ORDER = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'];

/** 405 worded like Laravel's MethodNotAllowedHttpException. */
export function methodNotAllowed(method: string, path: string, allowed: string[]): ApiResult {
  const methods = new Set(allowed);
  if (methods.has('GET')) methods.add('HEAD');
  const list = METHOD_ORDER.filter((m) => methods.has(m)).join(', ');
  return result(405, { message: `The ${method} method is not supported for route ${path}. Supported methods: ${list}.` });
}

/**
 * 422 for writing to a subscriber the API may not reactivate, exactly as integrators
 * recorded it (facts sheet §2.3): old-style message plus the subscriber id.
 */
export function cannotReactivate(sub: SubscriberRecord): ApiResult {
  const body: JsonObject = {
    message: 'The given data was invalid.',
    errors: { email: [`This subscriber is ${sub.status} and cannot be imported`] },
    subscriber: sub.id,
  };
  return result(422, body);
}
