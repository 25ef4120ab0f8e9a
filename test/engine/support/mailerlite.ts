import type { JsonValue } from '../../../plugin/json.js';

/**
 * Response bodies shaped like real MailerLite answers (see the recorded production
 * traffic in shared/reference/recorded and reference/mailerlite-api.md): full subscriber
 * and group objects with string ids, Laravel 404 messages, the 401/429/422 bodies.
 */
export type Shape =
  | 'subscriber'
  | 'group'
  | 'groups'
  | 'subscriber_not_found'
  | 'group_not_found'
  | 'unauthenticated'
  | 'too_many_attempts'
  | 'cannot_import'
  | 'invalid_group'
  | 'classic_subscriber'
  | 'classic_groups'
  | 'classic_not_found'
  | 'classic_unauthorized';

/** Overrides for a shape: subscriber fields, group ids by name, a name list for `groups`. */
export interface ShapeOptions {
  email?: string;
  id?: string;
  status?: string;
  name?: string;
  phone?: string;
  /** Ids of the groups a subscriber is in, or the names of the groups a list holds. */
  groups?: string[];
}

const STAMP = '2025-09-19 11:10:41';

/** A new-API GroupObject (§3.1). */
export function groupObject(id: string, name: string): JsonValue {
  return {
    id,
    name,
    active_count: 1,
    sent_count: 4,
    opens_count: 4,
    open_rate: { float: 1, string: '100%' },
    clicks_count: 2,
    click_rate: { float: 0.5, string: '50%' },
    unsubscribed_count: 0,
    unconfirmed_count: 0,
    bounced_count: 0,
    junk_count: 0,
    created_at: '2023-09-23 08:12:28',
  };
}

/** Group names for the ids used in the tables (the simulator's default seed uses these too). */
const GROUP_NAMES: Record<string, string> = { '123456789': 'WhatsApp Opt-Ins', '100093655191127682': 'Grupa 1' };

/** A new-API subscriber object (§2.1), every default field listed, unset ones null. */
export function subscriberObject(options: ShapeOptions = {}): JsonValue {
  const status = options.status ?? 'active';
  return {
    id: options.id ?? '165968862226941797',
    email: options.email ?? 'priya@example.com',
    status,
    source: 'api',
    sent: 0,
    opens_count: 0,
    clicks_count: 0,
    open_rate: 0,
    click_rate: 0,
    ip_address: null,
    subscribed_at: STAMP,
    unsubscribed_at: status === 'unsubscribed' ? STAMP : null,
    created_at: STAMP,
    updated_at: STAMP,
    fields: { name: options.name ?? null, last_name: null, company: null, country: null, city: null, phone: options.phone ?? null, state: null, z_i_p: null },
    groups: (options.groups ?? []).map((id) => groupObject(id, GROUP_NAMES[id] ?? `Group ${id}`)),
    opted_in_at: null,
    optin_ip: null,
  };
}

/** The body of a shape. */
export function shapeBody(shape: Shape, options: ShapeOptions = {}): JsonValue {
  switch (shape) {
    case 'subscriber':
      return { data: subscriberObject(options) };
    case 'group':
      return { data: groupObject(options.id ?? '123456789', options.name ?? 'WhatsApp Opt-Ins') };
    case 'groups': {
      const names = options.groups ?? ['WhatsApp Opt-Ins'];
      const data = names.map((name, i) => groupObject(name === 'WhatsApp Opt-Ins' ? '123456789' : `10009365519112768${i}`, name));
      const page = 'https://connect.mailerlite.com/api/groups?page=1';
      return {
        data,
        links: { first: page, last: page, prev: null, next: null },
        meta: {
          current_page: 1,
          from: data.length > 0 ? 1 : null,
          last_page: 1,
          links: [
            { url: null, label: '&laquo; Previous', active: false },
            { url: page, label: '1', active: true },
            { url: null, label: 'Next &raquo;', active: false },
          ],
          path: 'https://connect.mailerlite.com/api/groups',
          per_page: 100,
          to: data.length > 0 ? data.length : null,
          total: data.length,
        },
      };
    }
    case 'subscriber_not_found':
      return { message: 'No query results for model [App\\Models\\Subscriber\\Subscriber].' };
    case 'group_not_found':
      return { message: `No query results for model [App\\Models\\Group\\Group] ${options.id ?? '121212'}` };
    case 'unauthenticated':
      return { message: 'Unauthenticated.' };
    case 'too_many_attempts':
      return { message: 'Too Many Attempts.' };
    case 'cannot_import':
      return {
        message: 'The given data was invalid.',
        errors: { email: ['This subscriber is unsubscribed and cannot be imported'] },
        subscriber: options.id ?? '197606381721748792',
      };
    case 'invalid_group':
      return { message: 'The selected groups.0 is invalid.', errors: { 'groups.0': ['The selected groups.0 is invalid.'] } };
    case 'classic_subscriber':
      return {
        id: 1343965485,
        email: options.email ?? 'priya@example.com',
        name: options.name ?? 'Priya',
        sent: 0,
        opened: 0,
        clicked: 0,
        type: options.status ?? 'active',
        signup_ip: null,
        signup_timestamp: '2024-08-13 09:49:51',
        confirmation_ip: null,
        confirmation_timestamp: null,
        fields: [
          { key: 'email', value: options.email ?? 'priya@example.com', type: 'TEXT' },
          { key: 'name', value: options.name ?? 'Priya', type: 'TEXT' },
          { key: 'phone', value: options.phone ?? '', type: 'TEXT' },
        ],
        date_subscribe: null,
        date_unsubscribe: null,
        date_created: '2024-08-13 09:49:51',
        date_updated: '2024-08-13 09:49:51',
      };
    case 'classic_groups':
      return (options.groups ?? ['WhatsApp Opt-Ins']).map((name, i) => ({
        id: 3640549 + i, name, total: 1, active: 1, unsubscribed: 0, bounced: 0, unconfirmed: 0, junk: 0, sent: 0, opened: 0, clicked: 0,
        date_created: '2024-08-13 09:49:51', date_updated: '2024-08-13 09:49:51',
      }));
    case 'classic_not_found':
      return { error: { code: 123, message: 'Subscriber not found' } };
    case 'classic_unauthorized':
      return { error: { code: 302, message: 'API-Key Unauthorized' } };
  }
}

/** Headers MailerLite answers with (§1.3, §6; classic §8); none on a 401 but content-type. */
export function mailerliteHeaders(url: string, status: number, hasBody: boolean): Record<string, string> {
  const headers: Record<string, string> = { 'cache-control': 'no-cache, private' };
  if (hasBody) headers['content-type'] = 'application/json';
  if (status === 401) return headers;
  const classic = new URL(url).pathname.includes('/api/v2/');
  headers['x-ratelimit-limit'] = classic ? '60' : '120';
  headers['x-ratelimit-remaining'] = status === 429 ? '0' : '89';
  if (!classic) headers['x-locale'] = 'en';
  return headers;
}
