import MailerLiteModule, { type GroupObject, type SubscriberObject } from '@mailerlite/mailerlite-nodejs';
import { afterAll, beforeAll, beforeEach, describe, expect, expectTypeOf, it } from 'vitest';
import { startSimulator, type Simulator } from '../../plugin/simulator/index.js';

// The SDK ships CommonJS typings that make TypeScript (NodeNext) see the module object as
// the default import; at runtime the default import is the class itself.
const MailerLite = MailerLiteModule as unknown as typeof MailerLiteModule.default;
type MailerLite = InstanceType<typeof MailerLite>;

const DATE_TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;

/** The official Node SDK pointed at the simulator with `base_path`: everything we use must work. */
describe('official @mailerlite/mailerlite-nodejs SDK against the simulator', () => {
  let sim: Simulator;
  let ml: MailerLite;

  beforeAll(async () => {
    sim = await startSimulator({ port: 0 });
    ml = new MailerLite({ api_key: sim.keys.new, base_path: sim.url });
  });
  afterAll(() => sim.close());
  beforeEach(() => sim.reset());

  function expectSubscriber(sub: SubscriberObject): void {
    expect(typeof sub.id).toBe('string');
    expect(sub.id).toMatch(/^\d+$/);
    expect(sub.created_at).toMatch(DATE_TIME);
    expect(sub.fields).toEqual(expect.objectContaining({ name: expect.anything(), z_i_p: null }));
  }

  it('subscribers.createOrUpdate creates Priya with the seeded id, then updates her', async () => {
    const created = await ml.subscribers.createOrUpdate({
      email: 'priya@example.com',
      fields: { name: 'Priya Sharma', phone: '+919820000001' },
      groups: ['123456789'],
      status: 'active',
    });
    expectTypeOf(created.data.data).toEqualTypeOf<SubscriberObject>();
    expect(created.status).toBe(201);
    expect(created.data.data).toMatchObject({ id: '987654321', email: 'priya@example.com', status: 'active', source: 'api' });
    expect(created.data.data.groups?.map((g) => g.name)).toEqual(['WhatsApp Opt-Ins']);
    expectSubscriber(created.data.data);
    const updated = await ml.subscribers.createOrUpdate({ email: 'priya@example.com', fields: { city: 'Mumbai' } });
    expect(updated.status).toBe(200);
    expect(updated.data.data.fields).toMatchObject({ name: 'Priya Sharma', city: 'Mumbai' });
    const put = await ml.subscribers.update('987654321', { fields: { last_name: 'Sharma' }, groups: [] });
    expect(put.data.data.fields.last_name).toBe('Sharma');
    expect(put.data.data.groups).toEqual([]);
  });

  it('subscribers.find by id and by email, get (cursor list), getCount, delete, forget', async () => {
    const a = await ml.subscribers.createOrUpdate({ email: 'a@example.com' });
    const b = await ml.subscribers.createOrUpdate({ email: 'b@example.com' });
    const byId = await ml.subscribers.find(b.data.data.id);
    const byEmail = await ml.subscribers.find('b@example.com');
    expect(byId.data.data).toEqual(byEmail.data.data);
    const list = await ml.subscribers.get({ filter: { status: 'active' }, limit: 1 });
    expect(list.data.data.map((s) => s.email)).toEqual(['b@example.com']);
    expect(list.data.meta.per_page).toBe(1);
    expect(typeof list.data.meta.next_cursor).toBe('string');
    const page2 = await ml.subscribers.get({ filter: { status: 'active' }, limit: 1, cursor: list.data.meta.next_cursor });
    expect(page2.data.data.map((s) => s.email)).toEqual(['a@example.com']);
    expect(page2.data.meta.next_cursor).toBeNull();
    const count = await ml.subscribers.getCount();
    expect(count.data).toEqual({ total: 2 });
    const forgotten = await ml.subscribers.forget(b.data.data.id);
    expect(forgotten.data.message).toBe('Subscriber data will be completely deleted and forgotten within 30 days.');
    expect(forgotten.data.data.email).toBe('b@example.com');
    const deleted = await ml.subscribers.delete(a.data.data.id);
    expect(deleted.status).toBe(204);
    expect((await ml.subscribers.getCount()).data.total).toBe(0);
  });

  it('errors surface as axios errors carrying the production body', async () => {
    const missing = await ml.subscribers.find('nobody@example.com').catch((e: { response: { status: number; data: unknown } }) => e.response);
    expect(missing.status).toBe(404);
    expect(missing.data).toEqual({ message: 'No query results for model [App\\Models\\Subscriber\\Subscriber].' });
    const wrongKey = new MailerLite({ api_key: sim.keys.classic, base_path: sim.url });
    const denied = await wrongKey.groups.get({ sort: 'name' }).catch((e: { response: { status: number; data: unknown } }) => e.response);
    expect(denied.status).toBe(401);
    expect(denied.data).toEqual({ message: 'Unauthenticated.' });
  });

  it('groups: create, get (filter, sort), update, delete', async () => {
    const created = await ml.groups.create({ name: 'VIP' });
    expectTypeOf(created.data.data).toEqualTypeOf<GroupObject>();
    expect(created.status).toBe(201);
    expect(created.data.data).toMatchObject({ name: 'VIP', active_count: 0, open_rate: { float: 0, string: '0%' } });
    const list = await ml.groups.get({ filter: { name: 'i' }, sort: '-name', limit: 10, page: 1 });
    expect(list.data.data.map((g) => g.name)).toEqual(['WhatsApp Opt-Ins', 'VIP']);
    expect(list.data.meta).toMatchObject({ current_page: 1, last_page: 1, total: 2, per_page: 10, from: 1, to: 2 });
    expect(list.data.links.next).toBeNull();
    const renamed = await ml.groups.update(created.data.data.id, { name: 'VIP customers' });
    expect(renamed.data.data.name).toBe('VIP customers');
    const deleted = await ml.groups.delete(created.data.data.id);
    expect(deleted.status).toBe(204);
    expect((await ml.groups.get({ sort: 'name' })).data.data.map((g) => g.id)).toEqual(['123456789']);
  });

  it('groups: assignSubscriber, getSubscribers, unAssignSubscriber', async () => {
    const sub = await ml.subscribers.createOrUpdate({ email: 'priya@example.com' });
    const assigned = await ml.groups.assignSubscriber(sub.data.data.id, '123456789');
    expect(assigned.status).toBe(200);
    expect(assigned.data.data).toMatchObject({ id: '123456789', name: 'WhatsApp Opt-Ins', active_count: 0 });
    expect((await ml.groups.get({ sort: 'name' })).data.data[0]).toMatchObject({ id: '123456789', active_count: 1 });
    const members = await ml.groups.getSubscribers('123456789', { filter: { status: 'active' }, limit: 5 });
    expect(members.data.data.map((s) => s.email)).toEqual(['priya@example.com']);
    const unassigned = await ml.groups.unAssignSubscriber(sub.data.data.id, '123456789');
    expect(unassigned.status).toBe(204);
    expect((await ml.groups.getSubscribers('123456789', { limit: 5 })).data.data).toEqual([]);
  });

  it('fields: get, create, update, delete', async () => {
    const list = await ml.fields.get({ limit: 5, page: 1, filter: { type: 'text' }, sort: 'name' });
    expect(list.data.data.map((f) => f.key)).toEqual(['city', 'company', 'country', 'last_name', 'name']);
    expect(list.data.meta).toMatchObject({ total: 8, last_page: 2, per_page: 5 });
    const created = await ml.fields.create({ name: 'WhatsApp number', type: 'text' });
    expect(created.status).toBe(201);
    expect(created.data.data).toMatchObject({ name: 'WhatsApp number', key: 'whatsapp_number', type: 'text' });
    const renamed = await ml.fields.update(created.data.data.id, { name: 'WhatsApp' });
    expect(renamed.data.data).toMatchObject({ name: 'WhatsApp', key: 'whatsapp_number' });
    expect((await ml.fields.delete(created.data.data.id)).status).toBe(204);
  });

  it('batches.send: per-item code and body, counted once against the rate limit', async () => {
    const res = await ml.batches.send({
      requests: [
        { method: 'POST', path: 'api/subscribers', body: { email: 'priya@example.com', groups: ['123456789'] } },
        { method: 'GET', path: 'api/groups', body: { filter: { name: 'whatsapp' } } },
        { method: 'GET', path: 'api/subscribers/nobody@example.com', body: {} },
      ],
    });
    expect(res.status).toBe(200);
    expect(res.data).toMatchObject({ total: 3, successful: 2, failed: 1 });
    expect(res.data.responses.map((r) => r.code)).toEqual([201, 200, 404]);
    expect(res.data.responses[1]!.body.data).toHaveLength(1);
    expect(res.headers['x-ratelimit-remaining']).toBe('119');
  });
});
