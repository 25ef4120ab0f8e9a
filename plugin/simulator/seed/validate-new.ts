import { isIP } from 'node:net';
import { isValidEmail, normalizeEmail } from '../store/account.js';
import { keyFromName } from '../store/fields.js';
import { STATUSES } from '../types.js';
import { Checker, optional, pointer } from './check.js';

const DEFAULT_KEYS = ['name', 'last_name', 'company', 'country', 'city', 'phone', 'state', 'z_i_p'];
const FIELD_TYPES = ['text', 'number', 'date'] as const;
const FIELD_EXAMPLE = '{"name": "WhatsApp", "type": "text"}';
const GROUP_EXAMPLE = '{"id": "123456789", "name": "WhatsApp Opt-Ins"}';
const SUBSCRIBER_EXAMPLE = '{"email": "priya@example.com", "status": "active", "groups": ["123456789"]}';
const SUBSCRIBER_KEYS = ['id', 'email', 'status', 'source', 'fields', 'groups', 'subscribed_at', 'unsubscribed_at', 'created_at', 'updated_at',
  'ip_address', 'opted_in_at', 'optin_ip', 'sent', 'opens_count', 'clicks_count', 'open_rate', 'click_rate'];

/** Ids (and field keys) declared so far, for duplicate and reference checks. */
interface Declared {
  fieldKeys: Set<string>;
  fieldIds: Map<string, string>;
  groupIds: Map<string, string>;
  subscriberIds: Map<string, string>;
}

/** Check the `new` account of a seed, adding every problem to `c`. */
export function checkNewAccount(c: Checker, value: unknown, at: string): void {
  if (!c.object(value, at, ['fields', 'groups', 'subscribers', 'next_ids'], '{"groups": [...], "subscribers": [...]}')) return;
  const declared: Declared = { fieldKeys: new Set(DEFAULT_KEYS), fieldIds: new Map(), groupIds: new Map(), subscriberIds: new Map() };
  eachItem(c, value.fields, pointer(at, 'fields'), FIELD_EXAMPLE, (item, iat) => checkField(c, item, iat, declared));
  eachItem(c, value.groups, pointer(at, 'groups'), GROUP_EXAMPLE, (item, iat) => checkGroup(c, item, iat, declared));
  const emails = new Map<string, string>();
  eachItem(c, value.subscribers, pointer(at, 'subscribers'), SUBSCRIBER_EXAMPLE, (item, iat) => checkSubscriber(c, item, iat, declared, emails));
  const nextAt = pointer(at, 'next_ids');
  if (value.next_ids !== undefined && c.object(value.next_ids, nextAt, ['subscriber', 'group', 'field', 'subscriber_by_email'], '{"subscriber": ["987654321"]}')) {
    const used: Record<string, Map<string, string>> = { subscriber: declared.subscriberIds, group: declared.groupIds, field: declared.fieldIds };
    const queued = new Map(declared.subscriberIds);
    for (const [kind, ids] of Object.entries(value.next_ids)) {
      if (kind === 'subscriber_by_email') continue;
      const kat = pointer(nextAt, kind);
      const seen = kind === 'subscriber' ? queued : new Map(used[kind]);
      if (c.array(ids, kat, '["987654321"]')) ids.forEach((id, j) => c.digits(id, pointer(kat, j), '"987654321"') && c.unique(seen, id, pointer(kat, j), `${kind} id`));
    }
    if (value.next_ids.subscriber_by_email !== undefined) {
      const check = (id: unknown, idAt: string) => c.digits(id, idAt, '"987654321"') && c.unique(queued, id, idAt, 'subscriber id');
      checkReservations(c, value.next_ids.subscriber_by_email, pointer(nextAt, 'subscriber_by_email'), emails, check, '{"priya@example.com": "987654321"}');
    }
  }
}

/**
 * `next_ids.subscriber_by_email`: an object from an email (not seeded as a subscriber) to
 * the id it gets when created; `checkId` checks each id and its uniqueness.
 */
export function checkReservations(
  c: Checker,
  value: unknown,
  at: string,
  seeded: Map<string, string>,
  checkId: (id: unknown, at: string) => unknown,
  example: string,
): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    c.fail(at, `expected an object from email to id, e.g. ${example}`);
    return;
  }
  for (const [email, id] of Object.entries(value)) {
    const eat = pointer(at, email);
    if (!isValidEmail(normalizeEmail(email))) c.fail(eat, `expected a valid email address as the key, e.g. ${example}`);
    else if (seeded.has(normalizeEmail(email))) c.fail(eat, `"${email}" is already a seeded subscriber (at ${seeded.get(normalizeEmail(email))}); give its id there`);
    else checkId(id, eat);
  }
}

/** Run `check` on each element of an optional array. */
export function eachItem(c: Checker, list: unknown, at: string, example: string, check: (item: unknown, at: string) => void): void {
  if (list !== undefined && c.array(list, at, `[${example}]`)) list.forEach((item, i) => check(item, pointer(at, i)));
}

