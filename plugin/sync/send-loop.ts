import type { FetchLike } from '../http/send.js';
import type { JournalWriter } from './journal.js';
import { classifyItem, groupMissing } from './outcome.js';
import type { Clock, Pacer } from './pace.js';
import type { Strategy } from './plan.js';
import { SendQueue, type Pending } from './queue.js';
import type { BatchRequests } from './requests.js';
import { sendBatch, type BatchAnswer } from './send-batch.js';
import type { ItemResult } from './types.js';

/** What the loop needs: the contacts, how to build and pace requests, where to journal. */
export interface LoopInput {
  /** The contacts to send, pulled as batches need them. */
  pending: AsyncIterator<Pending>;
  strategy: Strategy;
  requests: BatchRequests;
  fetch: FetchLike;
  pacer: Pacer;
  journal: JournalWriter | undefined;
  /** Number of the first batch (continues a resumed journal). */
  firstBatch: number;
  concurrency: number;
  maxAttempts: number;
  backoffMs: { base: number; max: number };
  timeoutMs: number;
  clock: Clock;
  random: () => number;
  /** Called with the contacts of a batch that got a final result, and those results. */
  onSettled(settled: Array<{ pending: Pending; result: ItemResult }>): void;
  /** Aborted to stop the loop (Ctrl-C): no new batch goes out; batches in flight finish. */
  stop?: AbortSignal;
}

/** What the loop did (the results themselves went to `onSettled`). */
export interface LoopResult {
  /** Contacts that got a final result. */
  settled: number;
  /** Batch requests sent (including retries). */
  requests: number;
  /** Contact attempts that had to be repeated. */
  retried: number;
  /** Set when the key was refused and the run stopped. */
  fatal?: string;
  /** True when the loop stopped because a stop was asked for. */
  stopped?: boolean;
}

/**
 * Sends every pending contact in batches, at most `concurrency` in flight, paced by the
 * pacer. Each batch is journaled as `sent` (before) and `done` (after, with per-item
 * results). Items answered 429/5xx, and whole batches without an answer, go back to the
 * queue with backoff until `maxAttempts`, then count as failed. Contacts are pulled from
 * `pending` a batch at a time, so a file of any size costs the same memory.
 *
 * @example
 * const { results } = await sendAll({ pending, strategy, requests, fetch, pacer, journal, firstBatch: 1, ... });
 */
export async function sendAll(input: LoopInput): Promise<LoopResult> {
  const { strategy, clock } = input;
  const queue = new SendQueue(input.pending);
  const out: LoopResult = { settled: 0, requests: 0, retried: 0 };
  const inFlight = new Set<Promise<void>>();
  let batchNo = input.firstBatch - 1;
  /** An error that is not MailerLite's (the journal cannot be written): stop, then throw it. */
  let broken: { error: unknown } | undefined;

  const settle = (p: Pending, result: ItemResult): ItemResult => {
    if (result.outcome !== 'retry') return result;
    p.attempts += 1;
    if (p.attempts >= input.maxAttempts) return { ...result, outcome: 'failed', message: `gave up after ${p.attempts} attempts; last: ${result.message ?? `HTTP ${result.status}`}` };
    out.retried += 1;
    const backoff = result.status === 429 ? 0 : input.random() * Math.min(input.backoffMs.max, input.backoffMs.base * 2 ** (p.attempts - 1));
    p.notBefore = clock.now() + backoff;
    queue.retry(p);
    return result;
  };

  const run = async (batch: Pending[], number: number): Promise<void> => {
    const emails = batch.map((p) => p.email);
    await input.journal?.append({ type: 'sent', batch: number, emails, at: new Date().toISOString() });
    const built = input.requests.batch(batch.map((p) => p.item));
    out.requests += 1;
    const answer = await sendBatch(input.fetch, built.outgoing, batch.length + (strategy.filler ? 1 : 0), strategy.api, input.timeoutMs);
    if (answer.kind !== 'fatal') input.pacer.observe(answer.kind === 'items' ? 200 : (answer.status ?? 0), answer.headers);
    if (answer.kind === 'fatal') out.fatal ??= answer.reason;
    const missing = answer.kind === 'items' ? answer.items.slice(0, batch.length).find(groupMissing) : undefined;
    const why = missing && `the group does not exist (HTTP ${missing.status}: ${JSON.stringify(missing.body)}); check --group`;
    if (why) out.fatal ??= why;
    const results = batch.map((p, i) =>
      why ? { email: p.email, outcome: 'failed' as const, status: missing!.status, message: why } : settle(p, resultOf(input, answer, p.email, i)),
    );
    await input.journal?.append({ type: 'done', batch: number, results, at: new Date().toISOString() });
    const settled = batch.flatMap((pending, i) => (results[i]!.outcome === 'retry' ? [] : [{ pending, result: results[i]! }]));
    out.settled += settled.length;
    input.onSettled(settled);
  };

  const track = (promise: Promise<void>): void => {
    const tracked = promise.finally(() => inFlight.delete(tracked));
    inFlight.add(tracked);
  };

  const stopSignal = input.stop;
  /**
   * Waits for `promise`, or for a stop if one comes first. (Not `Promise.race` with one
   * promise that lives as long as the run: each race would leave a reaction on it, and a
   * run of twenty thousand batches would keep them all.)
   */
  const orStop = (promise: Promise<unknown>): Promise<unknown> => {
    if (!stopSignal) return promise;
    if (stopSignal.aborted) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const onStop = (): void => resolve(undefined);
      stopSignal.addEventListener('abort', onStop, { once: true });
      promise.then(
        (value) => {
          stopSignal.removeEventListener('abort', onStop);
          resolve(value);
        },
        (error: unknown) => {
          stopSignal.removeEventListener('abort', onStop);
          reject(error);
        },
      );
    });
  };
  const stop = (): boolean => {
    if (stopSignal?.aborted) out.stopped = true;
    return Boolean(out.fatal || broken || out.stopped);
  };
  while (!stop()) {
    if (inFlight.size >= input.concurrency) {
      await Promise.race(inFlight);
      continue;
    }
    try {
      await queue.fill(strategy.contactsPerBatch);
    } catch (error) {
      broken ??= { error };
      break;
    }
    if (!queue.ready(clock.now())) {
      if (queue.empty && inFlight.size === 0) break;
      const at = queue.nextReadyAt();
      const waits: Array<Promise<unknown>> = [...inFlight];
      if (at !== undefined) waits.push(clock.sleep(at - clock.now()));
      await orStop(Promise.race(waits));
      continue;
    }
    // A pause for a 429 can be long: a stop must not wait for it.
    await orStop(input.pacer.acquire());
    if (stop()) break;
    const batch = queue.take(strategy.contactsPerBatch, clock.now());
    if (batch.length > 0) track(run(batch, ++batchNo).catch((error: unknown) => void (broken ??= { error })));
  }
  await Promise.all(inFlight);
  if (broken) throw broken.error;
  return out;
}

function resultOf(input: LoopInput, answer: BatchAnswer, email: string, index: number): ItemResult {
  switch (answer.kind) {
    case 'items': {
      const item = answer.items[index]!;
      return { email, status: item.status, ...classifyItem(input.requests.template, item) };
    }
    case 'retry':
      return { email, outcome: 'retry', ...(answer.status === undefined ? {} : { status: answer.status }), message: answer.reason };
    case 'fatal':
    case 'rejected':
      return { email, outcome: 'failed', status: answer.status, message: answer.reason };
  }
}
