import { missingKey, wrongKey } from './classic/errors.js';
import type { ApiResult } from './types.js';

/** True when `Authorization: Bearer <key>` carries exactly the new-API key. */
export function isNewApiKey(headers: Record<string, string>, key: string): boolean {
  const match = /^bearer\s+(.+)$/i.exec(headers.authorization ?? '');
  return match !== null && match[1]!.trim() === key;
}

/** The classic 401 for a missing (code 1) or wrong (code 302) `X-MailerLite-ApiKey`, or undefined when valid. */
export function classicAuthFailure(headers: Record<string, string>, key: string): ApiResult | undefined {
  const sent = (headers['x-mailerlite-apikey'] ?? '').trim();
  if (sent === '') return missingKey();
  return sent === key ? undefined : wrongKey();
}
