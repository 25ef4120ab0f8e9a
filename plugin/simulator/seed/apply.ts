import { createAccount, normalizeEmail } from '../store/account.js';
import { insertField } from '../store/fields.js';
import { insertGroup } from '../store/groups.js';
import type { Account, FieldType } from '../store/records.js';
import { insertSubscriber, joinGroup, mergeFields } from '../store/subscribers.js';
import type { Clock } from '../types.js';
import type { ClassicAccountSeed, NewAccountSeed, NewSubscriberSeed, Seed } from './types.js';

/** The two accounts a simulator serves. */
export interface Accounts {
  new: Account;
  classic: Account;
}

/** Build fresh accounts from a (checked) seed. */
export function buildAccounts(seed: Seed, clock: Clock): Accounts {
  return { new: buildNewAccount(seed.new ?? {}, clock), classic: buildClassicAccount(seed.classic ?? {}, clock) };
}

function buildNewAccount(seed: NewAccountSeed, clock: Clock): Account {
  const account = createAccount('new', clock);
  for (const field of seed.fields ?? []) insertField(account, { ...field, type: field.type ?? 'text' });
  for (const group of seed.groups ?? []) insertGroup(account, group);
  for (const sub of seed.subscribers ?? []) addSubscriber(account, sub);
  account.ids.preset('subscriber', seed.next_ids?.subscriber ?? []);
  account.ids.preset('group', seed.next_ids?.group ?? []);
  account.ids.preset('field', seed.next_ids?.field ?? []);
  reserveIds(account, seed.next_ids?.subscriber_by_email ?? {});
  return account;
}

function buildClassicAccount(seed: ClassicAccountSeed, clock: Clock): Account {
  const account = createAccount('classic', clock);
  for (const field of seed.fields ?? []) {
    insertField(account, { name: field.title ?? field.key, key: field.key, type: (field.type ?? 'TEXT').toLowerCase() as FieldType });
  }
  for (const group of seed.groups ?? []) {
    insertGroup(account, { id: String(group.id), name: group.name, created_at: group.date_created, updated_at: group.date_created });
  }
  for (const sub of seed.subscribers ?? []) {
    addSubscriber(account, {
      id: sub.id === undefined ? undefined : String(sub.id),
      email: sub.email,
      status: sub.type,
      fields: sub.name === undefined ? sub.fields : { ...sub.fields, name: sub.name },
      groups: sub.groups?.map(String),
      created_at: sub.date_created,
      subscribed_at: sub.date_created,
      updated_at: sub.date_created,
      unsubscribed_at: sub.date_unsubscribe,
      ip_address: sub.signup_ip,
    });
  }
  account.ids.preset('subscriber', (seed.next_ids?.subscriber ?? []).map(String));
  account.ids.preset('group', (seed.next_ids?.group ?? []).map(String));
  reserveIds(account, seed.next_ids?.subscriber_by_email ?? {});
  return account;
}

function reserveIds(account: Account, byEmail: Record<string, string | number>): void {
  for (const [email, id] of Object.entries(byEmail)) account.ids.reserve(normalizeEmail(email), String(id));
}

function addSubscriber(account: Account, seed: NewSubscriberSeed): void {
  const { fields, groups, ...rest } = seed;
  const sub = insertSubscriber(account, rest);
  mergeFields(account, sub, fields ?? {});
  for (const groupId of groups ?? []) {
    const group = account.groups.get(groupId);
    if (group) joinGroup(sub, group);
  }
}
