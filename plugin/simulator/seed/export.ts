import type { Account, SubscriberRecord } from '../store/records.js';
import { subscribersNewestFirst } from '../store/subscribers.js';
import type { Accounts } from './apply.js';
import type { ClassicAccountSeed, NewAccountSeed, Seed, SeedFieldValue } from './types.js';

/**
 * The current state in seed format: posting it back to `/__sim/seed` (or passing it to
 * `sim.seed()`) recreates it, apart from rate-limit windows and the journal.
 */
export function exportSeed(accounts: Accounts): Seed {
  return { new: exportNew(accounts.new), classic: exportClassic(accounts.classic) };
}

function exportNew(account: Account): NewAccountSeed {
  return {
    fields: customFields(account).map((f) => ({ id: f.id, name: f.name, key: f.key, type: f.type, used_in_automations: f.used_in_automations })),
    groups: [...account.groups.values()].map((g) => ({
      id: g.id,
      name: g.name,
      created_at: g.created_at,
      sent_count: g.sent_count,
      opens_count: g.opens_count,
      clicks_count: g.clicks_count,
      open_rate: g.open_rate,
      click_rate: g.click_rate,
    })),
    subscribers: oldestFirst(account).map((s) => ({
      id: s.id,
      email: s.email,
      status: s.status,
      source: s.source,
      fields: fieldValues(s),
      groups: [...s.groups],
      subscribed_at: s.subscribed_at,
      unsubscribed_at: s.unsubscribed_at,
      created_at: s.created_at,
      updated_at: s.updated_at,
      ip_address: s.ip_address,
      opted_in_at: s.opted_in_at,
      optin_ip: s.optin_ip,
      sent: s.sent,
      opens_count: s.opens_count,
      clicks_count: s.clicks_count,
      open_rate: s.open_rate,
      click_rate: s.click_rate,
    })),
    next_ids: {
      subscriber: account.ids.pending('subscriber'),
      group: account.ids.pending('group'),
      field: account.ids.pending('field'),
      subscriber_by_email: account.ids.reservations(),
    },
  };
}

function exportClassic(account: Account): ClassicAccountSeed {
  return {
    fields: customFields(account).map((f) => ({ key: f.key, title: f.name, type: f.type.toUpperCase() as 'TEXT' | 'NUMBER' | 'DATE' })),
    groups: [...account.groups.values()].map((g) => ({ id: Number(g.id), name: g.name, date_created: g.created_at })),
    subscribers: oldestFirst(account).map((s) => ({
      id: Number(s.id),
      email: s.email,
      type: s.status,
      fields: fieldValues(s),
      groups: [...s.groups].map(Number),
      date_created: s.created_at,
      date_unsubscribe: s.unsubscribed_at,
      signup_ip: s.ip_address,
    })),
    next_ids: {
      subscriber: account.ids.pending('subscriber').map(Number),
      group: account.ids.pending('group').map(Number),
      subscriber_by_email: Object.fromEntries(Object.entries(account.ids.reservations()).map(([email, id]) => [email, Number(id)])),
    },
  };
}

function customFields(account: Account) {
  return [...account.fields.values()].filter((f) => !f.is_default);
}

function oldestFirst(account: Account): SubscriberRecord[] {
  return [...subscribersNewestFirst(account)].reverse();
}

function fieldValues(sub: SubscriberRecord): Record<string, SeedFieldValue> {
  return Object.fromEntries(sub.fields);
}
