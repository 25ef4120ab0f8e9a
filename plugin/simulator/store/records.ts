import type { ApiFlavor, Clock, SubscriberStatus } from '../types.js';
import type { IdAllocator } from '../ids.js';

/** A value held in a subscriber field. */
export type FieldValue = string | number | null;

/** The field types of the new API (classic shows them upper-cased). */
export type FieldType = 'text' | 'number' | 'date';

/** One subscriber, with everything both APIs need to render it. */
export interface SubscriberRecord {
  id: string;
  email: string;
  status: SubscriberStatus;
  source: string;
  sent: number;
  opens_count: number;
  clicks_count: number;
  open_rate: number;
  click_rate: number;
  ip_address: string | null;
  subscribed_at: string;
  unsubscribed_at: string | null;
  created_at: string;
  updated_at: string;
  opted_in_at: string | null;
  optin_ip: string | null;
  /** Values by field key; unset keys are absent (rendered as null). */
  fields: Map<string, FieldValue>;
  /** Group ids in the order joined. */
  groups: Set<string>;
}

/** One group, with member counts per status kept up to date on every change. */
export interface GroupRecord {
  id: string;
  name: string;
  created_at: string;
  updated_at: string;
  sent_count: number;
  opens_count: number;
  clicks_count: number;
  /** 0-1 fraction. */
  open_rate: number;
  /** 0-1 fraction. */
  click_rate: number;
  members: Set<string>;
  counts: Record<SubscriberStatus, number>;
}

/** One subscriber field (default or custom). */
export interface FieldRecord {
  id: string;
  name: string;
  key: string;
  type: FieldType;
  is_default: boolean;
  used_in_automations: boolean;
}

/**
 * One MailerLite account's data, indexed for O(1) look-ups by id and by email.
 * The new-API and the classic account each have one; they never share records.
 */
export interface Account {
  readonly flavor: ApiFlavor;
  readonly subscribers: Map<string, SubscriberRecord>;
  /** Normalised email → subscriber id. */
  readonly emails: Map<string, string>;
  /**
   * Deleted subscribers by normalised email: gone from every read, kept so that posting
   * the email again brings the same record back (same id, same `created_at`), as
   * production did. Forgetting one removes it for good.
   */
  readonly deleted: Map<string, SubscriberRecord>;
  readonly groups: Map<string, GroupRecord>;
  /** Fields by id, in display order (defaults first). */
  readonly fields: Map<string, FieldRecord>;
  readonly ids: IdAllocator;
  readonly clock: Clock;
  /** Newest-first subscriber list, rebuilt lazily after inserts and deletes. */
  sorted: SubscriberRecord[] | null;
}

/** Zero counts for every status. */
export function emptyCounts(): Record<SubscriberStatus, number> {
  return { active: 0, unsubscribed: 0, unconfirmed: 0, bounced: 0, junk: 0 };
}
