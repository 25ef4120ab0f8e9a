import type { Format as AjvFormat } from 'ajv';
import { fullFormats } from 'ajv-formats/dist/formats.js';
import type { VariableDeclaration } from '../generated/step-template.js';

type Format = NonNullable<VariableDeclaration['format']>;

/** The outcome of a format check: the normalised value, or why it is not valid. */
export type FormatResult = { ok: true; value: string } | { ok: false; message: string };

/**
 * Why a text is not valid for its format (what a compiled check returns instead of the value).
 *
 * @example
 * compileFormat('id')('12a') instanceof FormatFailure // true
 */
export class FormatFailure {
  constructor(readonly message: string) {}
}

/** A format check compiled once: the normalised text, or a FormatFailure. */
export type FormatCheck = (raw: string) => string | FormatFailure;

const E164 = /^\+[1-9]\d{6,14}$/;
const DIGITS = /^\d+$/;

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

const isEmail = tester(fullFormats.email);
const isUri = tester(fullFormats.uri);
const isDateTime = tester(fullFormats['date-time']);

function toRfc3339(value: string): string {
  return /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(value) ? value.replace(' ', 'T') + 'Z' : value;
}

const CHECKS: Record<Format, FormatCheck> = {
  email: (raw) => {
    const value = raw.trim().toLowerCase();
    return isEmail(value) && value.length <= 254 ? value : new FormatFailure(`not a valid email address: ${JSON.stringify(raw)} (e.g. priya@example.com)`);
  },
  phone: (raw) => {
    const value = raw.trim();
    return E164.test(value) ? value : new FormatFailure(`not an E.164 phone number: ${JSON.stringify(raw)} (e.g. +919820000001)`);
  },
  id: (raw) => {
    const value = raw.trim();
    return DIGITS.test(value) ? value : new FormatFailure(`not an id of digits: ${JSON.stringify(raw)} (e.g. "123456789")`);
  },
  uri: (raw) => (isUri(raw.trim()) ? raw.trim() : new FormatFailure(`not an absolute URL: ${JSON.stringify(raw)} (e.g. https://example.com/form)`)),
  // MailerLite writes `2024-08-13 09:49:51` (UTC, no zone); RFC 3339 forms pass too.
  'date-time': (raw) => (isDateTime(toRfc3339(raw.trim())) ? raw.trim() : new FormatFailure(`not a date-time: ${JSON.stringify(raw)} (e.g. 2024-08-13 09:49:51)`)),
};

const unchecked: FormatCheck = (raw) => raw;

/**
 * The check for a declared format, made once: emails are trimmed and lower-cased (as
 * MailerLite stores them), phones must be E.164, ids are digit strings.
 *
 * @example
 * compileFormat('email')(' Priya@Example.com ') // 'priya@example.com'
 * compileFormat('phone')('98200 00001')         // FormatFailure { message: 'not an E.164 phone number ...' }
 */
export function compileFormat(format: Format | undefined): FormatCheck {
  return format === undefined ? unchecked : CHECKS[format];
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
  const checked = compileFormat(format)(raw);
  return typeof checked === 'string' ? { ok: true, value: checked } : { ok: false, message: checked.message };
}