function checkField(c: Checker, field: unknown, at: string, declared: Declared): void {
  if (!c.object(field, at, ['id', 'name', 'key', 'type', 'used_in_automations'], FIELD_EXAMPLE)) return;
  if (c.string(field.name, pointer(at, 'name'), '"WhatsApp"') && field.key === undefined) declared.fieldKeys.add(keyFromName(field.name));
  if (field.key !== undefined) {
    if (typeof field.key !== 'string' || !/^[a-z0-9_]+$/.test(field.key)) c.fail(pointer(at, 'key'), 'expected a key of lower-case letters, digits and _, e.g. "whatsapp"');
    else if (declared.fieldKeys.has(field.key)) c.fail(pointer(at, 'key'), `duplicate field key "${field.key}"`);
    else declared.fieldKeys.add(field.key);
  }
  optional(field, at, {
    id: (v, p) => c.digits(v, p, '"545001"') && (Number(v) <= 8 ? c.fail(p, 'ids "1"-"8" belong to the default fields') : c.unique(declared.fieldIds, v, p, 'field id')),
    type: (v, p) => c.oneOf(v, p, FIELD_TYPES),
    used_in_automations: (v, p) => c.boolean(v, p),
  });
}

function checkGroup(c: Checker, group: unknown, at: string, declared: Declared): void {
  if (!c.object(group, at, ['id', 'name', 'created_at', 'sent_count', 'opens_count', 'clicks_count', 'open_rate', 'click_rate'], GROUP_EXAMPLE)) return;
  if (c.digits(group.id, pointer(at, 'id'), '"123456789"')) c.unique(declared.groupIds, group.id, pointer(at, 'id'), 'group id');
  c.string(group.name, pointer(at, 'name'), '"WhatsApp Opt-Ins"');
  optional(group, at, {
    created_at: (v, p) => c.dateTime(v, p),
    sent_count: (v, p) => c.count(v, p),
    opens_count: (v, p) => c.count(v, p),
    clicks_count: (v, p) => c.count(v, p),
    open_rate: (v, p) => c.fraction(v, p),
    click_rate: (v, p) => c.fraction(v, p),
  });
}

function checkSubscriber(c: Checker, sub: unknown, at: string, declared: Declared, emails: Map<string, string>): void {
  if (!c.object(sub, at, SUBSCRIBER_KEYS, SUBSCRIBER_EXAMPLE)) return;
  checkEmail(c, sub.email, pointer(at, 'email'), emails);
  optional(sub, at, {
    id: (v, p) => c.digits(v, p, '"987654321"') && c.unique(declared.subscriberIds, v, p, 'subscriber id'),
    status: (v, p) => c.oneOf(v, p, STATUSES),
    source: (v, p) => c.string(v, p, '"api"'),
    fields: (v, p) => checkFieldValues(c, v, p, declared.fieldKeys),
    groups: (v, p) => c.array(v, p, '["123456789"]') && v.forEach((g, j) => checkRef(c, g, pointer(p, j), declared.groupIds, 'group', '/new/groups')),
    subscribed_at: (v, p) => c.dateTime(v, p),
    unsubscribed_at: (v, p) => c.dateTime(v, p, true),
    created_at: (v, p) => c.dateTime(v, p),
    updated_at: (v, p) => c.dateTime(v, p),
    opted_in_at: (v, p) => c.dateTime(v, p, true),
    ip_address: (v, p) => checkIp(c, v, p),
    optin_ip: (v, p) => checkIp(c, v, p),
    sent: (v, p) => c.count(v, p),
    opens_count: (v, p) => c.count(v, p),
    clicks_count: (v, p) => c.count(v, p),
    open_rate: (v, p) => c.percent(v, p),
    click_rate: (v, p) => c.percent(v, p),
  });
}

/** A valid email, unique (after trimming and lower-casing) within the account. */
export function checkEmail(c: Checker, email: unknown, at: string, seen: Map<string, string>): void {
  if (typeof email === 'string' && isValidEmail(normalizeEmail(email))) c.unique(seen, normalizeEmail(email), at, 'email');
  else c.fail(at, 'expected a valid email address, e.g. "priya@example.com"');
}

/** Field values keyed by a known field key. */
export function checkFieldValues(c: Checker, value: unknown, at: string, keys: Set<string>): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    c.fail(at, 'expected an object of field values by key, e.g. {"name": "Priya Sharma", "phone": "+919820000001"}');
    return;
  }
  for (const [key, v] of Object.entries(value)) {
    if (!keys.has(key)) c.fail(pointer(at, key), `unknown field key "${key}"; known keys: ${[...keys].join(', ')} (declare custom fields under "fields")`);
    else c.fieldValue(v, pointer(at, key));
  }
}

/** A reference to a record declared elsewhere in the seed. */
export function checkRef(c: Checker, value: unknown, at: string, known: Map<string, string>, what: string, where: string): void {
  const key = typeof value === 'number' ? String(value) : value;
  if (typeof key !== 'string' || !known.has(key)) c.fail(at, `unknown ${what} id ${JSON.stringify(value)}; declare it in ${where}`);
}

/** An IP address or null. */
export function checkIp(c: Checker, value: unknown, at: string): void {
  if (value !== null && (typeof value !== 'string' || isIP(value) === 0)) c.fail(at, 'expected an IP address or null, e.g. "1.1.1.1"');
}
