import { result, type ApiResult } from '../types.js';

/** The classic error envelope `{"error": {"code", "message"}}`. */
export function classicError(status: number, code: number, message: string): ApiResult {
  return result(status, { error: { code, message } });
}

/** 401, key header missing (error code 1). */
export const missingKey = (): ApiResult => classicError(401, 1, 'Unauthorized');
/** 401, key not valid (error code 302). */
export const wrongKey = (): ApiResult => classicError(401, 302, 'API-Key Unauthorized');
/** 404 for a path no endpoint serves (error code 2). */
export const endpointNotFound = (): ApiResult => classicError(404, 2, 'Endpoint not found');
/** 404 for a missing group, as in the docs' example (error code 123). */
export const groupNotFound = (): ApiResult => classicError(404, 123, 'Group not found');
/** 404 for a missing subscriber (the docs give no example; same code as groups). */
export const subscriberNotFound = (): ApiResult => classicError(404, 123, 'Subscriber not found');
/** 400 for a request the endpoint cannot use. */
export const badRequest = (message: string): ApiResult => classicError(400, 400, message);
