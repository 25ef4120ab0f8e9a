import type { ApiFlavor, Clock } from '../types.js';
import { IdAllocator } from '../ids.js';
import type { Account, FieldRecord } from './records.js';

const NEW_DEFAULT_FIELDS: ReadonlyArray<[string, string]> = [
  ['Name', 'name'],
  ['Last name', 'last_name'],
  ['Company', 'company'],
  ['Country', 'country'],
  ['City', 'city'],
  ['Phone', 'phone'],
  ['State', 'state'],
  ['Zip', 'z_i_p'],
];

const CLASSIC_DEFAULT_FIELDS: ReadonlyArray<[string, string]> = [
  ['Name', 'name'],
  ['Last name', 'last_name'],
  ['Company', 'company'],
  ['Country', 'country'],
  ['City', 'city'],
  ['Phone', 'phone'],
  ['State', 'state'],
  ['Zip', 'zip'],
];

/**
 * An empty account holding only the default fields every MailerLite account has
 * (ids "1"-"8"; the new API's zip key really is `z_i_p`).
 */
export function createAccount(flavor: ApiFlavor, clock: Clock): Account {
  const fields = new Map<string, FieldRecord>();
  const defaults = flavor === 'new' ? NEW_DEFAULT_FIELDS : CLASSIC_DEFAULT_FIELDS;
  defaults.forEach(([name, key], index) => {
    const id = String(index + 1);
    fields.set(id, { id, name, key, type: 'text', is_default: true, used_in_automations: false });
  });
  return {
    flavor,
    subscribers: new Map(),
    emails: new Map(),
    deleted: new Map(),
    groups: new Map(),
    fields,
    ids: flavor === 'new' ? IdAllocator.forNewApi() : IdAllocator.forClassicApi(),
    clock,
    sorted: null,
  };
}

/** Trim and lower-case an email, as MailerLite stores it. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Local part: dot-separated atoms of RFC 5322 `atext` (non-ASCII letters allowed, RFC 6531). */
const LOCAL_PART = /^[\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+(\.[\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+)*$/u;
/** One DNS label: letters and digits, inner hyphens, never a hyphen first or last. */
const LABEL = /^[\p{L}\p{N}]([\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?$/u;

/**
 * An address MailerLite would take (RFC 5321/5322 as Laravel's email rule checks them):
 * one `@`, a local part of at most 64 characters made of atoms joined by single dots,
 * and a domain of at least two labels, each 1-63 letters, digits or inner hyphens
 * (`a@-example.com` and `a@example-.com` are refused), ending in a label that is not all
 * digits.
 *
 * @example
 * isValidEmail('priya+1@example.com') // true
 * isValidEmail('a@-example.com')      // false
 */
export function isValidEmail(email: string): boolean {
  if (email.length > 254) return false;
  const at = email.lastIndexOf('@');
  if (at <= 0 || email.indexOf('@') !== at) return false;
  const local = email.slice(0, at);
  const labels = email.slice(at + 1).split('.');
  if (local.length > 64 || !LOCAL_PART.test(local)) return false;
  if (labels.length < 2 || !labels.every((label) => LABEL.test(label))) return false;
  return !/^\d+$/.test(labels[labels.length - 1]!);
}
