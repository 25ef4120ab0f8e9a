import type { JsonObject } from '../../json.js';
import type { Account, FieldRecord, GroupRecord, SubscriberRecord } from '../store/records.js';

/** How much of a subscriber to render. */
export interface SubscriberViewOptions {
  /** Include `groups` (single-resource responses, or lists with `include=groups`). */
  groups: boolean;
  /** The forget response adds `deleted_at`, `forget_at` and `location`. */
  forgotten?: { deleted_at: string; forget_at: string };
}

/**
 * A subscriber as the new API renders it, keys in production order. `fields` lists every
 * field of the account (null when unset).
 */
export function subscriberView(account: Account, sub: SubscriberRecord, options: SubscriberViewOptions): JsonObject {
  const fields: JsonObject = {};
  for (const field of account.fields.values()) fields[field.key] = sub.fields.get(field.key) ?? null;
  const view: JsonObject = {
    id: sub.id,
    email: sub.email,
    status: sub.status,
    source: sub.source,
    sent: sub.sent,
    opens_count: sub.opens_count,
    clicks_count: sub.clicks_count,
    open_rate: sub.open_rate,
    click_rate: sub.click_rate,
    ip_address: sub.ip_address,
    subscribed_at: sub.subscribed_at,
    unsubscribed_at: sub.unsubscribed_at,
    created_at: sub.created_at,
    updated_at: sub.updated_at,
    ...options.forgotten,
    fields,
  };
  if (options.groups) {
    view.groups = [...sub.groups].flatMap((id) => {
      const group = account.groups.get(id);
      return group ? [groupView(group)] : [];
    });
  }
  if (options.forgotten) view.location = null;
  view.opted_in_at = sub.opted_in_at;
  view.optin_ip = sub.optin_ip;
  return view;
}

/** A group as the new API renders it; rates as `{float, string}`. */
export function groupView(group: GroupRecord): JsonObject {
  return {
    id: group.id,
    name: group.name,
    active_count: group.counts.active,
    sent_count: group.sent_count,
    opens_count: group.opens_count,
    open_rate: rate(group.open_rate),
    clicks_count: group.clicks_count,
    click_rate: rate(group.click_rate),
    unsubscribed_count: group.counts.unsubscribed,
    unconfirmed_count: group.counts.unconfirmed,
    bounced_count: group.counts.bounced,
    junk_count: group.counts.junk,
    created_at: group.created_at,
  };
}

/** A field; lists include `used_in_automations`, create/update responses do not. */
export function fieldView(field: FieldRecord, inList: boolean): JsonObject {
  const view: JsonObject = { id: field.id, name: field.name, key: field.key, type: field.type, is_default: field.is_default };
  if (inList) view.used_in_automations = field.used_in_automations;
  return view;
}

/** `0.875` → `{"float": 0.875, "string": "87.5%"}`. */
function rate(fraction: number): JsonObject {
  return { float: fraction, string: `${Number((fraction * 100).toFixed(2))}%` };
}
