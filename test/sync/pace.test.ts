import { describe, expect, test } from 'vitest';
import { Pacer, planSync, strategyFor, waitMs, type Clock } from '../../plugin/sync/index.js';

/** A clock that only moves when someone sleeps (or a test says so). */
function fakeClock(): Clock & { t: number } {
  const clock = {
    t: 0,
    now: () => clock.t,
    sleep: async (ms: number) => {
      clock.t += Math.max(0, ms);
    },
  };
  return clock;
}

async function slots(pacer: Pacer, clock: { t: number }, n: number): Promise<number[]> {
  const at: number[] = [];
  for (let i = 0; i < n; i++) {
    await pacer.acquire();
    at.push(clock.t);
  }
  return at;
}

describe('pacing', () => {
  test('requests are spread evenly: 120 per minute is one every 500 ms, from the first', async () => {
    const clock = fakeClock();
    const pacer = new Pacer(120, 60_000, clock);
    expect(await slots(pacer, clock, 4)).toEqual([0, 500, 1000, 1500]);
  });

  test('no minute ever holds more than the limit', async () => {
    const clock = fakeClock();
    const pacer = new Pacer(120, 60_000, clock);
    const at = await slots(pacer, clock, 400);
    for (let i = 0; i + 120 < at.length; i++) expect(at[i + 120]! - at[i]!).toBeGreaterThanOrEqual(60_000);
  });

  test('a timer that fires late does not make the whole run drift', async () => {
    const clock = fakeClock();
    const late: Clock = { now: clock.now, sleep: (ms) => clock.sleep(ms + 100) };
    const pacer = new Pacer(120, 60_000, late);
    expect(await slots(pacer, clock, 5)).toEqual([0, 600, 1100, 1600, 2100]);
  });

  test('idle time is not banked as a burst', async () => {
    const clock = fakeClock();
    const pacer = new Pacer(120, 60_000, clock);
    await pacer.acquire();
    clock.t = 10_000;
    expect(await slots(pacer, clock, 3)).toEqual([10_000, 10_500, 11_000]);
  });

  test('a 429 pauses everything for Retry-After', async () => {
    const clock = fakeClock();
    const pacer = new Pacer(120, 60_000, clock);
    await pacer.acquire();
    pacer.observe(429, { 'retry-after': '7', 'x-ratelimit-remaining': '0' });
    expect(await slots(pacer, clock, 2)).toEqual([7000, 7500]);
    expect(pacer.rateLimited).toBe(1);
  });

  test('X-RateLimit-Limit sets the rate; Remaining 0 holds the next request back a slot', async () => {
    const clock = fakeClock();
    const pacer = new Pacer(120, 60_000, clock);
    await pacer.acquire();
    pacer.observe(200, { 'x-ratelimit-limit': '60', 'x-ratelimit-remaining': '12' });
    expect(pacer.rate).toBe(60);
    expect(await slots(pacer, clock, 1)).toEqual([500]);
    expect(await slots(pacer, clock, 1)).toEqual([1500]);
    pacer.observe(200, { 'x-ratelimit-remaining': '0' });
    expect(await slots(pacer, clock, 1)).toEqual([2500]);
  });

  test.each([
    [{ 'x-sim-retry-after-ms': '37', 'retry-after': '1' }, 37],
    [{ 'retry-after': '2' }, 2000],
    [{ 'x-ratelimit-retry-after': '3' }, 3000],
    [{}, 500],
  ])('the wait a 429 asks for: %j → %d ms', (headers, ms) => {
    expect(waitMs(headers, 500)).toBe(ms);
  });
});

describe('planning', () => {
  test('new API: 49 contacts per batch at 120 per minute', () => {
    expect(planSync(10_000, strategyFor('new'), 1)).toEqual({
      toSend: 10_000,
      batches: 205,
      lookups: 1,
      estimatedMs: 103_000,
      boundPerMinute: 5880,
      oneByOnePerMinute: 120,
    });
  });

  test('classic API: 50 per batch at 60 per minute', () => {
    expect(planSync(1000, strategyFor('classic'), 0, 1000)).toMatchObject({ batches: 20, estimatedMs: 333, boundPerMinute: 3000, oneByOnePerMinute: 60 });
  });
});
