import { describe, expect, it } from 'vitest';
import { checkSeed } from '../../plugin/simulator/index.js';
import { inProcess, manualClock } from './helpers/sim.js';

/**
 * Behaviour taken from the recorded production traffic and the facts sheet, where the
 * simulator used to differ (issue 15, point 6). Each case names its source.
 */

const PRODUCTION_ID = /^\d{15,18}$/;

describe('a deleted subscriber posted again (subscribers-delete.yml, then subscribers-forget.yml; facts sheet 2.5)', () => {
  it('comes back with 200, the same id and the original created_at and subscribed_at', async () => {
    const clock = manualClock(Date.UTC(2025, 8, 19, 11, 10, 41));
    const { client, sim } = inProcess({ clock: clock.read, seed: {} });
    const created = await client.api('POST', '/subscribers', { email: 'test5@email.com', fields: { name: 'John', last_name: 'Doe' }, ip_address: '1.1.1.1' });
    expect(created.status).toBe(201);
    const { id, created_at } = created.body.data;
    clock.advance(4000);
    expect((await client.api('DELETE', `/subscribers/${id}`)).status).toBe(204);
    expect((await client.api('GET', `/subscribers/${id}`)).status).toBe(404);
    expect((await client.api('GET', '/subscribers/test5@email.com')).status).toBe(404);
    expect((await client.api('GET', '/subscribers?limit=0')).body).toEqual({ total: 0 });
    expect(sim.state.subscriber('new', 'test5@email.com')).toBeUndefined();

    const again = await client.api('POST', '/subscribers', { email: 'TEST5@email.com', fields: { name: 'Someone' }, ip_address: '1.1.1.1' });
    expect(again.status).toBe(200);
    expect(again.body.data).toMatchObject({
      id,
      email: 'test5@email.com',
      status: 'active',
      created_at,
      subscribed_at: '2025-09-19 11:10:41',
      updated_at: '2025-09-19 11:10:45',
      fields: { name: 'Someone', last_name: 'Doe' },
      groups: [],
    });
    expect((await client.api('GET', `/subscribers/${id}`)).status).toBe(200);
  });

  it('leaves the groups it was deleted from; a forgotten subscriber is gone for good (201, new id)', async () => {
    const { client } = inProcess();
    const created = await client.api('POST', '/subscribers', { email: 'sam@example.com', groups: ['123456789'] });
    const id = created.body.data.id as string;
    await client.api('DELETE', `/subscribers/${id}`);
    expect((await client.api('GET', '/groups/123456789')).body.data.active_count).toBe(0);
    const back = await client.api('POST', '/subscribers', { email: 'sam@example.com' });
    expect(back.body.data).toMatchObject({ id, groups: [] });
    expect((await client.api('POST', `/subscribers/${id}/forget`)).status).toBe(200);
    const anew = await client.api('POST', '/subscribers', { email: 'sam@example.com' });
    expect(anew.status).toBe(201);
    expect(anew.body.data.id).not.toBe(id);
    expect(anew.body.data.id).toMatch(PRODUCTION_ID);
  });

  it('an unsubscribed subscriber does not come back active by being deleted first', async () => {
    const { client } = inProcess({ seed: { scenario: 'unsubscribed-contact' } });
    expect((await client.api('DELETE', '/subscribers/987654321')).status).toBe(204);
    const refused = await client.api('POST', '/subscribers', { email: 'priya@example.com', status: 'active', groups: ['123456789'] });
    expect(refused.status).toBe(422);
    expect(refused.body.subscriber).toBe('987654321');
    expect((await client.api('GET', '/subscribers/987654321')).status).toBe(404);
    const back = await client.api('POST', '/subscribers', { email: 'priya@example.com' });
    expect(back.status).toBe(200);
    expect(back.body.data).toMatchObject({ id: '987654321', status: 'unsubscribed' });
  });
});

describe('ids (facts sheet 1.7: 15-18 digits; the guide: Priya is 987654321)', () => {
  it('every new subscriber and group id has 15-18 digits; only the guide scene gives Priya 987654321', async () => {
    const { client } = inProcess();
    const sam = await client.api('POST', '/subscribers', { email: 'sam@example.com' });
    const group = await client.api('POST', '/groups', { name: 'Second' });
    const batch = await client.api('POST', '/batch', { requests: [{ method: 'POST', path: 'api/subscribers', body: { email: 'rahul@example.com' } }] });
    const ids = [sam.body.data.id, group.body.data.id, batch.body.responses[0].body.data.id];
    for (const id of ids) expect(id).toMatch(PRODUCTION_ID);
    const priya = await client.api('POST', '/subscribers', { email: 'Priya@Example.com' });
    expect(priya.body.data.id).toBe('987654321');
    const classicSam = await client.classic('POST', '/subscribers', { email: 'sam@example.com' });
    expect(classicSam.body.id).not.toBe(987654321);
    expect((await client.classic('POST', '/subscribers', { email: 'priya@example.com' })).body.id).toBe(987654321);
  });

  it('a seed without the guide reservation gives Priya a production-like id too', async () => {
    const { client } = inProcess({ seed: { new: { groups: [{ id: '123456789', name: 'WhatsApp Opt-Ins' }] } } });
    expect((await client.api('POST', '/subscribers', { email: 'priya@example.com' })).body.data.id).toMatch(PRODUCTION_ID);
  });

  it('next_ids.subscriber_by_email is checked like the other ids', () => {
    const check = checkSeed({
      new: {
        subscribers: [{ id: '5', email: 'seeded@example.com' }],
        next_ids: { subscriber_by_email: { 'seeded@example.com': '6', 'not an email': '7', 'x@example.com': 8, 'y@example.com': '5' } },
      },
      classic: { next_ids: { subscriber_by_email: { 'priya@example.com': '987654321' } } },
    });
    expect(check.ok).toBe(false);
    expect(check.ok ? [] : check.problems.map((p) => p.pointer)).toEqual([
      '/new/next_ids/subscriber_by_email/seeded@example.com',
      '/new/next_ids/subscriber_by_email/not an email',
      '/new/next_ids/subscriber_by_email/x@example.com',
      '/new/next_ids/subscriber_by_email/y@example.com',
      '/classic/next_ids/subscriber_by_email/priya@example.com',
    ]);
  });
});

