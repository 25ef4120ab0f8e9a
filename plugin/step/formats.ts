import type { Format as AjvFormat } from 'ajv';
import { fullFormats } from 'ajv-formats/dist/formats.js';
import type { VariableDeclaration } from '../generated/step-template.js';

type Format = NonNullable<VariableDeclaration['format']>;

/** The outcome of a format check: the normalised value, or why it is not valid. */
export type FormatResult = { ok: true; value: string } | { ok: false; message: string };

const E164 = /^\+[1-9]\d{6,14}$/;
const DIGITS = /^\d+$/;

/** Runs one of ajv-formats' full-mode format checks. */
function ajvFormat(format: AjvFormat, value: string): boolean {
  if (format instanceof RegExp) return format.test(value);
  if (typeof format === 'function') return format(value);
  if (typeof format === 'object' && 'validate' in format) {
    const check = format.validate;
    return check instanceof RegExp ? check.test(value) : typeof check === 'function' ? Boolean(check(value as never)) : false;
  }
  return typeof format === 'string' ? new RegExp(format).test(value) : false;
}

/**
 * Checks and normalises a text value for its declared format: emails are trimmed and
 * lower-cased (as MailerLite stores them), phones must be E.164, ids are digit strings.
 *
 * @example
 * checkFormat('email', ' Priya@Example.com ') // { ok: true, value: 'priya@example.com' }
 * checkFormat('phone', '98200 00001')         // { ok: false, message: 'not an E.164 phone number ...' }
 */
export function checkFormat(format: Format | undefined, raw: string): FormatResult {
  switch (format) {
    case undefined:
      return { ok: true, value: raw };
    case 'email': {
      const value = raw.trim().toLowerCase();
      return ajvFormat(fullFormats.email, value) && value.length <= 254
        ? { ok: true, value }
        : { ok: false, message: `not a valid email address: ${JSON.stringify(raw)} (e.g. priya@example.com)` };
    }
    case 'phone': {
      const value = raw.trim();
      return E164.test(value)
        ? { ok: true, value }
        : { ok: false, message: `not an E.164 phone number: ${JSON.stringify(raw)} (e.g. +919820000001)` };
    }
    case 'id': {
      const value = raw.trim();
      return DIGITS.test(value) ? { ok: true, value } : { ok: false, message: `not an id of digits: ${JSON.stringify(raw)} (e.g. "123456789")` };
    }
    case 'uri':
      return ajvFormat(fullFormats.uri, raw.trim())
        ? { ok: true, value: raw.trim() }
        : { ok: false, message: `not an absolute URL: ${JSON.stringify(raw)} (e.g. https://example.com/form)` };
    case 'date-time':
      // MailerLite writes `2024-08-13 09:49:51` (UTC, no zone); RFC 3339 forms pass too.
      return ajvFormat(fullFormats['date-time'], toRfc3339(raw.trim()))
        ? { ok: true, value: raw.trim() }
        : { ok: false, message: `not a date-time: ${JSON.stringify(raw)} (e.g. 2024-08-13 09:49:51)` };
  }
}

function toRfc3339(value: string): string {
  return /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(value) ? value.replace(' ', 'T') + 'Z' : value;
}
