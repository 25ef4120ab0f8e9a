import type { NewSubscriberSeed, Seed } from '../../plugin/simulator/index.js';

/**
 * The account each recording starts from, as a simulator seed: what existed before the
 * first recorded request (custom fields, groups, subscribers the requests refer to or
 * list), and the ids production handed out for the records the recording creates, in the
 * order it created them (`next_ids`), so the recorded paths (`/subscribers/{id}`) name the
 * same records here. Values the replay does not compare (names, counts) are plausible
 * stand-ins.
 */

/** `count` active subscribers resembling the recorded lists (some fields set, some not). */
export function activeSubscribers(count: number, prefix: string): NewSubscriberSeed[] {
  return Array.from({ length: count }, (_, i) => ({
    email: `${prefix}${i}@example.com`,
    ...(i % 2 === 0 ? { fields: { name: `Name ${i}` } } : {}),
  }));
}

/**
 * The Node SDK's account on 2024-08-13 before its test run: five custom fields (13 with
 * the defaults, as GET /fields counted), seven groups (two pages of five by name), twelve
 * subscribers (the count was 13 after the run created one).
 */
export const NODEJS_ACCOUNT: Seed = {
  new: {
    fields: ['test batch field 1', 'test batch field 2', 'test batch field 3', 'test batch field 4', 'test field name'].map((name) => ({ name })),
    groups: ['A test Group', '[Do not delete] nodejs test group', 'My Group', 'SMmwGofyQP', 'test_group', 'Zeta', 'Omega'].map((name, i) => ({
      id: String(75138557045376452n + BigInt(i)),
      name,
    })),
    subscribers: activeSubscribers(12, 'node'),
    next_ids: { subscriber: ['129543796651197476'], group: ['129543796681606183'], field: ['545001'] },
  },
};

/**
 * The Python SDK's account on 2025-09-19 before its test run: default fields only, the
 * subscriber `grouptest@email.com` its group tests post again (created 2024-12-04), other
 * active subscribers for the list, and the two groups GET /groups listed next to the one
 * the run created.
 */
export const PYTHON_ACCOUNT: Seed = {
  new: {
    groups: [
      { id: '100093655191127682', name: 'Grupa 1', created_at: '2023-09-23 08:12:28', sent_count: 4, opens_count: 4, clicks_count: 2, open_rate: 1, click_rate: 0.5 },
      { id: '107641605251400900', name: 'Grupa2', created_at: '2023-12-15 15:43:54', sent_count: 8, opens_count: 7, clicks_count: 2, open_rate: 0.875, click_rate: 0.25 },
    ],
    subscribers: [
      {
        id: '139790465506477360',
        email: 'grouptest@email.com',
        ip_address: '1.1.1.1',
        fields: { name: 'John', last_name: 'Doe' },
        subscribed_at: '2024-12-04 12:16:16',
        created_at: '2024-12-04 12:16:16',
        updated_at: '2024-12-04 12:16:16',
      },
      ...activeSubscribers(11, 'py'),
    ],
    next_ids: {
      subscriber: ['165968862226941797', '165968864817972707'],
      group: ['165968863812388812', '165968865095845582', '165971156405323676'],
      field: ['947147'],
    },
  },
};
