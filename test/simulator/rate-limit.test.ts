import { describe, expect, it } from 'vitest';
import { inProcess, manualClock } from './helpers/sim.js';

const upsert = (email: string) => ({ method: 'POST', path: 'api/subscribers', body: { email } });

describe('rate limits (new API)', () => {
  it('allows 120 requests per window, then 429 with Retry-After and the exact wait in ms', async () => {
    const clock = manualClock();
    const { client } = inProcess({ clock: clock.read });
    for (let i = 0; i < 120; i += 1) {
      const res = await client.api('GET', '/groups');
      expect(res.headers['x-ratelimit-remaining']).toBe(String(119 - i));
    }
    clock.advance(15_250);
    const limited = await client.api('GET', '/groups');
    expect(limited.status).toBe(429);
    expect(limited.body).toEqual({ message: 'Too Many Attempts.' });
    expect(limited.headers).toMatchObject({ 'x-ratelimit-limit': '120', 'x-ratelimit-remaining': '0', 'retry-after': '45', 'x-sim-retry-after-ms': '44750' });
    clock.advance(44_750);
    const again = await client.api('GET', '/groups');
    expect(again.status).toBe(200);
    expect(again.headers['x-ratelimit-remaining']).toBe('119');
  });

  it('a short minuteMs shrinks the window; Retry-After is at least 1 second, the ms header exact', async () => {
    const clock = manualClock();
    const { client } = inProcess({ clock: clock.read, minuteMs: 500, limits: { requests: 2 } });
    await client.api('GET', '/groups');
    await client.api('GET', '/groups');
    clock.advance(200);
    const limited = await client.api('GET', '/groups');
    expect(limited.headers['retry-after']).toBe('1');
    expect(limited.headers['x-sim-retry-after-ms']).toBe('300');
    clock.advance(300);
    expect((await client.api('GET', '/groups')).status).toBe(200);
  });

  it('401s do not spend the budget; a batch spends one request', async () => {
    const { client } = inProcess();
    await client.api('GET', '/groups', undefined, 'wrong');
    const first = await client.api('GET', '/groups');
    expect(first.headers['x-ratelimit-remaining']).toBe('119');
    const batch = await client.api('POST', '/batch', { requests: Array.from({ length: 50 }, () => ({ method: 'GET', path: 'api/groups' })) });
    expect(batch.status).toBe(200);
    expect(batch.headers['x-ratelimit-remaining']).toBe('118');
  });

  it('all-upsert batches also count against 5 imports per window; other batches do not', async () => {
    const clock = manualClock();
    const { client, sim } = inProcess({ clock: clock.read });
    for (let i = 0; i < 5; i += 1) {
      expect((await client.api('POST', '/batch', { requests: [upsert(`a${i}@example.com`), upsert(`b${i}@example.com`)] })).status).toBe(200);
    }
    const mixed = await client.api('POST', '/batch', { requests: [upsert('c@example.com'), { method: 'GET', path: 'api/groups' }] });
    expect(mixed.status).toBe(200);
    clock.advance(1_000);
    const limited = await client.api('POST', '/batch', { requests: [upsert('d@example.com')] });
    expect(limited.status).toBe(429);
    expect(limited.body).toEqual({ message: "You're being rate limited on import creation." });
    expect(limited.headers).toMatchObject({ 'retry-after': '59', 'x-sim-retry-after-ms': '59000', 'x-ratelimit-remaining': '113' });
    expect(sim.state.subscriber('new', 'd@example.com')).toBeUndefined();
    expect((await client.api('POST', '/subscribers', { email: 'd@example.com' })).status).toBe(201);
  });
});

describe('rate limits (classic API)', () => {
  it('60 per window per endpoint, with the four classic headers', async () => {
    const clock = manualClock();
    const { client } = inProcess({ clock: clock.read });
    const first = await client.classic('GET', '/groups');
    expect(first.headers).toMatchObject({ 'x-ratelimit-limit': '60', 'x-ratelimit-remaining': '59', 'x-ratelimit-retry-after': '0' });
    expect(first.headers['x-ratelimit-reset']).toBe('2024-08-13T09:50:51Z');
    for (let i = 1; i < 60; i += 1) await client.classic('GET', '/groups');
    clock.advance(30_000);
    const limited = await client.classic('GET', '/groups');
    expect(limited.status).toBe(429);
    expect(limited.body).toEqual({ error: { code: 429, message: 'Too many requests' } });
    expect(limited.headers).toMatchObject({ 'x-ratelimit-remaining': '0', 'x-ratelimit-retry-after': '30', 'x-sim-retry-after-ms': '30000' });
    expect((await client.classic('GET', '/subscribers/nobody@example.com')).status).toBe(404);
  });
});
