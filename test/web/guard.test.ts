import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiErrorBody, SimStatus } from '../../plugin/harness/web/index.js';
import { startHarness, type TestHarness } from './support.js';

let h: TestHarness;
let origin: string;

beforeAll(async () => {
  h = await startHarness();
  origin = new URL(h.url).origin;
});
afterAll(async () => {
  await h.close();
});

/** Seeds "Priya already subscribed" as the page would, so a refused reset is visible in the counts. */
async function seedPriya(): Promise<void> {
  const seeded = await h.post<SimStatus>('/api/sim/seed', { scenario: 'priya-subscribed' });
  expect(seeded.status).toBe(200);
  expect(h.target.simulator?.state.count('new').subscribers).toBe(1);
}

/** A POST as a browser form or another page would send it: chosen headers only, exactly. */
function rawPost(path: string, headers: Record<string, string>, body: string): Promise<{ status: number; body: ApiErrorBody }> {
  return new Promise((resolve, reject) => {
    const req = request(new URL(path, h.url), { method: 'POST', headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as ApiErrorBody }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('a request that changes something must come from the page itself', () => {
  it('refuses a text/plain reset from a sandboxed frame (Origin: null) and leaves the simulator as it was', async () => {
    await seedPriya();
    const answer = await h.post<ApiErrorBody>('/api/sim/reset', undefined, { raw: 'x', contentType: 'text/plain', origin: 'null' });
    expect(answer.status).toBe(403);
    expect(answer.body.error.message).toBe(`a request that changes something must come from this page (Origin: ${origin}); got Origin: null`);
    expect(h.target.simulator?.state.count('new').subscribers).toBe(1);
  });

  it('refuses a reset without an Origin header', async () => {
    await seedPriya();
    const answer = await h.post<ApiErrorBody>('/api/sim/reset', {}, { origin: null });
    expect(answer.status).toBe(403);
    expect(answer.body.error.message).toMatch(/got no Origin header$/);
    expect(h.target.simulator?.state.count('new').subscribers).toBe(1);
  });

  it('refuses a reset from its own origin sent as a form or text/plain (no JSON)', async () => {
    await seedPriya();
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/jsonp']) {
      const answer = await rawPost('/api/sim/reset', { host: new URL(h.url).host, origin, 'content-type': type }, '{}');
      expect(answer.status, type).toBe(415);
      expect(answer.body.error.message).toBe(`send the body as JSON with Content-Type: application/json (got Content-Type: ${type})`);
    }
    expect(h.target.simulator?.state.count('new').subscribers).toBe(1);
  });

  it.each([
    ['another scheme', () => origin.replace('http:', 'https:')],
    ['another port', () => `http://127.0.0.1:${Number(new URL(h.url).port) + 1}`],
    ['another site', () => 'https://evil.example'],
  ])('refuses run, seed and reset from %s', async (_what, other) => {
    await seedPriya();
    for (const [path, body] of [
      ['/api/sim/reset', {}],
      ['/api/sim/seed', { scenario: 'rate-limited' }],
      ['/api/run', { id: 'mailerlite.subscriber.lookup', vars: { customer_email: 'priya@example.com' } }],
    ] as const) {
      const answer = await h.post<ApiErrorBody>(path, body, { origin: other() });
      expect(answer.status, path).toBe(403);
      expect(answer.body.error.kind).toBe('forbidden');
    }
    expect(h.target.simulator?.state.count('new').subscribers).toBe(1);
    expect(h.target.simulator?.faults()).toEqual([]);
  });

  it('accepts the page own JSON request, at 127.0.0.1 and at localhost', async () => {
    await seedPriya();
    const reset = await h.post<SimStatus>('/api/sim/reset', {});
    expect(reset.status).toBe(200);
    expect(h.target.simulator?.state.count('new').subscribers).toBe(0);
    await seedPriya();
    const port = new URL(h.url).port;
    const local = await rawPost('/api/sim/reset', { host: `localhost:${port}`, origin: `http://localhost:${port}`, 'content-type': 'application/json; charset=utf-8' }, '{}');
    expect(local.status).toBe(200);
    expect(h.target.simulator?.state.count('new').subscribers).toBe(0);
  });
});
