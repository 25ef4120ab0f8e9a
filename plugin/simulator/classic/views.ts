import type { JsonObject } from '../../json.js';
import { formatDate, parseDateTime } from '../dates.js';
import type { Account, GroupRecord, SubscriberRecord } from '../store/records.js';

/**
 * A subscriber as the classic API renders it: integer id, `type` for the status and
 * `fields` as an array of `{key, value, type}` starting with the email ("" when unset).
 * `inGroup` adds the group-context date of joining.
 */
export function classicSubscriberView(account: Account, sub: SubscriberRecord, inGroup = false): JsonObject {
  const fields: JsonObject[] = [{ key: 'email', value: sub.email, type: 'TEXT' }];
  for (const field of account.fields.values()) {
    const value = sub.fields.get(field.key);
    fields.push({ key: field.key, value: value === undefined || value === null ? '' : String(value), type: field.type.toUpperCase() });
  }
  const name = sub.fields.get('name');
  return {
    id: Number(sub.id),
    name: name === undefined || name === null ? '' : String(name),
    email: sub.email,
    sent: sub.sent,
    opened: sub.opens_count,
    clicked: sub.clicks_count,
    type: sub.status,
    signup_ip: sub.ip_address,
    signup_timestamp: sub.subscribed_at,
    confirmation_ip: sub.optin_ip ?? sub.ip_address,
    confirmation_timestamp: sub.opted_in_at ?? sub.subscribed_at,
    fields,
    date_subscribe: inGroup ? formatDate(parseDateTime(sub.subscribed_at)) : null,
    date_unsubscribe: sub.unsubscribed_at,
    date_created: sub.created_at,
    date_updated: sub.updated_at,
  };
}

/** A group as the classic API renders it. */
export function classicGroupView(group: GroupRecord): JsonObject {
  return {
    id: Number(group.id),
    name: group.name,
    total: group.members.size,
    active: group.counts.active,
    unsubscribed: group.counts.unsubscribed,
    bounced: group.counts.bounced,
    unconfirmed: group.counts.unconfirmed,
    junk: group.counts.junk,
    sent: group.sent_count,
    opened: group.opens_count,
    clicked: group.clicks_count,
    date_created: group.created_at,
    date_updated: group.updated_at,
  };
}
