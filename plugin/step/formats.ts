import type { Format as AjvFormat } from 'ajv';
import { fullFormats } from 'ajv-formats/dist/formats.js';
import type { VariableDeclaration } from '../generated/step-template.js';
import { formatRegExp } from './format-patterns.js';

type Format = NonNullable<VariableDeclaration['format']>;

/** The outcome of a format check: the normalised value, or why it is not valid. */
export type FormatResult = { ok: true; value: string } | { ok: false; message: string };

const E164 = formatRegExp('phone');
const DIGITS = formatRegExp('id');
const EMAIL = formatRegExp('email');
const URI = formatRegExp('uri');
const URI_NOT_FRAGMENT = formatRegExp('uri_fragment');
const MAILERLITE_DATE_TIME = formatRegExp('mailerlite_date_time');

/** One of ajv-formats' full-mode format checks as a plain test. */
function tester(format: AjvFormat): (value: string) => boolean {
  if (format instanceof RegExp) return (value) => format.test(value);
  if (typeof format === 'function') return (value) => format(value);
  if (typeof format === 'object' && 'validate' in format) {
    const check = format.validate;
    if (check instanceof RegExp) return (value) => check.test(value);
    return typeof check === 'function' ? (value) => Boolean(check(value as never)) : () => false;
  }
  return typeof format === 'string' ? (value) => new RegExp(format).test(value) : () => false;
}

const isEmail = (value: string): boolean => EMAIL.test(value);
const isUri = (value: string): boolean => URI_NOT_FRAGMENT.test(value) && URI.test(value);
const isDateTime = tester(fullFormats['date-time']);

function toRfc3339(value: string): string {
  return MAILERLITE_DATE_TIME.test(value) ? value.replace(' ', 'T') + 'Z' : value;
}

const ok = (value: string): FormatResult => ({ ok: true, value });
const no = (message: string): FormatResult => ({ ok: false, message });

const CHECKS: Record<Format, (raw: string) => FormatResult> = {
  email: (raw) => {
    const value = raw.trim().toLowerCase();
    return isEmail(value) && value.length <= 254 ? ok(value) : no(`not a valid email address: ${JSON.stringify(raw)} (e.g. priya@example.com)`);
  },
  phone: (raw) => (E164.test(raw.trim()) ? ok(raw.trim()) : no(`not an E.164 phone number: ${JSON.stringify(raw)} (e.g. +919820000001)`)),
  id: (raw) => (DIGITS.test(raw.trim()) ? ok(raw.trim()) : no(`not an id of digits: ${JSON.stringify(raw)} (e.g. "123456789")`)),
  uri: (raw) => (isUri(raw.trim()) ? ok(raw.trim()) : no(`not an absolute URL: ${JSON.stringify(raw)} (e.g. https://example.com/form)`)),
  // MailerLite writes `2024-08-13 09:49:51` (UTC, no zone); RFC 3339 forms pass too.
  'date-time': (raw) => (isDateTime(toRfc3339(raw.trim())) ? ok(raw.trim()) : no(`not a date-time: ${JSON.stringify(raw)} (e.g. 2024-08-13 09:49:51)`)),
};

/**
 * Checks and normalises a text value for its declared format: emails are trimmed and
 * lower-cased (as MailerLite stores them), phones must be E.164, ids are digit strings.
 *
 * @example
 * checkFormat('email', ' Priya@Example.com ') // { ok: true, value: 'priya@example.com' }
 * checkFormat('phone', '98200 00001')         // { ok: false, message: 'not an E.164 phone number ...' }
 */
export function checkFormat(format: Format | undefined, raw: string): FormatResult {
  return format === undefined ? ok(raw) : CHECKS[format](raw);
}
