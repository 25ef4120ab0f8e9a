import { describe, expect, it } from 'vitest';
import { inProcess } from './helpers/sim.js';

/**
 * Behaviour the facts sheet leaves open, as the simulator decides it
 * (docs/decisions/002-simulator.md), plus details the contract suite cannot check on a
 * live account.
 */
describe('new API: decisions and details', () => {
  const locked = (status: 'unsubscribed' | 'bounced' | 'junk') =>
    inProcess({ seed: { new: { groups: [{ id: '1', name: 'G' }], subscribers: [{ id: '42', email: 'x@example.com', status, fields: { name: 'X' } }] } } });

  it('POST with only the email of an unsubscribed subscriber: 200, nothing changes', async () => {
    const { client, sim } = locked('unsubscribed');
    const before = sim.state.subscriber('new', '42');
    const res = await client.api('POST', '/subscribers', { email: 'X@example.com' });
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual(before);
  });

  it('bounced and junk are locked too; resubscribe: true does not unlock', async () => {
    for (const status of ['bounced', 'junk'] as const) {
      const { client } = locked(status);
      const res = await client.api('POST', '/subscribers', { email: 'x@example.com', fields: { name: 'Y' }, resubscribe: true });
      expect(res.status).toBe(422);
      expect(res.body.errors.email).toEqual([`This subscriber is ${status} and cannot be imported`]);
    }
  });

  it('PUT cannot make a locked subscriber active, but can edit fields and groups', async () => {
    const { client } = locked('unsubscribed');
    expect((await client.api('PUT', '/subscribers/42', { status: 'active' })).status).toBe(422);
    const edited = await client.api('PUT', '/subscribers/42', { fields: { name: null }, groups: ['1'] });
    expect(edited.status).toBe(200);
    expect(edited.body.data).toMatchObject({ status: 'unsubscribed', fields: { name: null } });
    expect(edited.body.data.groups[0]).toMatchObject({ id: '1', unsubscribed_count: 1, active_count: 0 });
  });

  it('PUT, DELETE and forget take the id only (an email in the path is 404)', async () => {
    const { client } = locked('unsubscribed');
    expect((await client.api('PUT', '/subscribers/x@example.com', {})).status).toBe(404);
    expect((await client.api('DELETE', '/subscribers/x@example.com')).status).toBe(404);
    const forgotten = await client.api('POST', '/subscribers/42/forget');
    expect(Object.keys(forgotten.body)).toEqual(['data', 'message']);
    expect(forgotten.body.data).toMatchObject({ deleted_at: expect.any(String), forget_at: expect.any(String), location: null });
    expect((await client.api('GET', '/subscribers/42')).status).toBe(404);
  });

  it('group counts follow status changes and memberships', async () => {
    const { client } = inProcess();
    const sub = await client.api('POST', '/subscribers', { email: 'a@example.com', groups: ['123456789'] });
    expect(sub.body.data.groups[0].active_count).toBe(1);
    await client.api('PUT', `/subscribers/${sub.body.data.id}`, { status: 'unsubscribed' });
    const group = (await client.api('GET', '/groups/123456789')).body.data;
    expect(group).toMatchObject({ active_count: 0, unsubscribed_count: 1 });
    const members = await client.api('GET', '/groups/123456789/subscribers?filter[status]=unsubscribed');
    expect(members.body.data.map((s: { email: string }) => s.email)).toEqual(['a@example.com']);
    await client.api('DELETE', '/groups/123456789');
    expect((await client.api('GET', `/subscribers/${sub.body.data.id}`)).body.data.groups).toEqual([]);
  });

  it('422 message is the first error plus "(and N more errors)"', async () => {
    const { client } = inProcess();
    const res = await client.api('POST', '/subscribers', { email: 'bad', groups: [{ id: 1 }], status: 'gone' });
    expect(res.status).toBe(422);
    expect(res.body.message).toBe('The email must be a valid email address. (and 3 more errors)');
    expect(res.body.errors).toEqual({
      email: ['The email must be a valid email address.'],
      'groups.0': ['The groups.0 field must be a number.', 'The selected groups.0 is not numeric.'],
      status: ['The selected status is invalid.'],
    });
    expect((await client.api('POST', '/subscribers', {})).body).toEqual({ message: 'The email field is required.', errors: { email: ['The email field is required.'] } });
  });

  it('405 for a known path with another method, worded like Laravel', async () => {
    const { client } = inProcess();
    const res = await client.api('PATCH', '/groups');
    expect(res.status).toBe(405);
    expect(res.body.message).toBe('The PATCH method is not supported for route api/groups. Supported methods: GET, HEAD, POST.');
  });

  it('ids are 18-digit strings beyond 2^53, increasing, never equal as JS numbers would make them', async () => {
    const { client } = inProcess({ seed: {} });
    const ids: string[] = [];
    for (const n of [1, 2, 3]) ids.push((await client.api('POST', '/subscribers', { email: `${n}@example.com` })).body.data.id);
    for (const id of ids) expect(BigInt(id)).toBeGreaterThan(2n ** 53n);
    expect(new Set(ids).size).toBe(3);
    expect(BigInt(ids[2]!)).toBeGreaterThan(BigInt(ids[1]!));
    expect(Number(ids[1])).toBe(Number(ids[2]));
  });

  it('dates use YYYY-MM-DD HH:mm:ss from the injected clock', async () => {
    const { client } = inProcess({ clock: () => Date.UTC(2024, 7, 13, 9, 49, 51) });
    const res = await client.api('POST', '/subscribers', { email: 'a@example.com', subscribed_at: '2022-11-23 09:59:56' });
    expect(res.body.data).toMatchObject({ created_at: '2024-08-13 09:49:51', updated_at: '2024-08-13 09:49:51', subscribed_at: '2022-11-23 09:59:56' });
    const bad = await client.api('POST', '/subscribers', { email: 'b@example.com', subscribed_at: '2022-11-23T09:59:56Z' });
    expect(bad.body.errors.subscribed_at).toEqual(['The subscribed at field must match the format Y-m-d H:i:s.']);
  });

  it('cursor pages walk forwards and back over 7 subscribers', async () => {
    const { client } = inProcess({ seed: {} });
    for (let n = 0; n < 7; n += 1) await client.api('POST', '/subscribers', { email: `${n}@example.com` });
    const emails = (res: { body: { data: Array<{ email: string }> } }) => res.body.data.map((s) => s.email);
    const p1 = await client.api('GET', '/subscribers?limit=3');
    const p2 = await client.api('GET', `/subscribers?limit=3&cursor=${p1.body.meta.next_cursor}`);
    const p3 = await client.api('GET', `/subscribers?limit=3&cursor=${p2.body.meta.next_cursor}`);
    expect([emails(p1), emails(p2), emails(p3)]).toEqual([['6@example.com', '5@example.com', '4@example.com'], ['3@example.com', '2@example.com', '1@example.com'], ['0@example.com']]);
    expect(p3.body.meta.next_cursor).toBeNull();
    expect(p2.body.links.prev).toBe(`http://sim.test/api/subscribers?cursor=${p2.body.meta.prev_cursor}`);
    const back = await client.api('GET', `/subscribers?limit=3&cursor=${p3.body.meta.prev_cursor}`);
    expect(emails(back)).toEqual(emails(p2));
    expect((await client.api('GET', '/subscribers?limit=0&filter[status]=unsubscribed')).body).toEqual({ total: 0 });
    expect((await client.api('GET', '/subscribers?cursor=1')).body.data).toEqual([]);
  });

  it('groups list: Laravel page links with "..." for many pages; sort is case- and punctuation-insensitive', async () => {
    const names = ['test_group', 'My Group', '[Do not delete] nodejs test group', 'A test Group', 'SMmwGofyQP'];
    const { client } = inProcess({ seed: { new: { groups: names.map((name, i) => ({ id: String(i + 1), name })) } } });
    const sorted = await client.api('GET', '/groups?sort=name');
    expect(sorted.body.data.map((g: { name: string }) => g.name)).toEqual(['A test Group', '[Do not delete] nodejs test group', 'My Group', 'SMmwGofyQP', 'test_group']);
    const many = inProcess({ seed: { new: { groups: Array.from({ length: 30 }, (_, i) => ({ id: String(i + 1), name: `G${i}` })) } } });
    const page = await many.client.api('GET', '/groups?limit=1&page=15');
    expect(page.body.meta.links.map((l: { label: string }) => l.label)).toEqual(['&laquo; Previous', '1', '2', '...', '12', '13', '14', '15', '16', '17', '18', '...', '29', '30', 'Next &raquo;']);
  });

  it('fields: a default field cannot be deleted; field values of removed fields disappear', async () => {
    const { client } = inProcess();
    expect((await client.api('DELETE', '/fields/1')).status).toBe(422);
    const field = await client.api('POST', '/fields', { name: 'Über Code', type: 'number' });
    expect(field.body.data.key).toBe('uber_code');
    await client.api('POST', '/subscribers', { email: 'a@example.com', fields: { uber_code: 7 } });
    expect((await client.api('GET', '/subscribers/a@example.com')).body.data.fields.uber_code).toBe(7);
    await client.api('DELETE', `/fields/${field.body.data.id}`);
    expect((await client.api('GET', '/subscribers/a@example.com')).body.data.fields).not.toHaveProperty('uber_code');
  });
});

