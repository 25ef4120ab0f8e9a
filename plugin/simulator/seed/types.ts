import type { SubscriberStatus } from '../types.js';

/**
 * Initial state of the simulator, as JSON (see docs/simulator.md). Both accounts are
 * optional; an account left out starts empty apart from the default fields.
 *
 * @example
 * const seed: Seed = {
 *   new: {
 *     groups: [{ id: '123456789', name: 'WhatsApp Opt-Ins' }],
 *     next_ids: { subscriber: ['987654321'] },
 *   },
 * };
 */
export interface Seed {
  /** Optional pointer to a JSON Schema, ignored by the simulator. */
  $schema?: string;
  /** Free text for humans. */
  description?: string;
  /** The new-API account (`/api/...`, Bearer key). */
  new?: NewAccountSeed;
  /** The classic account (`/api/v2/...`, X-MailerLite-ApiKey). */
  classic?: ClassicAccountSeed;
}

/** Value of a subscriber field in a seed. */
export type SeedFieldValue = string | number | null;

/** The new-API account of a seed. Ids are digit strings (they exceed 2^53). */
export interface NewAccountSeed {
  /** Custom fields; the 8 default fields (name … z_i_p, ids "1"-"8") always exist. */
  fields?: NewFieldSeed[];
  groups?: NewGroupSeed[];
  subscribers?: NewSubscriberSeed[];
  /**
   * Ids that the next created records receive, in order; `subscriber_by_email` reserves
   * the id a given email gets when it is created (ahead of the queue).
   */
  next_ids?: { subscriber?: string[]; group?: string[]; field?: string[]; subscriber_by_email?: Record<string, string> };
}

/** A custom field of the new-API account. */
export interface NewFieldSeed {
  id?: string;
  name: string;
  /** Derived from the name when left out ("WhatsApp number" → `whatsapp_number`). */
  key?: string;
  type?: 'text' | 'number' | 'date';
  used_in_automations?: boolean;
}

/** A group of the new-API account; counters and rates are shown as given, member counts are computed. */
export interface NewGroupSeed {
  id: string;
  name: string;
  created_at?: string;
  sent_count?: number;
  opens_count?: number;
  clicks_count?: number;
  /** 0-1 fraction. */
  open_rate?: number;
  /** 0-1 fraction. */
  click_rate?: number;
}

/** A subscriber of the new-API account; any status, any seeded groups and fields. Unset dates default to the seeding time. */
export interface NewSubscriberSeed {
  id?: string;
  email: string;
  status?: SubscriberStatus;
  source?: string;
  /** Values by field key; keys must be default or seeded fields. */
  fields?: Record<string, SeedFieldValue>;
  /** Ids of seeded groups. */
  groups?: string[];
  subscribed_at?: string;
  unsubscribed_at?: string | null;
  created_at?: string;
  updated_at?: string;
  ip_address?: string | null;
  opted_in_at?: string | null;
  optin_ip?: string | null;
  sent?: number;
  opens_count?: number;
  clicks_count?: number;
  open_rate?: number;
  click_rate?: number;
}

/** The classic account of a seed. Ids are JSON integers. */
export interface ClassicAccountSeed {
  /** Custom fields; the defaults (name, last_name, company, country, city, phone, state, zip) always exist. */
  fields?: ClassicFieldSeed[];
  groups?: ClassicGroupSeed[];
  subscribers?: ClassicSubscriberSeed[];
  /** Ids for the next created records, in order; `subscriber_by_email` reserves the id of a given email. */
  next_ids?: { subscriber?: number[]; group?: number[]; subscriber_by_email?: Record<string, number> };
}

/** A custom field of the classic account. */
export interface ClassicFieldSeed {
  key: string;
  title?: string;
  type?: 'TEXT' | 'NUMBER' | 'DATE';
}

/** A group of the classic account. */
export interface ClassicGroupSeed {
  id: number;
  name: string;
  date_created?: string;
}

/** A subscriber of the classic account. */
export interface ClassicSubscriberSeed {
  id?: number;
  email: string;
  name?: string | null;
  /** Classic calls the status `type`. */
  type?: SubscriberStatus;
  fields?: Record<string, SeedFieldValue>;
  groups?: number[];
  date_created?: string;
  date_unsubscribe?: string | null;
  signup_ip?: string | null;
}

/** One problem in a seed: where (JSON Pointer) and what was expected. */
export interface SeedProblem {
  pointer: string;
  message: string;
}
