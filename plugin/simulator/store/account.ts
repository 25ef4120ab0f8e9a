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

const EMAIL = /^[^\s@"(),:;<>[\\\]]+@[^\s@"(),:;<>[\\\]]+\.[^\s@"(),:;<>[\\\]]+$/;

/** A pragmatic RFC 2821-ish check: one @, a dot in the domain, no spaces or specials. */
export function isValidEmail(email: string): boolean {
  return EMAIL.test(email) && !email.includes('..') && email.length <= 254;
}