describe('group membership (subscribers-assign-subscriber-to-group.yml; facts sheet 3.7, 3.8)', () => {
  it('the assign answer shows the group as it was: active_count 0 right after assigning', async () => {
    const { client } = inProcess({ seed: { new: { groups: [{ id: '165968863812388812', name: 'UhtyyCDqLt' }], subscribers: [{ id: '139790465506477360', email: 'grouptest@email.com' }] } } });
    const assigned = await client.api('POST', '/subscribers/139790465506477360/groups/165968863812388812');
    expect(assigned.status).toBe(200);
    expect(assigned.body.data).toMatchObject({ id: '165968863812388812', name: 'UhtyyCDqLt', active_count: 0 });
    expect((await client.api('GET', '/groups/165968863812388812')).body.data.active_count).toBe(1);
    expect((await client.api('POST', '/subscribers/139790465506477360/groups/165968863812388812')).body.data.active_count).toBe(1);
  });

  it('assign with a subscriber or group that does not exist: 422 on id; unassign: 404 with an empty message', async () => {
    const { client } = inProcess({ seed: { scenario: 'priya-subscribed' } });
    const invalid = { message: 'The selected id is invalid.', errors: { id: ['The selected id is invalid.'] } };
    for (const path of ['/subscribers/111111111111111111/groups/123456789', '/subscribers/987654321/groups/999', '/subscribers/priya@example.com/groups/123456789']) {
      const res = await client.api('POST', path);
      expect(res.status, path).toBe(422);
      expect(res.body, path).toEqual(invalid);
    }
    for (const path of ['/subscribers/111111111111111111/groups/123456789', '/subscribers/987654321/groups/999']) {
      const res = await client.api('DELETE', path);
      expect(res.status, path).toBe(404);
      expect(res.body, path).toEqual({ message: '' });
    }
    expect((await client.api('GET', '/subscribers/987654321')).body.data.groups.map((g: { id: string }) => g.id)).toEqual(['123456789']);
  });
});

describe('input checks (facts sheet 2.3, 3.6)', () => {
  it('limit above 1000 on the cursor lists is refused; 1000 is fine', async () => {
    const { client } = inProcess();
    for (const path of ['/groups/123456789/subscribers?limit=1001', '/subscribers?limit=1001']) {
      const res = await client.api('GET', path);
      expect(res.status, path).toBe(422);
      expect(res.body, path).toEqual({ message: 'The limit field must not be greater than 1000.', errors: { limit: ['The limit field must not be greater than 1000.'] } });
    }
    expect((await client.api('GET', '/groups/123456789/subscribers?limit=1000')).status).toBe(200);
    expect((await client.api('GET', '/subscribers?limit=1000')).body.meta.per_page).toBe(1000);
  });

  it('number and date custom fields are type-checked on POST and PUT', async () => {
    const { client } = inProcess({ seed: { new: { fields: [{ name: 'Score', type: 'number' }, { name: 'Birthday', type: 'date' }] } } });
    const bad = await client.api('POST', '/subscribers', { email: 'a@example.com', fields: { score: 'lots', birthday: 'tomorrow' } });
    expect(bad.status).toBe(422);
    expect(bad.body).toEqual({
      message: 'The fields.score field must be a number. (and 1 more error)',
      errors: { 'fields.score': ['The fields.score field must be a number.'], 'fields.birthday': ['The fields.birthday field must be a valid date.'] },
    });
    const good = await client.api('POST', '/subscribers', { email: 'a@example.com', fields: { score: 42.5, birthday: '1990-02-28', name: 'A' } });
    expect(good.status).toBe(201);
    expect(good.body.data.fields).toMatchObject({ score: 42.5, birthday: '1990-02-28', name: 'A' });
    const id = good.body.data.id as string;
    expect((await client.api('PUT', `/subscribers/${id}`, { fields: { birthday: '1990-02-30' } })).status).toBe(422);
    expect((await client.api('PUT', `/subscribers/${id}`, { fields: { score: true } })).status).toBe(422);
    const cleared = await client.api('PUT', `/subscribers/${id}`, { fields: { score: '7', birthday: null } });
    expect(cleared.status).toBe(200);
    expect(cleared.body.data.fields).toMatchObject({ score: '7', birthday: null });
  });

  it('a@-example.com and other malformed domains are not emails', async () => {
    const { client } = inProcess();
    for (const email of ['a@-example.com', 'a@example-.com', 'a@example', 'a@exa mple.com', '.a@example.com', 'a.@example.com', 'a@example.123']) {
      const res = await client.api('POST', '/subscribers', { email });
      expect(res.status, email).toBe(422);
      expect(res.body.errors, email).toEqual({ email: ['The email must be a valid email address.'] });
    }
    for (const email of ['priya+1@example.com', "o'brien@example.co.uk", 'x@sub-domain.example.com', 'δοκιμή@παράδειγμα.δοκιμή']) {
      expect((await client.api('POST', '/subscribers', { email })).status, email).toBe(201);
    }
    expect(checkSeed({ new: { subscribers: [{ email: 'a@-example.com' }] } }).ok).toBe(false);
  });
});
