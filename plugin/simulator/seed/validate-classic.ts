import { STATUSES } from '../types.js';
import { Checker, optional, pointer } from './check.js';
import { checkEmail, checkFieldValues, checkIp, checkRef, checkReservations, eachItem } from './validate-new.js';

const DEFAULT_KEYS = ['name', 'last_name', 'company', 'country', 'city', 'phone', 'state', 'zip'];
const FIELD_TYPES = ['TEXT', 'NUMBER', 'DATE'] as const;
const FIELD_EXAMPLE = '{"key": "whatsapp", "title": "WhatsApp", "type": "TEXT"}';
const GROUP_EXAMPLE = '{"id": 3640549, "name": "WhatsApp Opt-Ins"}';
const SUBSCRIBER_EXAMPLE = '{"email": "priya@example.com", "type": "active", "groups": [3640549]}';

/** Check the `classic` account of a seed, adding every problem to `c`. */
export function checkClassicAccount(c: Checker, value: unknown, at: string): void {
  if (!c.object(value, at, ['fields', 'groups', 'subscribers', 'next_ids'], '{"groups": [...], "subscribers": [...]}')) return;
  const fieldKeys = new Set(DEFAULT_KEYS);
  eachItem(c, value.fields, pointer(at, 'fields'), FIELD_EXAMPLE, (field, fat) => {
    if (!c.object(field, fat, ['key', 'title', 'type'], FIELD_EXAMPLE)) return;
    if (typeof field.key !== 'string' || !/^[a-z0-9_]+$/.test(field.key)) c.fail(pointer(fat, 'key'), 'expected a key of lower-case letters, digits and _, e.g. "whatsapp"');
    else if (fieldKeys.has(field.key)) c.fail(pointer(fat, 'key'), `duplicate field key "${field.key}"`);
    else fieldKeys.add(field.key);
    optional(field, fat, { title: (v, p) => c.string(v, p, '"WhatsApp"'), type: (v, p) => c.oneOf(v, p, FIELD_TYPES) });
  });
  const groupIds = new Map<string, string>();
  eachItem(c, value.groups, pointer(at, 'groups'), GROUP_EXAMPLE, (group, gat) => {
    if (!c.object(group, gat, ['id', 'name', 'date_created'], GROUP_EXAMPLE)) return;
    if (c.positiveInt(group.id, pointer(gat, 'id'), '3640549')) c.unique(groupIds, String(group.id), pointer(gat, 'id'), 'group id');
    c.string(group.name, pointer(gat, 'name'), '"WhatsApp Opt-Ins"');
    optional(group, gat, { date_created: (v, p) => c.dateTime(v, p) });
  });
  const subscriberIds = new Map<string, string>();
  const emails = new Map<string, string>();
  eachItem(c, value.subscribers, pointer(at, 'subscribers'), SUBSCRIBER_EXAMPLE, (sub, sat) => {
    const allowed = ['id', 'email', 'name', 'type', 'fields', 'groups', 'date_created', 'date_unsubscribe', 'signup_ip'];
    if (!c.object(sub, sat, allowed, SUBSCRIBER_EXAMPLE)) return;
    checkEmail(c, sub.email, pointer(sat, 'email'), emails);
    optional(sub, sat, {
      id: (v, p) => c.positiveInt(v, p, '1343965485') && c.unique(subscriberIds, String(v), p, 'subscriber id'),
      name: (v, p) => c.textOrNull(v, p, '"Priya Sharma"'),
      type: (v, p) => c.oneOf(v, p, STATUSES),
      fields: (v, p) => checkFieldValues(c, v, p, fieldKeys),
      groups: (v, p) => c.array(v, p, '[3640549]') && v.forEach((g, j) => checkRef(c, g, pointer(p, j), groupIds, 'group', '/classic/groups')),
      date_created: (v, p) => c.dateTime(v, p),
      date_unsubscribe: (v, p) => c.dateTime(v, p, true),
      signup_ip: (v, p) => checkIp(c, v, p),
    });
  });
  const nextAt = pointer(at, 'next_ids');
  if (value.next_ids !== undefined && c.object(value.next_ids, nextAt, ['subscriber', 'group', 'subscriber_by_email'], '{"subscriber": [1343965485]}')) {
    const used: Record<string, Map<string, string>> = { subscriber: subscriberIds, group: groupIds };
    const queued = new Map(subscriberIds);
    for (const [kind, ids] of Object.entries(value.next_ids)) {
      if (kind === 'subscriber_by_email') continue;
      const kat = pointer(nextAt, kind);
      const seen = kind === 'subscriber' ? queued : new Map(used[kind]);
      if (c.array(ids, kat, '[1343965485]')) ids.forEach((id, j) => c.positiveInt(id, pointer(kat, j), '1343965485') && c.unique(seen, String(id), pointer(kat, j), `${kind} id`));
    }
    if (value.next_ids.subscriber_by_email !== undefined) {
      const check = (id: unknown, idAt: string) => c.positiveInt(id, idAt, '987654321') && c.unique(queued, String(id), idAt, 'subscriber id');
      checkReservations(c, value.next_ids.subscriber_by_email, pointer(nextAt, 'subscriber_by_email'), emails, check, '{"priya@example.com": 987654321}');
    }
  }
}