describe('classic API: decisions and details', () => {
  const seed = { classic: { groups: [{ id: 3640549, name: 'WhatsApp Opt-Ins' }], subscribers: [{ id: 7, email: 'u@example.com', type: 'unsubscribed' as const, name: 'U' }] } };

  it('an unsubscribed subscriber stays unsubscribed unless resubscribe is true', async () => {
    const { client } = inProcess({ seed });
    const kept = await client.classic('POST', '/groups/3640549/subscribers', { email: 'u@example.com', fields: { city: 'Pune' } });
    expect(kept.body).toMatchObject({ id: 7, type: 'unsubscribed', date_subscribe: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    expect((await client.classic('PUT', '/subscribers/u@example.com', { type: 'active' })).body.type).toBe('unsubscribed');
    const back = await client.classic('POST', '/subscribers', { email: 'u@example.com', resubscribe: true });
    expect(back.body.type).toBe('active');
  });

  it('subscriber object: integer id, fields array with every key, "" for unset', async () => {
    const { client } = inProcess({ seed });
    const res = await client.classic('GET', '/subscribers/7');
    expect(Object.keys(res.body)).toEqual([
      'id', 'name', 'email', 'sent', 'opened', 'clicked', 'type', 'signup_ip', 'signup_timestamp', 'confirmation_ip',
      'confirmation_timestamp', 'fields', 'date_subscribe', 'date_unsubscribe', 'date_created', 'date_updated',
    ]);
    expect(res.body.fields.map((f: { key: string }) => f.key)).toEqual(['email', 'name', 'last_name', 'company', 'country', 'city', 'phone', 'state', 'zip']);
    expect(res.body.fields[2]).toEqual({ key: 'last_name', value: '', type: 'TEXT' });
  });

  it('errors: unknown endpoint (code 2), missing subscriber or group (404), bad email (400)', async () => {
    const { client } = inProcess({ seed });
    expect((await client.classic('GET', '/campaigns')).body).toEqual({ error: { code: 2, message: 'Endpoint not found' } });
    expect((await client.classic('GET', '/subscribers/nobody@example.com')).body).toEqual({ error: { code: 123, message: 'Subscriber not found' } });
    expect((await client.classic('DELETE', '/groups/1/subscribers/7')).status).toBe(404);
    const bad = await client.classic('POST', '/subscribers', { email: 'nope' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe(400);
  });

  it('accepts form-encoded bodies', async () => {
    const { sim } = inProcess({ seed });
    const res = await sim.fetch('http://sim.test/api/v2/subscribers', {
      method: 'POST',
      headers: { 'x-mailerlite-apikey': sim.keys.classic, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'email=f%40example.com&name=Form&fields[city]=Pune',
    });
    expect(await res.json()).toMatchObject({ email: 'f@example.com', name: 'Form' });
    expect(sim.state.subscriber('classic', 'f@example.com')?.fields).toEqual(expect.arrayContaining([{ key: 'city', value: 'Pune', type: 'TEXT' }]));
  });

  it('batch: 400 envelope for a malformed request list', async () => {
    const { client } = inProcess({ seed });
    const res = await client.classic('POST', '/batch', { requests: [{ method: 'GET' }] });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error: { code: 400, message: 'Every request in a query must have method and path parameters' } });
  });
});
