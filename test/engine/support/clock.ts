import { vi } from 'vitest';

/** Waits recorded by the fake sleep, in order. */
export interface FakeSleep {
  sleep: (ms: number) => Promise<void>;
  waits: number[];
}

/**
 * A sleep that only records how long it was asked to wait, and returns at once.
 *
 * @example
 * const { sleep, waits } = fakeSleep();
 * await runStep(t, given, { ...env, sleep });
 * expect(waits).toEqual([2000]);
 */
export function fakeSleep(): FakeSleep {
  const waits: number[] = [];
  return { waits, sleep: async (ms) => void waits.push(ms) };
}

/** Fakes `setTimeout`, `clearTimeout` and `Date` (from `now`), leaving `setImmediate` real. */
export function useFakeClock(now: string | number = '2026-01-15T10:00:00Z'): void {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  vi.setSystemTime(new Date(now));
}

/**
 * Settles a promise under the fake clock: lets real I/O and promises run first, and
 * only when nothing else can happen moves the clock to the next timer (a timeout).
 * So a reply that arrives never races the timeout, and a hung request times out at
 * exactly its deadline, with no real waiting.
 *
 * @example
 * useFakeClock();
 * const sent = await drive(send(request, { fetch, timeoutMs: 10_000 }));
 */
export async function drive<T>(promise: Promise<T>): Promise<T> {
  let done = false;
  promise.then(
    () => (done = true),
    () => (done = true),
  );
  for (let round = 0; round < 10_000 && !done; round++) {
    for (let i = 0; i < 5 && !done; i++) await new Promise((resolve) => setImmediate(resolve));
    if (!done && vi.getTimerCount() > 0) await vi.advanceTimersToNextTimerAsync();
  }
  return promise;
}
