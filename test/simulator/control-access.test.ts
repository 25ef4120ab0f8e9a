import { request } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../plugin/simulator/index.js';

/** A raw HTTP answer: fetch cannot set `Host`, node:http can. */
interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

function send(sim: Simulator, method: string, path: string, headers: Record<string, string>, body?: string): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: sim.port, method, path, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('control routes answer only to this machine', () => {
  let sim: Simulator;
  const own = () => ({ host: `127.0.0.1:${sim.port}` });

  beforeAll(async () => {
    sim = await startSimulator({ port: 0, seed: { scenario: 'priya-subscribed' } });
  });
  afterAll(() => sim.close());
  beforeEach(() => sim.reset());

  it('a foreign Host (DNS rebinding) gets 403 and none of the state', async () => {
    for (const host of ['evil.example', `evil.example:${0}`, 'attacker.test:80', '127.0.0.1:1', 'localhost']) {
      const res = await send(sim, 'GET', '/__sim/state', { host });
      expect(res.status, host).toBe(403);
      expect(res.text).not.toContain('priya@example.com');
      expect(res.text).not.toContain('+919820000001');
    }
  });

  it('loopback names with the server port are served', async () => {
    for (const host of [`127.0.0.1:${sim.port}`, `localhost:${sim.port}`, `LOCALHOST:${sim.port}`, `[::1]:${sim.port}`]) {
      const res = await send(sim, 'GET', '/__sim/state', { host });
      expect(res.status, host).toBe(200);
      expect(res.text).toContain('priya@example.com');
    }
  });

  it('a page on another site (or a sandboxed one) cannot reset, seed or read it', async () => {
    await fetch(`${sim.newApiBase}/subscribers`, {
      method: 'POST',
      headers: { authorization: `Bearer ${sim.keys.new}`, 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'sam@example.com' }),
    });
    for (const origin of ['https://evil.example', 'null', `http://127.0.0.1:${sim.port + 1}`]) {
      const reset = await send(sim, 'POST', '/__sim/reset', { ...own(), origin, 'content-type': 'text/plain' }, '{}');
      expect(reset.status, origin).toBe(403);
      const seed = await send(sim, 'POST', '/__sim/seed', { ...own(), origin, 'content-type': 'text/plain' }, '{"scenario":"rate-limited"}');
      expect(seed.status, origin).toBe(403);
      expect((await send(sim, 'GET', '/__sim/state', { ...own(), origin })).status, origin).toBe(403);
    }
    expect(sim.state.subscriber('new', 'sam@example.com')).toBeDefined();
    expect(sim.faults()).toEqual([]);
    const fromItself = await send(sim, 'POST', '/__sim/reset', { ...own(), origin: `http://localhost:${sim.port}` });
    expect(fromItself.status).toBe(200);
    expect(sim.state.subscriber('new', 'sam@example.com')).toBeUndefined();
  });

  it('no wildcard CORS on control answers or their preflight', async () => {
    const state = await send(sim, 'GET', '/__sim/state', own());
    expect(state.status).toBe(200);
    expect(state.headers['access-control-allow-origin']).toBeUndefined();
    const preflight = await send(sim, 'OPTIONS', '/__sim/state', { ...own(), origin: 'https://evil.example', 'access-control-request-method': 'GET' });
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    expect(preflight.headers['access-control-allow-methods']).toBeUndefined();
    const emptied = await send(sim, 'DELETE', '/__sim/journal', own());
    expect(emptied.status).toBe(204);
    expect(emptied.headers['access-control-allow-origin']).toBeUndefined();
  });

  it("API routes keep MailerLite's own headers, CORS included (as recorded)", async () => {
    const res = await send(sim, 'GET', '/api/groups', { ...own(), authorization: `Bearer ${sim.keys.new}`, origin: 'https://app.example' });
    expect(res.status).toBe(200);
    expect(res.headers).toMatchObject({
      'access-control-allow-origin': '*',
      'cache-control': 'no-cache, private',
      'content-type': 'application/json',
      'x-locale': 'en',
      'x-ratelimit-limit': '120',
    });
    const preflight = await send(sim, 'OPTIONS', '/api/subscribers', { ...own(), origin: 'https://app.example' });
    expect(preflight.headers['access-control-allow-origin']).toBe('*');
  });
});

describe('journal', () => {
  it('redacts a key passed as the api_key query parameter, like the key headers', async () => {
    const sim = await startSimulator({ port: 0 });
    try {
      await fetch(`${sim.classicApiBase}/groups?api_key=${sim.keys.classic}&limit=5`);
      await fetch(`${sim.newApiBase}/groups?API_KEY=${sim.keys.new}`, { headers: { authorization: `Bearer ${sim.keys.new}` } });
      const [classic, modern] = sim.journal();
      expect(classic!.query).toEqual({ api_key: '[REDACTED]', limit: '5' });
      expect(modern!.query).toEqual({ API_KEY: '[REDACTED]' });
      const control = await fetch(`${sim.url}/__sim/journal`);
      const text = await control.text();
      expect(text).not.toContain(sim.keys.classic);
      expect(text).not.toContain(sim.keys.new);
    } finally {
      await sim.close();
    }
  });
});
