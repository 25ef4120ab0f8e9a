import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../plugin/simulator/index.js';
import { apiClient, type ApiClient } from './helpers/client.js';

const fetchImpl = (input: string | URL | Request, init?: RequestInit) => fetch(input, init);

describe('journal and control routes', () => {
  let sim: Simulator;
  let client: ApiClient;
  const control = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${sim.url}/__sim${path}`, {
      method,
      ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
    });
    const text = await res.text();
    return { status: res.status, body: text === '' ? null : JSON.parse(text) };
  };

  beforeAll(async () => {
    sim = await startSimulator({ port: 0 });
    client = apiClient({ baseUrl: sim.url, key: sim.keys.new, classicKey: sim.keys.classic }, fetchImpl);
  });
  afterAll(() => sim.close());
  beforeEach(() => sim.reset());

  it('journals API requests: method, path, query, redacted headers, parsed body, status', async () => {
    await client.api('POST', '/subscribers?x=1', { email: 'priya@example.com' });
    await client.classic('GET', '/groups');
    await client.api('POST', '/batch', { requests: [{ method: 'GET', path: 'api/groups' }] });
    const [post, classic, batch, ...rest] = sim.journal();
    expect(rest).toEqual([]);
    expect(post).toMatchObject({ seq: 1, api: 'new', method: 'POST', path: '/api/subscribers', query: { x: '1' }, body: { email: 'priya@example.com' }, status: 201 });
    expect(post!.headers.authorization).toBe('Bearer [REDACTED]');
    expect(JSON.stringify(sim.journal())).not.toContain(sim.keys.new);
    expect(post!.timestamp).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(classic).toMatchObject({ api: 'classic', status: 200, body: null });
    expect(classic!.headers['x-mailerlite-apikey']).toBe('[REDACTED]');
    expect(batch).toMatchObject({ path: '/api/batch', status: 200 });
    sim.clearJournal();
    expect(sim.journal()).toEqual([]);
  });

  it('control routes need no key, are not journaled and not rate-limited', async () => {
    for (let i = 0; i < 130; i += 1) await control('GET', '/journal');
    expect((await control('GET', '/journal')).body).toEqual({ entries: [] });
    expect((await client.api('GET', '/groups')).headers['x-ratelimit-remaining']).toBe('119');
  });

  it('GET /__sim/state, POST /__sim/seed (seed or scenario), POST /__sim/reset', async () => {
    const state = await control('GET', '/state');
    expect(state.body.new.groups.map((g: { id: string }) => g.id)).toEqual(['123456789']);
    expect((await control('POST', '/seed', { scenario: 'priya-subscribed' })).body).toEqual({ ok: true, scenario: 'priya-subscribed' });
    expect((await client.api('GET', '/subscribers/priya@example.com')).status).toBe(200);
    expect((await control('POST', '/seed', { new: { groups: [{ id: '5', name: 'Five' }] } })).status).toBe(200);
    expect((await client.api('GET', '/groups')).body.data.map((g: { name: string }) => g.name)).toEqual(['Five']);
    const bad = await control('POST', '/seed', { new: { groups: [{ id: 5 }] } });
    expect(bad.status).toBe(422);
    expect(bad.body.problems.map((p: { pointer: string }) => p.pointer)).toEqual(['/new/groups/0/id', '/new/groups/0/name']);
    expect((await control('POST', '/seed', { scenario: 'nope' })).status).toBe(422);
    await control('POST', '/reset');
    expect((await client.api('GET', '/groups')).body.data.map((g: { name: string }) => g.name)).toEqual(['Five']);
  });

  it('POST/GET/DELETE /__sim/faults', async () => {
    const added = await control('POST', '/faults', [{ kind: 'error', status: 503, count: 1 }, { kind: 'latency', ms: 1 }]);
    expect(added.status).toBe(201);
    expect(added.body.faults.map((f: { id: string; kind: string }) => f.kind)).toEqual(['error', 'latency']);
    expect((await control('GET', '/faults')).body.faults).toHaveLength(2);
    expect((await client.api('GET', '/groups')).status).toBe(503);
    expect((await control('DELETE', '/faults')).status).toBe(204);
    expect((await control('GET', '/faults')).body.faults).toEqual([]);
    const bad = await control('POST', '/faults', { kind: 'error', status: 404 });
    expect(bad.status).toBe(422);
    expect(bad.body.problems).toEqual(['/status: expected a status from 500 to 599, e.g. 502']);
  });

  it('DELETE /__sim/journal empties it; unknown control routes are 404; CORS preflight is answered', async () => {
    await client.api('GET', '/groups');
    expect((await control('DELETE', '/journal')).status).toBe(204);
    expect(sim.journal()).toEqual([]);
    expect((await control('GET', '/nope')).status).toBe(404);
    const preflight = await fetch(`${sim.url}/api/subscribers`, { method: 'OPTIONS' });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-headers')).toContain('Authorization');
  });
});
