import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkSeed, createSimulator, DEFAULT_SEED, loadSeedFile, SeedError, startSimulator, type Seed } from '../../plugin/simulator/index.js';
import { inProcess } from './helpers/sim.js';

const dir = mkdtempSync(join(tmpdir(), 'sim-seed-'));
function seedFile(name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

describe('seed validation', () => {
  it('reports every problem with its JSON Pointer and an example of the valid form', () => {
    const check = checkSeed({
      new: {
        groups: [{ id: 123, name: '' }],
        subscribers: [
          { email: 'priya@example.com', status: 'subscribed', groups: ['999'], fields: { nope: 'x' } },
          { email: 'PRIYA@example.com ', created_at: '2024-13-01 00:00:00' },
        ],
        next_ids: { subscriber: ['abc'] },
      },
      classic: { groups: [{ id: '3640549', name: 'x' }] },
      extra: true,
    });
    expect(check.ok).toBe(false);
    if (check.ok) return;
    const byPointer = Object.fromEntries(check.problems.map((p) => [p.pointer, p.message]));
    expect(Object.keys(byPointer).sort()).toEqual(
      [
        '/extra',
        '/new/groups/0/id',
        '/new/groups/0/name',
        '/new/subscribers/0/status',
        '/new/subscribers/0/groups/0',
        '/new/subscribers/0/fields/nope',
        '/new/subscribers/1/email',
        '/new/subscribers/1/created_at',
        '/new/next_ids/subscriber/0',
        '/classic/groups/0/id',
      ].sort(),
    );
    expect(byPointer['/new/groups/0/id']).toBe('expected an id as a string of digits, e.g. "123456789"; got 123');
    expect(byPointer['/new/subscribers/0/status']).toContain('"active", "unsubscribed", "unconfirmed", "bounced", "junk"');
    expect(byPointer['/new/subscribers/1/email']).toContain('duplicate email "priya@example.com"');
    expect(byPointer['/new/subscribers/0/groups/0']).toBe('unknown group id "999"; declare it in /new/groups');
  });

  it('accepts the default seed and every scenario', () => {
    expect(checkSeed(DEFAULT_SEED).ok).toBe(true);
    expect(checkSeed({}).ok).toBe(true);
  });

  it('next ids may not collide with seeded records', () => {
    const check = checkSeed({ new: { subscribers: [{ id: '5', email: 'a@example.com' }], next_ids: { subscriber: ['5'] } } });
    expect(check.ok ? [] : check.problems.map((p) => p.pointer)).toEqual(['/new/next_ids/subscriber/0']);
  });

  it('loadSeedFile names the file and the pointer; invalid JSON gets line and column', () => {
    const bad = seedFile('bad.json', JSON.stringify({ new: { groups: [{ id: '1' }] } }));
    expect(() => loadSeedFile(bad)).toThrow(SeedError);
    expect(() => loadSeedFile(bad)).toThrow(`Invalid simulator seed in ${bad}:\n  at /new/groups/0/name: expected a non-empty string, e.g. "WhatsApp Opt-Ins"; got undefined`);
    const broken = seedFile('broken.json', '{\n  "new": {\n    "groups": [,]\n  }\n}');
    expect(() => loadSeedFile(broken)).toThrow("at (root): not valid JSON at line 3, column 16: Unexpected token ','");
    expect(() => loadSeedFile(join(dir, 'missing.json'))).toThrow(/cannot read the file \(ENOENT\)/);
    const good = seedFile('good.json', JSON.stringify({ new: { groups: [{ id: '42', name: 'Loaded' }] } }));
    expect(loadSeedFile(good).new?.groups?.[0]?.name).toBe('Loaded');
  });

  it('a bad seed passed in code throws SeedError before anything starts', async () => {
    await expect(startSimulator({ seed: { new: { groups: 'nope' } } as unknown as Seed })).rejects.toThrow(SeedError);
    expect(() => createSimulator({ seed: { scenario: 'nope' } as never })).toThrow('at /scenario: unknown scenario "nope"');
  });
});

describe('seeded state', () => {
  it('default seed: the WhatsApp Opt-Ins group on both accounts; Priya gets 987654321 on both', async () => {
    const { sim, client } = inProcess();
    expect(sim.state.group('new', '123456789')).toMatchObject({ name: 'WhatsApp Opt-Ins' });
    expect(sim.state.group('classic', 3640549)).toMatchObject({ id: 3640549, name: 'WhatsApp Opt-Ins' });
    const created = await client.api('POST', '/subscribers', { email: 'priya@example.com', groups: ['123456789'] });
    expect(created.body.data.id).toBe('987654321');
    const classic = await client.classic('POST', '/subscribers', { email: 'priya@example.com' });
    expect(classic.body.id).toBe(987654321);
    const next = await client.api('POST', '/subscribers', { email: 'sam@example.com' });
    expect(BigInt(next.body.data.id)).toBeGreaterThan(2n ** 53n);
  });

  it('presets subscribers with any status, groups and fields', () => {
    const { sim } = inProcess({
      seed: {
        new: {
          fields: [{ name: 'WhatsApp', type: 'text' }],
          groups: [{ id: '1', name: 'G', open_rate: 0.875 }],
          subscribers: [{ email: 'b@example.com', status: 'bounced', groups: ['1'], fields: { whatsapp: '+91 98200 00001' } }],
        },
      },
    });
    expect(sim.state.subscriber('new', 'b@example.com')).toMatchObject({ status: 'bounced', fields: { whatsapp: '+91 98200 00001', name: null } });
    expect(sim.state.group('new', '1')).toMatchObject({ bounced_count: 1, active_count: 0, open_rate: { float: 0.875, string: '87.5%' } });
  });

  it('reset() goes back to the seed; seed() replaces it', async () => {
    const { sim, client } = inProcess();
    await client.api('POST', '/subscribers', { email: 'priya@example.com' });
    await client.api('DELETE', '/groups/123456789');
    sim.reset();
    expect(sim.state.count('new')).toEqual({ subscribers: 0, groups: 1, fields: 8 });
    expect((await client.api('POST', '/subscribers', { email: 'x@example.com' })).body.data.id).toMatch(/^\d{18}$/);
    expect((await client.api('POST', '/subscribers', { email: 'priya@example.com' })).body.data.id).toBe('987654321');
    sim.seed({ new: { groups: [{ id: '7', name: 'Seven' }] } });
    expect(sim.state.count('new')).toEqual({ subscribers: 0, groups: 1, fields: 8 });
    expect(sim.state.group('new', '7')).toBeDefined();
    expect(sim.state.count('classic').groups).toBe(0);
  });

  it('snapshot() keeps the guide reservation until Priya is created', async () => {
    const { sim, client } = inProcess();
    expect(sim.state.snapshot().new?.next_ids?.subscriber_by_email).toEqual({ 'priya@example.com': '987654321' });
    const copy = createSimulator({ seed: sim.state.snapshot() });
    const created = await copy.fetch('http://sim.test/api/subscribers', {
      method: 'POST',
      headers: { authorization: `Bearer ${copy.keys.new}`, 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'priya@example.com' }),
    });
    expect(((await created.json()) as { data: { id: string } }).data.id).toBe('987654321');
    await client.api('POST', '/subscribers', { email: 'priya@example.com' });
    expect(sim.state.snapshot().new?.next_ids?.subscriber_by_email).toEqual({});
  });

  it('snapshot() is a seed that recreates the same state', async () => {
    const { sim, client } = inProcess();
    await client.api('POST', '/fields', { name: 'WhatsApp', type: 'text' });
    await client.api('POST', '/subscribers', { email: 'priya@example.com', fields: { name: 'Priya', whatsapp: '+91' }, groups: ['123456789'] });
    await client.api('PUT', '/subscribers/987654321', { status: 'unsubscribed' });
    await client.classic('POST', '/groups/3640549/subscribers', { email: 'sam@example.com', name: 'Sam' });
    const copy = createSimulator({ seed: sim.state.snapshot() });
    for (const api of ['new', 'classic'] as const) {
      for (const who of ['priya@example.com', 'sam@example.com']) expect(copy.state.subscriber(api, who)).toEqual(sim.state.subscriber(api, who));
      expect(copy.state.count(api)).toEqual(sim.state.count(api));
    }
  });
});

