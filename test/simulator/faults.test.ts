import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseFault, startSimulator, type Simulator } from '../../plugin/simulator/index.js';
import { matchPattern } from '../../plugin/simulator/faults.js';
import { apiClient, type ApiClient } from './helpers/client.js';
import { inProcess } from './helpers/sim.js';

const fetchImpl = (input: string | URL | Request, init?: RequestInit) => fetch(input, init);

describe('faults over HTTP', () => {
  let sim: Simulator;
  let client: ApiClient;
  beforeAll(async () => {
    sim = await startSimulator({ port: 0 });
    client = apiClient({ baseUrl: sim.url, key: sim.keys.new, classicKey: sim.keys.classic }, fetchImpl);
  });
  afterAll(() => sim.close());
  beforeEach(() => sim.reset());

  it('5xx: an nginx HTML page for the next N matching requests; nothing is changed', async () => {
    sim.inject({ kind: 'error', status: 502, method: 'POST', path: '/api/subscribers', count: 1 });
    const failed = await client.api('POST', '/subscribers', { email: 'priya@example.com' });
    expect(failed.status).toBe(502);
    expect(failed.headers['content-type']).toBe('text/html');
    expect(failed.body).toContain('<title>502 Bad Gateway</title>');
    expect(sim.state.subscriber('new', 'priya@example.com')).toBeUndefined();
    expect((await client.api('GET', '/groups')).status).toBe(200);
    expect((await client.api('POST', '/subscribers', { email: 'priya@example.com' })).status).toBe(201);
    expect(sim.faults()).toEqual([]);
  });

  it('429 bursts answer like the real limiter of each API', async () => {
    sim.inject({ kind: 'rate-limit', count: 2, retryAfterMs: 2500 });
    const first = await client.api('GET', '/groups');
    expect(first.status).toBe(429);
    expect(first.body).toEqual({ message: 'Too Many Attempts.' });
    expect(first.headers).toMatchObject({ 'retry-after': '3', 'x-sim-retry-after-ms': '2500', 'x-ratelimit-remaining': '0' });
    const classic = await client.classic('GET', '/groups');
    expect(classic.body).toEqual({ error: { code: 429, message: 'Too many requests' } });
    expect(classic.headers['x-ratelimit-retry-after']).toBe('3');
    expect((await client.api('GET', '/groups')).status).toBe(200);
  });

  it('drop before handling: the socket closes without an answer and nothing changes', async () => {
    sim.inject({ kind: 'drop', count: 1 });
    await expect(client.api('POST', '/subscribers', { email: 'priya@example.com' })).rejects.toThrow(TypeError);
    expect(sim.state.subscriber('new', 'priya@example.com')).toBeUndefined();
    const [entry] = sim.journal();
    expect(entry).toMatchObject({ status: null, fault: 'drop', path: '/api/subscribers' });
  });

  it('drop after handling: the change happened, the answer is lost', async () => {
    sim.inject({ kind: 'drop', when: 'after', count: 1 });
    await expect(client.api('POST', '/subscribers', { email: 'priya@example.com' })).rejects.toThrow(TypeError);
    expect(sim.state.subscriber('new', 'priya@example.com')).toMatchObject({ id: '987654321' });
  });

  it('truncated JSON: status and headers intact, body cut', async () => {
    sim.inject({ kind: 'truncate', path: '/api/subscribers', count: 1, keepBytes: 20 });
    const res = await client.api('POST', '/subscribers', { email: 'priya@example.com' });
    expect(res.status).toBe(201);
    expect(res.headers['content-type']).toBe('application/json');
    expect(res.body).toBe('{"data":{"id":"98765');
  });

  it('latency delays the answer (journaled duration includes it)', async () => {
    sim.inject({ kind: 'latency', ms: 60, path: '/api/groups', count: 1 });
    expect((await client.api('GET', '/groups')).status).toBe(200);
    expect(sim.journal()[0]!.durationMs).toBeGreaterThanOrEqual(50);
  });
});

describe('fault selection', () => {
  it('probability faults are deterministic for a given seed', async () => {
    const run = async () => {
      const { sim, client } = inProcess();
      sim.inject({ kind: 'error', status: 503, probability: 0.5, seed: 42 });
      const statuses: number[] = [];
      for (let i = 0; i < 20; i += 1) statuses.push((await client.api('GET', '/groups')).status);
      return statuses;
    };
    const first = await run();
    expect(await run()).toEqual(first);
    expect(first.filter((s) => s === 503).length).toBeGreaterThan(2);
    expect(first.filter((s) => s === 200).length).toBeGreaterThan(2);
  });

  it('latency combines with another fault; the first other matching fault wins', async () => {
    const { sim, client } = inProcess();
    sim.inject([
      { kind: 'latency', ms: 1, count: 1 },
      { kind: 'error', status: 500, method: 'GET', count: 1 },
      { kind: 'error', status: 504, count: 1 },
    ]);
    expect((await client.api('GET', '/groups')).status).toBe(500);
    expect((await client.api('GET', '/groups')).status).toBe(504);
    expect(sim.journal().map((e) => e.fault)).toEqual(['error', 'error']);
  });

  it('path patterns: literal, * and :name segments, ** rest, percent-decoding', () => {
    expect(matchPattern('/api/subscribers', '/api/subscribers')).toBe(true);
    expect(matchPattern('/api/subscribers', '/api/subscribers/1')).toBe(false);
    expect(matchPattern('/api/subscribers/:id', '/api/subscribers/1')).toBe(true);
    expect(matchPattern('/api/*/1', '/api/groups/1')).toBe(true);
    expect(matchPattern('/api/**', '/api/v2/groups/1/subscribers')).toBe(true);
    expect(matchPattern('/api/subscribers/priya@example.com', '/api/subscribers/priya%40example.com')).toBe(true);
  });

  it('parseFault reports every problem of a bad fault', () => {
    expect(parseFault({ kind: 'latency', ms: 5, count: 1 })).toEqual({ ok: true, fault: { kind: 'latency', ms: 5, count: 1 } });
    const bad = parseFault({ kind: 'explode', status: 200, probability: 2, extra: true });
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.problems).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^extra: unknown key/),
          expect.stringMatching(/^kind: expected one of/),
          expect.stringMatching(/^probability:/),
          expect.stringMatching(/^status: expected a status from 500 to 599/),
        ]),
      );
    }
    expect(parseFault({ kind: 'latency' })).toEqual({ ok: false, problems: ['ms: required for a latency fault, e.g. 250'] });
  });

  it('sim.fetch rejects on abort while the simulator still finishes the request', async () => {
    const { sim } = inProcess();
    sim.inject({ kind: 'latency', ms: 30, count: 1 });
    const controller = new AbortController();
    const pending = sim.fetch('http://sim.test/api/subscribers', {
      method: 'POST',
      signal: controller.signal,
      headers: { authorization: `Bearer ${sim.keys.new}`, 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'late@example.com' }),
    });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(sim.state.subscriber('new', 'late@example.com')).toBeDefined();
  });
});
