import { retryAfterMs } from '../http/retry-after.js';

/** Time and waiting, injectable for tests. */
export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

/**
 * Real time.
 *
 * @example
 * await realClock.sleep(10); realClock.now()
 */
export const realClock: Clock = {
  now: () => performance.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms))),
};

/**
 * Paces requests at the documented rate, evenly: one every `minuteMs / limit` ms, so a
 * minute never holds more than `limit` of ours and the bot's own requests still find
 * budget at any moment. The live headers correct it: `X-RateLimit-Limit` sets the rate,
 * `X-RateLimit-Remaining: 0` holds sending back a step, and a 429 pauses everything for
 * `Retry-After` (or the simulator-only `X-Sim-Retry-After-Ms`, exact to the millisecond).
 *
 * @example
 * const pacer = new Pacer(120, 60_000);
 * await pacer.acquire();            // resolves at the next free slot
 * pacer.observe(429, { 'retry-after': '3' }); // the next acquire waits 3 s
 */
export class Pacer {
  private interval: number;
  private nextAt = -Infinity;
  private pausedUntil = -Infinity;
  /** 429 answers seen. */
  rateLimited = 0;

  constructor(
    private limit: number,
    private readonly minuteMs: number,
    private readonly clock: Clock = realClock,
  ) {
    this.interval = minuteMs / limit;
  }

  /** Requests per minute currently paced at. */
  get rate(): number {
    return this.limit;
  }

  /** Waits for the next slot and takes it. */
  async acquire(): Promise<void> {
    for (;;) {
      const now = this.clock.now();
      const at = Math.max(this.nextAt, this.pausedUntil);
      if (at <= now) {
        // Keep the schedule when a timer fired a little late (up to half a slot), but
        // never bank idle time as a burst: after a pause the schedule restarts now.
        const slot = this.nextAt >= now - this.interval / 2 ? this.nextAt : now;
        this.nextAt = slot + this.interval;
        return;
      }
      await this.clock.sleep(at - now);
    }
  }

  /** Learns from one response's status and headers (names lower-cased). */
  observe(status: number, headers: Record<string, string>): void {
    const limit = Number(headers['x-ratelimit-limit']);
    if (Number.isSafeInteger(limit) && limit > 0 && limit !== this.limit) {
      this.limit = limit;
      this.interval = this.minuteMs / limit;
    }
    const now = this.clock.now();
    if (status === 429) {
      this.rateLimited += 1;
      this.pause(now + waitMs(headers, this.interval));
    } else if (headers['x-ratelimit-remaining'] === '0') {
      this.pause(now + this.interval);
    }
  }

  /** Holds every request back until `until` (a clock time). */
  pause(until: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, until);
  }
}

/**
 * How long a 429 asks to wait: the simulator's exact `X-Sim-Retry-After-Ms`, else
 * `Retry-After` (seconds or a date), else classic's `X-RateLimit-Retry-After` (seconds), else `fallback`.
 *
 * @example
 * waitMs({ 'retry-after': '2' }, 500) // 2000
 */
export function waitMs(headers: Record<string, string>, fallback: number): number {
  const sim = Number(headers['x-sim-retry-after-ms']);
  if (headers['x-sim-retry-after-ms'] !== undefined && Number.isFinite(sim) && sim >= 0) return sim;
  const asked = retryAfterMs(headers['retry-after']) ?? retryAfterMs(headers['x-ratelimit-retry-after']);
  return asked ?? fallback;
}
