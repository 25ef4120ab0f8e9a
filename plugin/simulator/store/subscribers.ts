import { formatDateTime } from '../dates.js';
import type { SubscriberStatus } from '../types.js';
import { normalizeEmail } from './account.js';
import type { Account, FieldValue, GroupRecord, SubscriberRecord } from './records.js';

/** Find a subscriber by id or by (normalised) email: the two lookups MailerLite's path accepts. */
export function findSubscriber(account: Account, idOrEmail: string): SubscriberRecord | undefined {
  const byId = account.subscribers.get(idOrEmail);
  if (byId) return byId;
  const id = account.emails.get(normalizeEmail(idOrEmail));
  return id === undefined ? undefined : account.subscribers.get(id);
}

/** What a new subscriber starts with; everything but the email is optional. */
export type NewSubscriber = Partial<Omit<SubscriberRecord, 'fields' | 'groups' | 'email'>> & { email: string };

/** Create a subscriber (id from the allocator unless given) and index it. */
export function insertSubscriber(account: Account, init: NewSubscriber): SubscriberRecord {
  const now = formatDateTime(account.clock());
  const status = init.status ?? 'active';
  const email = normalizeEmail(init.email);
  const id = init.id ?? account.ids.next('subscriber', (candidate) => subscriberIdTaken(account, candidate), email);
  if (init.id !== undefined) account.ids.observe('subscriber', init.id);
  const record: SubscriberRecord = {
    source: 'api',
    sent: 0,
    opens_count: 0,
    clicks_count: 0,
    open_rate: 0,
    click_rate: 0,
    ip_address: null,
    subscribed_at: now,
    unsubscribed_at: status === 'unsubscribed' ? now : null,
    created_at: now,
    updated_at: now,
    opted_in_at: null,
    optin_ip: null,
    ...definedOnly(init),
    id,
    status,
    email,
    fields: new Map(),
    groups: new Set(),
  };
  account.subscribers.set(id, record);
  account.emails.set(record.email, id);
  account.sorted = null;
  return record;
}

/** `value` without its `undefined` entries, so spreading it never erases a default. */
export function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** Change a subscriber's status, keeping group counts and `unsubscribed_at` in step. */
export function changeStatus(account: Account, sub: SubscriberRecord, status: SubscriberStatus): void {
  if (sub.status === status) return;
  for (const groupId of sub.groups) {
    const group = account.groups.get(groupId);
    if (!group) continue;
    group.counts[sub.status] -= 1;
    group.counts[status] += 1;
  }
  sub.status = status;
  sub.unsubscribed_at = status === 'unsubscribed' ? formatDateTime(account.clock()) : null;
}

/** Add a subscriber to a group (no-op when already a member). */
export function joinGroup(sub: SubscriberRecord, group: GroupRecord): void {
  if (group.members.has(sub.id)) return;
  group.members.add(sub.id);
  group.counts[sub.status] += 1;
  sub.groups.add(group.id);
}

/** Remove a subscriber from a group (no-op when not a member). */
export function leaveGroup(sub: SubscriberRecord, group: GroupRecord): void {
  if (!group.members.delete(sub.id)) return;
  group.counts[sub.status] -= 1;
  sub.groups.delete(group.id);
}

/**
 * Merge field values by key: keys the account does not have are ignored (as MailerLite
 * does), `null` clears a value.
 */
export function mergeFields(account: Account, sub: SubscriberRecord, values: Record<string, FieldValue>): void {
  const known = fieldKeys(account);
  for (const [key, value] of Object.entries(values)) {
    if (!known.has(key)) continue;
    if (value === null || value === '') sub.fields.delete(key);
    else sub.fields.set(key, value);
  }
}

/** The set of field keys the account has. */
export function fieldKeys(account: Account): Set<string> {
  return new Set([...account.fields.values()].map((f) => f.key));
}

/**
 * Delete a subscriber (DELETE /subscribers/{id}): it leaves its groups and every read,
 * but is kept aside so that posting its email again restores it ({@link restoreSubscriber}).
 */
export function softDeleteSubscriber(account: Account, sub: SubscriberRecord): void {
  detach(account, sub);
  account.deleted.set(sub.email, sub);
}

/** Forget a subscriber (POST /subscribers/{id}/forget): gone for good, a later POST creates a new one. */
export function removeSubscriber(account: Account, sub: SubscriberRecord): void {
  detach(account, sub);
  account.deleted.delete(sub.email);
}

/** A deleted subscriber with this email, if any (normalised first). */
export function findDeleted(account: Account, email: string): SubscriberRecord | undefined {
  return account.deleted.get(normalizeEmail(email));
}

/** Bring a deleted subscriber back under its own id, without the groups it left. */
export function restoreSubscriber(account: Account, sub: SubscriberRecord): void {
  account.deleted.delete(sub.email);
  account.subscribers.set(sub.id, sub);
  account.emails.set(sub.email, sub.id);
  account.sorted = null;
}

/** True when a subscriber id is in use, by a current or a deleted subscriber. */
export function subscriberIdTaken(account: Account, id: string): boolean {
  if (account.subscribers.has(id)) return true;
  for (const sub of account.deleted.values()) if (sub.id === id) return true;
  return false;
}

function detach(account: Account, sub: SubscriberRecord): void {
  for (const groupId of [...sub.groups]) {
    const group = account.groups.get(groupId);
    if (group) leaveGroup(sub, group);
  }
  account.subscribers.delete(sub.id);
  account.emails.delete(sub.email);
  account.sorted = null;
}

/** Stamp `updated_at` with the current time. */
export function touch(account: Account, sub: SubscriberRecord): void {
  sub.updated_at = formatDateTime(account.clock());
}

/** All subscribers, newest (highest id) first, the order MailerLite lists them in. */
export function subscribersNewestFirst(account: Account): SubscriberRecord[] {
  if (!account.sorted) {
    account.sorted = [...account.subscribers.values()].sort((a, b) => compareIds(b.id, a.id));
  }
  return account.sorted;
}

/** Compare two digit-string ids numerically, without going through JS numbers. */
export function compareIds(a: string, b: string): number {
  if (a.length !== b.length) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
}