describe('scenarios', () => {
  it('priya-subscribed: Priya is active in WhatsApp Opt-Ins on both APIs', async () => {
    const { client } = inProcess({ seed: { scenario: 'priya-subscribed' } });
    const res = await client.api('GET', '/subscribers/priya@example.com');
    expect(res.body.data).toMatchObject({ id: '987654321', status: 'active', fields: { name: 'Priya Sharma', phone: '+919820000001' } });
    expect(res.body.data.groups.map((g: { id: string }) => g.id)).toEqual(['123456789']);
    const classic = await client.classic('GET', '/subscribers/priya@example.com');
    expect(classic.body).toMatchObject({ id: 987654321, name: 'Priya Sharma', type: 'active' });
  });

  it('unsubscribed-contact: Priya is unsubscribed and cannot be re-added by the API', async () => {
    const { client } = inProcess({ seed: { scenario: 'unsubscribed-contact' } });
    const res = await client.api('POST', '/subscribers', { email: 'priya@example.com', groups: ['123456789'], status: 'active' });
    expect(res.status).toBe(422);
    expect(res.body.subscriber).toBe('987654321');
  });

  it('rate-limited: the next 3 requests get 429; reset re-arms them', async () => {
    const { sim, client } = inProcess({ seed: { scenario: 'rate-limited' } });
    const statuses = async () => Promise.all([1, 2, 3, 4].map(() => client.api('GET', '/groups').then((r) => r.status)));
    expect(await statuses()).toEqual([429, 429, 429, 200]);
    sim.reset();
    expect(await statuses()).toEqual([429, 429, 429, 200]);
  });
});
