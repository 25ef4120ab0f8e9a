import type { NewAccountSeed, NewSubscriberSeed, Seed } from '../../plugin/simulator/index.js';

/**
 * Seeds that recreate, in the simulator, the account state each recording assumes
 * (which custom fields existed, which group or subscriber the request refers to).
 */

/** `count` active subscribers resembling the recorded lists (some fields set, some not). */
export function activeSubscribers(count: number, prefix: string): NewSubscriberSeed[] {
  return Array.from({ length: count }, (_, i) => ({
    email: `${prefix}${i}@example.com`,
    ...(i % 2 === 0 ? { fields: { name: `Name ${i}` } } : {}),
  }));
}

/** The Node SDK's account on 2024-08-13: five custom fields, seven groups. */
function nodejsAccount(extra: Partial<NewAccountSeed> = {}, withFieldNodejs = false): NewAccountSeed {
  const fields = ['test batch field 1', 'test batch field 2', 'test batch field 3', 'test batch field 4', 'test field name'].map((name) => ({ name }));
  if (withFieldNodejs) fields.push({ id: '545001', name: 'Test field nodejs 348710' } as { name: string });
  const groups = ['A test Group', '[Do not delete] nodejs test group', 'My Group', 'SMmwGofyQP', 'test_group', 'Zeta', 'Omega'].map((name, i) => ({
    id: String(75138557045376452n + BigInt(i)),
    name,
  }));
  return { fields, groups, ...extra, ...(extra.groups ? { groups: [...groups, ...extra.groups] } : {}) };
}

const NODE_SUBSCRIBER: NewSubscriberSeed = {
  id: '129543796651197476',
  email: 'test223741@nodejs.com',
  fields: { name: 'Test name 223741', last_name: 'Test lastname 223741', company: 'c', country: 'c', city: 'c' },
  subscribed_at: '2022-11-23 09:59:56',
};
const NODE_GROUP = { id: '129543796681606183', name: 'Test group nodejs 961579' };

/** Seeds for the Node SDK tapes, by file. */
export const TAPE_SEEDS: Record<string, Seed> = {
  'batch/test-POST-28.json5': { new: nodejsAccount() },
  'fields/test-DELETE-19.json5': { new: nodejsAccount({}, true) },
  'fields/test-GET-3.json5': { new: nodejsAccount() },
  'fields/test-POST-7.json5': { new: nodejsAccount() },
  'fields/test-PUT-12.json5': { new: nodejsAccount({}, true) },
  'groups/test-DELETE-23.json5': { new: nodejsAccount({ groups: [NODE_GROUP] }) },
  'groups/test-GET-21.json5': { new: nodejsAccount({ groups: [NODE_GROUP] }) },
  'groups/test-GET-4.json5': { new: nodejsAccount() },
  'groups/test-POST-10.json5': { new: nodejsAccount() },
  'groups/test-PUT-15.json5': { new: nodejsAccount({ groups: [NODE_GROUP] }) },
  'subscribers/test-DELETE-37.json5': { new: nodejsAccount({ subscribers: [NODE_SUBSCRIBER] }) },
  'subscribers/test-GET-2.json5': { new: nodejsAccount({ subscribers: activeSubscribers(6, 'node') }) },
  'subscribers/test-GET-29.json5': { new: nodejsAccount({ subscribers: [NODE_SUBSCRIBER] }) },
  'subscribers/test-GET-33.json5': { new: nodejsAccount({ subscribers: activeSubscribers(3, 'node') }) },
  'subscribers/test-POST-16.json5': { new: nodejsAccount({}, true) },
  'subscribers/test-PUT-24.json5': { new: nodejsAccount({ subscribers: [NODE_SUBSCRIBER] }) },
};

const TEST5: NewSubscriberSeed = {
  id: '165968862226941797',
  email: 'test5@email.com',
  fields: { name: 'Someone', last_name: 'Doe' },
  ip_address: '1.1.1.1',
};
const PY_GROUP = { id: '165971156405323676', name: 'Test group' };
const MY_FIELD = { id: '947147', name: 'My Field' };

/** Seeds for the Python SDK cassettes (default fields only, as that account had), by file. */
export const CASSETTE_SEEDS: Record<string, Seed> = {
  'batches-request.yml': {},
  'fields-create.yml': {},
  'fields-delete.yml': { new: { fields: [MY_FIELD] } },
  'fields-list.yml': { new: { fields: [MY_FIELD] } },
  'fields-update.yml': { new: { fields: [MY_FIELD] } },
  'groups-create.yml': {},
  'groups-delete.yml': { new: { groups: [PY_GROUP] } },
  'groups-get-subscribers-in-group.yml': { new: { groups: [PY_GROUP] } },
  'groups-import-subscribers.yml': { new: { groups: [PY_GROUP] } },
  'groups-list.yml': { new: { groups: [{ id: '100093655191127682', name: 'Grupa 1' }, { id: '107641605251400900', name: 'Grupa2' }, PY_GROUP] } },
  'groups-update.yml': { new: { groups: [PY_GROUP] } },
  'subscribers-assign-subscriber-to-group.yml': {
    new: {
      subscribers: [{ id: '139790465506477360', email: 'grouptest@email.com', ip_address: '1.1.1.1' }],
      next_ids: { group: ['165968863812388812'] },
    },
  },
  'subscribers-count.yml': { new: { subscribers: activeSubscribers(4, 'py') } },
  'subscribers-create.yml': {},
  'subscribers-delete.yml': { new: { subscribers: [TEST5] } },
  'subscribers-forget.yml': { new: { subscribers: [TEST5] } },
  'subscribers-get-email.yml': { new: { subscribers: [TEST5] } },
  'subscribers-get-id.yml': { new: { subscribers: [TEST5] } },
  'subscribers-list.yml': { new: { subscribers: activeSubscribers(11, 'py') } },
  'subscribers-unassign-subscriber-from-group.yml': {
    new: { next_ids: { subscriber: ['165968864817972707'], group: ['165968865095845582'] } },
  },
  'subscribers-update.yml': { new: { subscribers: [TEST5] } },
};
