import { checkFormat } from '../step/formats.js';
import type { Contact, InvalidRow, RawRow } from './types.js';

/** A contact made from one row (with the values left out of it), or why the row cannot be used. */
export type Normalised = { ok: true; contact: Contact; warnings: string[] } | { ok: false; invalid: InvalidRow };

/**
 * Checks and normalises one row. The email decides: missing or malformed makes the row
 * invalid (never sent). Other values are cleaned; one that stays unusable is left out of
 * the request with a warning, so the contact still reaches the group.
 *
 * @example
 * normaliseRow({ line: 2, values: { email: ' Priya@Example.com ', phone: '+91 98200-00001' } })
 * // { ok: true, contact: { email: 'priya@example.com', phone: '+919820000001', line: 2 }, warnings: [] }
 */
export function normaliseRow(row: RawRow): Normalised {
  const raw = row.values.email ?? '';
  if (raw.trim() === '') return { ok: false, invalid: { line: row.line, reason: 'email: missing' } };
  const email = checkFormat('email', raw);
  if (!email.ok) return { ok: false, invalid: { line: row.line, reason: `email: ${email.message}` } };
  const contact: Contact = { email: email.value, line: row.line };
  const warnings: string[] = [];
  const name = row.values.name?.trim();
  if (name) contact.name = name;
  const phone = row.values.phone?.trim();
  if (phone) {
    const normal = normalisePhone(phone);
    if (normal) contact.phone = normal;
    else warnings.push(`phone left out: ${JSON.stringify(phone)} is not an international number (e.g. +919820000001)`);
  }
  const optedIn = row.values.opted_in_at?.trim();
  if (optedIn) {
    const normal = normaliseDateTime(optedIn);
    if (normal) contact.optedInAt = normal;
    else warnings.push(`opted_in_at left out: ${JSON.stringify(optedIn)} is not a date-time (e.g. 2024-08-13 09:49:51)`);
  }
  return { ok: true, contact, warnings };
}

/**
 * A phone number in E.164, or undefined. Spaces, dashes, dots and brackets are removed;
 * `00` becomes `+`; bare digits get a `+` when they look like a WhatsApp id (country code
 * and number without the plus, 11-15 digits, no leading 0). Ten bare digits are a
 * national number as often as not (India, the US): without its country code it is left
 * out, with a warning, rather than guessed.
 *
 * @example
 * normalisePhone('+91 98200 00001') // '+919820000001'
 * normalisePhone('919820000001')    // '+919820000001'
 * normalisePhone('09820000001')     // undefined
 */
export function normalisePhone(text: string): string | undefined {
  let value = text.replace(/[\s\-.()\u00a0]/g, '');
  if (value.startsWith('00')) value = '+' + value.slice(2);
  else if (/^[1-9]\d{10,14}$/.test(value)) value = '+' + value;
  const checked = checkFormat('phone', value);
  return checked.ok ? checked.value : undefined;
}

const MAILERLITE_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?: (\d{2}):(\d{2}):(\d{2}))?$/;

/**
 * A date-time in MailerLite's `YYYY-MM-DD HH:mm:ss` (UTC), or undefined. Accepts that
 * form, a bare date (midnight) and ISO 8601 with a zone (converted to UTC).
 *
 * @example
 * normaliseDateTime('2024-08-13T11:49:51+02:00') // '2024-08-13 09:49:51'
 * normaliseDateTime('2024-08-13')                // '2024-08-13 00:00:00'
 */
export function normaliseDateTime(text: string): string | undefined {
  const plain = MAILERLITE_DATE_TIME.exec(text);
  if (plain) {
    const [, y, mo, d, h = '00', mi = '00', s = '00'] = plain;
    const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
    const back = new Date(ms).toISOString();
    return back.startsWith(`${y}-${mo}-${d}T${h}:${mi}:${s}`) ? `${y}-${mo}-${d} ${h}:${mi}:${s}` : undefined;
  }
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i.test(text)) return undefined;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}
