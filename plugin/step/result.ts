import type { ResponseRecord } from '../http/response.js';
import { setOwn, type JsonValue } from '../json.js';
import type { ShownRequest } from '../request/build.js';
import type { Outputs } from '../response/map.js';

/** Why a step has no (usable) response. */
export interface StepError {
  kind: 'invalid_input' | 'timeout' | 'network';
  message: string;
  /** For `invalid_input`: each input at fault and why. */
  inputs?: Array<{ name: string; message: string }>;
}

/**
 * One step, run or previewed: the plain object the CLI's `--json`, the web page and the
 * tests all show. Secrets are redacted in `request`.
 */
export interface StepResult {
  /** Template id. */
  template: string;
  /** The inputs after checking (emails trimmed and lower-cased), as rendered. */
  inputs: Record<string, JsonValue>;
  /** The request as sent (secrets redacted); null when invalid input stopped it. */
  request: ShownRequest | null;
  /** The last response; null on timeout, network failure or invalid input. */
  response: Pick<ResponseRecord, 'status' | 'headers' | 'body'> | null;
  error?: StepError;
  /** Variables written from the response. */
  outputs: Outputs;
  /** The outcome name the flow routes on. */
  outcome: string;
  /** Index of the outcome rule that matched (-1 for `invalid_input`). */
  rule: number;
  /** Attempts made (0 when no request was sent). */
  attempts: number;
  durationMs: number;
}

/**
 * Values as JSON values for expressions and templates, missing ones left out: a fresh
 * object each call (callers such as the flow runner write to it).
 *
 * @example
 * definedOnly({ group_id: '1', optin_form_url: undefined }) // { group_id: '1' }
 */
export function definedOnly(values: Record<string, JsonValue | undefined>): Record<string, JsonValue> {
  const out: Record<string, JsonValue> = {};
  for (const [key, value] of Object.entries(values)) {
    if (value !== undefined) setOwn(out, key, value);
  }
  return out;
}
