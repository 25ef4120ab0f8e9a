import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, runTag, type ApiClient, type ContractTarget, type FetchLike } from './helpers/client.js';

const DATE_TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;
const DIGITS = /^\d+$/;
const DEFAULT_FIELD_KEYS = ['name', 'last_name', 'company', 'country', 'city', 'phone', 'state', 'z_i_p'];

/**
 * The MailerLite behaviour our templates rely on, written once and run against the
 * simulator always and against live MailerLite when a key is given. Every test creates
 * its own uniquely named records and removes them afterwards, so it is safe on a real
 * account.
 */
export function contractSuite(target: ContractTarget, fetchImpl: FetchLike): void {
  const client: ApiClient = apiClient(target, fetchImpl);
  const { api } = client;
  const tag = runTag();
  const email = (name: string) => `contract-${tag}-${name}@example.com`;
  const cleanup: Array<() => Promise<unknown>> = [];
  let groupA = '';
  let groupB = '';

  beforeAll(async () => {
    await target.reset?.();
    for (const name of ['A', 'B']) {
      const created = await api('POST', '/groups', { name: `contract ${tag} ${name}` });
      expect(created.status).toBe(201);
      cleanup.push(() => api('DELETE', `/groups/${created.body.data.id}`));
      if (name === 'A') groupA = created.body.data.id;
      else groupB = created.body.data.id;
    }
  });

  afterAll(async () => {
    for (const undo of cleanup.reverse()) await undo();
  });

  async function createSubscriber(name: string, body: Record<string, unknown> = {}) {
    const res = await api('POST', '/subscribers', { email: email(name), ...body });
    if (res.status === 201) cleanup.push(() => api('DELETE', `/subscribers/${res.body.data.id}`));
    return res;
  }

  describe('subscribers', () => {
    it('POST creates (201) with the full subscriber shape, email trimmed and lower-cased', async () => {
      const res = await api('POST', '/subscribers', { email: `  ${email('Create').toUpperCase()} `, fields: { name: 'Priya Sharma' } });
      expect(res.status).toBe(201);
      cleanup.push(() => api('DELETE', `/subscribers/${res.body.data.id}`));
      const sub = res.body.data;
      expect(sub.email).toBe(email('create'));
      expect(sub.id).toMatch(DIGITS);
      expect(typeof sub.id).toBe('string');
      expect(sub).toMatchObject({ status: 'active', source: 'api', sent: 0, opens_count: 0, clicks_count: 0, groups: [], opted_in_at: null });
      expect(sub.created_at).toMatch(DATE_TIME);
      expect(sub.subscribed_at).toMatch(DATE_TIME);
      expect(sub.unsubscribed_at).toBeNull();
      for (const key of DEFAULT_FIELD_KEYS) expect(sub.fields).toHaveProperty(key);
      expect(sub.fields.name).toBe('Priya Sharma');
      expect(sub.fields.city).toBeNull();
    });

    it('POST on an existing email updates (200), merges fields and only adds groups', async () => {
      const first = await createSubscriber('merge', { fields: { name: 'Priya', city: 'Pune' }, groups: [groupA] });
      expect(first.status).toBe(201);
      const second = await api('POST', '/subscribers', { email: email('merge'), fields: { city: 'Mumbai' }, groups: [groupB] });
      expect(second.status).toBe(200);
      expect(second.body.data.id).toBe(first.body.data.id);
      expect(second.body.data.fields).toMatchObject({ name: 'Priya', city: 'Mumbai' });
      expect(second.body.data.groups.map((g: { id: string }) => g.id).sort()).toEqual([groupA, groupB].sort());
    });

    it('POST ignores unknown field keys', async () => {
      const res = await createSubscriber('unknown-field', { fields: { name: 'X', no_such_field_key: 'y' } });
      expect(res.status).toBe(201);
      expect(res.body.data.fields).not.toHaveProperty('no_such_field_key');
    });

    it('GET finds by id and by email; a missing one is 404 with the model message', async () => {
      const created = await createSubscriber('find');
      const byId = await api('GET', `/subscribers/${created.body.data.id}`);
      const byEmail = await api('GET', `/subscribers/${encodeURIComponent(email('find'))}`);
      expect(byId.status).toBe(200);
      expect(byEmail.body.data.id).toBe(created.body.data.id);
      expect(byEmail.body.data.groups).toEqual([]);
      const missing = await api('GET', `/subscribers/${encodeURIComponent(email('nobody'))}`);
      expect(missing.status).toBe(404);
      expect(missing.body).toEqual({ message: 'No query results for model [App\\Models\\Subscriber\\Subscriber].' });
    });

    it('PUT replaces groups and can unsubscribe (sets unsubscribed_at)', async () => {
      const created = await createSubscriber('put', { groups: [groupA] });
      const id = created.body.data.id;
      const moved = await api('PUT', `/subscribers/${id}`, { groups: [groupB] });
      expect(moved.status).toBe(200);
      expect(moved.body.data.groups.map((g: { id: string }) => g.id)).toEqual([groupB]);
      const unsubscribed = await api('PUT', `/subscribers/${id}`, { status: 'unsubscribed' });
      expect(unsubscribed.body.data.status).toBe('unsubscribed');
      expect(unsubscribed.body.data.unsubscribed_at).toMatch(DATE_TIME);
    });

    it('an unsubscribed subscriber cannot be reactivated by POST (422 with the subscriber id)', async () => {
      const created = await createSubscriber('locked', { status: 'unsubscribed' });
      expect(created.body.data.status).toBe('unsubscribed');
      const again = await api('POST', '/subscribers', { email: email('locked'), status: 'active', groups: [groupA] });
      expect(again.status).toBe(422);
      expect(again.body).toEqual({
        message: 'The given data was invalid.',
        errors: { email: ['This subscriber is unsubscribed and cannot be imported'] },
        subscriber: created.body.data.id,
      });
    });

    it('422s: invalid email, unknown group id', async () => {
      const bad = await api('POST', '/subscribers', { email: 'not-an-email' });
      expect(bad.status).toBe(422);
      expect(bad.body.errors.email).toEqual(['The email must be a valid email address.']);
      const unknownGroup = await api('POST', '/subscribers', { email: email('nogroup'), groups: ['1'] });
      expect(unknownGroup.status).toBe(422);
      expect(unknownGroup.body.errors['groups.0']).toEqual(['The selected groups.0 is invalid.']);
      expect(unknownGroup.body.message).toBe('The selected groups.0 is invalid.');
    });

    it('list: cursor pagination with filter[status]; limit=0 counts', async () => {
      await createSubscriber('list-1');
      await createSubscriber('list-2');
      const page = await api('GET', '/subscribers?filter[status]=active&limit=1');
      expect(page.status).toBe(200);
      expect(page.body.data).toHaveLength(1);
      expect(page.body.data[0]).not.toHaveProperty('groups');
      expect(page.body.links).toMatchObject({ first: null, last: null, prev: null });
      expect(page.body.meta).toMatchObject({ per_page: 1, prev_cursor: null });
      expect(typeof page.body.meta.next_cursor).toBe('string');
      const next = await api('GET', `/subscribers?filter[status]=active&limit=1&cursor=${page.body.meta.next_cursor}`);
      expect(next.body.data[0].id).not.toBe(page.body.data[0].id);
      expect(typeof next.body.meta.prev_cursor).toBe('string');
      const count = await api('GET', '/subscribers?limit=0');
      expect(Object.keys(count.body)).toEqual(['total']);
      expect(count.body.total).toBeGreaterThanOrEqual(2);
    });

    it('DELETE answers 204 without a body; the subscriber is gone', async () => {
      const created = await api('POST', '/subscribers', { email: email('delete') });
      const deleted = await api('DELETE', `/subscribers/${created.body.data.id}`);
      expect(deleted.status).toBe(204);
      expect(deleted.body).toBeNull();
      expect(deleted.headers['content-type']).toBeUndefined();
      expect((await api('GET', `/subscribers/${created.body.data.id}`)).status).toBe(404);
    });
  });

  describe('groups', () => {
    it('list: page pagination, filter[name] partial, sort', async () => {
      const res = await api('GET', `/groups?filter[name]=${encodeURIComponent(`contract ${tag}`)}&sort=-name&limit=1&page=1`);
      expect(res.status).toBe(200);
      expect(res.body.data.map((g: { name: string }) => g.name)).toEqual([`contract ${tag} B`]);
      expect(res.body.meta).toMatchObject({ current_page: 1, from: 1, to: 1, last_page: 2, per_page: 1, total: 2 });
      expect(res.body.meta.links[0]).toEqual({ url: null, label: '&laquo; Previous', active: false });
      expect(res.body.links.next).toMatch(/\/api\/groups\?page=2$/);
      const group = res.body.data[0];
      expect(group.open_rate).toEqual({ float: 0, string: '0%' });
      expect(group.created_at).toMatch(DATE_TIME);
    });

    it('create 201, update 200, delete 204, delete again 404', async () => {
      const created = await api('POST', '/groups', { name: `contract ${tag} temp` });
      expect(created.status).toBe(201);
      expect(created.body.data).toMatchObject({ name: `contract ${tag} temp`, active_count: 0 });
      const id = created.body.data.id;
      const renamed = await api('PUT', `/groups/${id}`, { name: `contract ${tag} renamed` });
      expect(renamed.body.data.name).toBe(`contract ${tag} renamed`);
      expect((await api('DELETE', `/groups/${id}`)).status).toBe(204);
      const again = await api('DELETE', `/groups/${id}`);
      expect(again.status).toBe(404);
      expect(again.body).toEqual({ message: `No query results for model [App\\Models\\Group\\Group] ${id}` });
    });

    it('assign (200 with the group), group subscribers (cursor), unassign (204)', async () => {
      const sub = await createSubscriber('member');
      const id = sub.body.data.id;
      const assigned = await api('POST', `/subscribers/${id}/groups/${groupA}`);
      expect(assigned.status).toBe(200);
      expect(assigned.body.data.id).toBe(groupA);
      const members = await api('GET', `/groups/${groupA}/subscribers?limit=5`);
      expect(members.body.data.map((s: { id: string }) => s.id)).toContain(id);
      expect(members.body.meta).toMatchObject({ per_page: 5 });
      expect((await api('DELETE', `/subscribers/${id}/groups/${groupA}`)).status).toBe(204);
      const after = await api('GET', `/subscribers/${id}`);
      expect(after.body.data.groups).toEqual([]);
    });
  });

  describe('fields', () => {
    it('list is page-paginated; create derives the key; a duplicate name is 422; delete 204', async () => {
      const list = await api('GET', '/fields?limit=100&sort=name');
      expect(list.status).toBe(200);
      expect(list.body.data.map((f: { key: string }) => f.key)).toEqual(expect.arrayContaining(DEFAULT_FIELD_KEYS));
      expect(list.body.meta.current_page).toBe(1);
      const created = await api('POST', '/fields', { name: `Contract ${tag} Field`, type: 'text' });
      expect(created.status).toBe(201);
      expect(created.body.data).toMatchObject({ key: `contract_${tag}_field`, type: 'text', is_default: false });
      const duplicate = await api('POST', '/fields', { name: `Contract ${tag} Field`, type: 'text' });
      expect(duplicate.status).toBe(422);
      expect(duplicate.body).toEqual({ message: 'Field name must be unique', errors: { name: ['Field name must be unique'] } });
      expect((await api('DELETE', `/fields/${created.body.data.id}`)).status).toBe(204);
    });
  });

  describe('batch', () => {
    it('answers 200 with per-item code and body, even when items fail', async () => {
      const res = await api('POST', '/batch', {
        requests: [
          { method: 'POST', path: 'api/subscribers', body: { email: email('batch') } },
          { method: 'GET', path: `api/subscribers/${email('batch')}` },
          { method: 'GET', path: 'api/subscribers/nobody-here' },
          { method: 'GET', path: 'api/no-such-route' },
        ],
      });
      expect(res.status).toBe(200);
      if (res.body.responses[0].code === 201) cleanup.push(() => api('DELETE', `/subscribers/${res.body.responses[0].body.data.id}`));
      expect(res.body).toMatchObject({ total: 4, successful: 2, failed: 2 });
      expect(res.body.responses.map((r: { code: number }) => r.code)).toEqual([201, 200, 404, 404]);
      expect(res.body.responses[3].body).toEqual({ message: 'The route api/no-such-route could not be found.' });
    });

    it('a malformed envelope is 422; more than 50 requests is 422', async () => {
      const missing = await api('POST', '/batch', { requests: [{ path: 'api/groups' }] });
      expect(missing.status).toBe(422);
      expect(missing.body.errors).toHaveProperty(['requests.0.method']);
      const tooMany = await api('POST', '/batch', { requests: Array.from({ length: 51 }, () => ({ method: 'GET', path: 'api/groups' })) });
      expect(tooMany.status).toBe(422);
      expect(tooMany.body.errors).toHaveProperty('requests');
    });
  });

  describe('errors and limits', () => {
    it('401 with a wrong or missing key: exact body, no rate-limit headers', async () => {
      for (const key of ['wrong-key', null]) {
        const res = await api('GET', '/groups', undefined, key);
        expect(res.status).toBe(401);
        expect(res.body).toEqual({ message: 'Unauthenticated.' });
        expect(res.headers['x-ratelimit-limit']).toBeUndefined();
      }
      if (target.classicKey) expect((await api('GET', '/groups', undefined, target.classicKey)).status).toBe(401);
    });

    it('unknown route: 404 naming the route', async () => {
      const res = await api('GET', '/campaigns-that-do-not-exist');
      expect(res.status).toBe(404);
      expect(res.body).toEqual({ message: 'The route api/campaigns-that-do-not-exist could not be found.' });
    });

    it('every authenticated answer carries X-RateLimit-*; a batch counts once', async () => {
      const first = await api('GET', '/groups?limit=1');
      expect(first.headers['x-ratelimit-limit']).toBe('120');
      expect(first.headers['content-type']).toContain('application/json');
      const second = await api('POST', '/batch', { requests: [{ method: 'GET', path: 'api/groups' }, { method: 'GET', path: 'api/fields' }] });
      const third = await api('GET', '/groups?limit=1');
      const remaining = [first, second, third].map((r) => Number(r.headers['x-ratelimit-remaining']));
      expect(remaining[1]).toBe(remaining[0]! - 1);
      expect(remaining[2]).toBe(remaining[1]! - 1);
    });
  });

  describe.skipIf(!target.classicKey)(target.classicKey ? 'classic API' : 'classic API (skipped: no classic key given)', () => {
    const { classic } = client;

    it('401: code 1 without a key, code 302 with a wrong one; a new-API key is wrong here', async () => {
      expect((await classic('GET', '/groups', undefined, null)).body).toEqual({ error: { code: 1, message: 'Unauthorized' } });
      const wrong = await classic('GET', '/groups', undefined, target.key);
      expect(wrong.status).toBe(401);
      expect(wrong.body).toEqual({ error: { code: 302, message: 'API-Key Unauthorized' } });
    });

    it('groups are a bare array with integer ids; rate-limit headers on each answer', async () => {
      const res = await classic('GET', '/groups');
      expect(res.status).toBe(200);
      expect(Array.isArray(res.body)).toBe(true);
      expect(Number.isInteger(res.body[0].id)).toBe(true);
      expect(Object.keys(res.body[0])).toEqual(['id', 'name', 'total', 'active', 'unsubscribed', 'bounced', 'unconfirmed', 'junk', 'sent', 'opened', 'clicked', 'date_created', 'date_updated']);
      for (const h of ['x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-reset', 'x-ratelimit-retry-after']) expect(res.headers).toHaveProperty(h);
    });

    it('add to group (upsert), get by email, unsubscribe with PUT, remove from group', async () => {
      const groups = await classic('GET', '/groups');
      const groupId = groups.body[0].id;
      const added = await classic('POST', `/groups/${groupId}/subscribers`, { email: email('classic'), name: 'Priya', fields: { city: 'Pune' } });
      expect(added.status).toBe(200);
      expect(added.body).toMatchObject({ email: email('classic'), name: 'Priya', type: 'active' });
      expect(added.body.fields).toEqual(expect.arrayContaining([{ key: 'email', value: email('classic'), type: 'TEXT' }, { key: 'city', value: 'Pune', type: 'TEXT' }]));
      const found = await classic('GET', `/subscribers/${email('classic')}`);
      expect(found.body.id).toBe(added.body.id);
      const memberOf = await classic('GET', `/subscribers/${email('classic')}/groups`);
      expect(memberOf.status).toBe(200);
      expect(memberOf.body.map((g: { id: number }) => g.id)).toContain(groupId);
      expect((await classic('GET', '/subscribers/nobody-here@example.com/groups')).status).toBe(404);
      const unsubscribed = await classic('PUT', `/subscribers/${email('classic')}`, { type: 'unsubscribed' });
      expect(unsubscribed.body.type).toBe('unsubscribed');
      expect((await classic('DELETE', `/groups/${groupId}/subscribers/${email('classic')}`)).status).toBe(204);
      const missingGroup = await classic('POST', '/groups/1/subscribers', { email: email('classic') });
      expect(missingGroup.status).toBe(404);
      expect(missingGroup.body.error.message).toBe('Group not found');
    });

    it('batch answers an array of {body, status}', async () => {
      const res = await classic('POST', '/batch', { requests: [{ method: 'GET', path: '/api/v2/groups' }, { method: 'GET', path: '/api/v2/nothing' }] });
      expect(res.status).toBe(200);
      expect(res.body.map((r: { status: number }) => r.status)).toEqual([200, 404]);
      expect(Array.isArray(res.body[0].body)).toBe(true);
    });
  });
}
