import { afterEach, describe, expect, it } from 'vitest';
import { vi } from 'vitest';
import type { RetryPolicy } from '../../plugin/generated/step-template.js';
import { send } from '../../plugin/http/send.js';
import type { JsonValue } from '../../plugin/json.js';
import type { OutgoingRequest } from '../../plugin/request/build.js';
import { drive, fakeSleep, useFakeClock } from './support/clock.js';
import { fakeMailerLite, type Exchange, type SeenRequest } from './support/fake-fetch.js';
import { readTable } from './support/tables.js';

/** A row of test/fixtures/send: a request, a policy, what MailerLite does in turn, and exactly what send reports. */
interface SendCase {
  name: string;
  request?: Partial<OutgoingRequest>;
  timeout_ms?: number;
  retry?: RetryPolicy;
  /** The jitter draw (default 0.5). */
  random?: number;
  /** The fake clock's start. */
  now?: string;
  script: Exchange[];
  expect: {
    kind: 'response' | 'timeout' | 'network';
    status?: number;
    body?: JsonValue;
    json?: boolean;
    headers?: Record<string, string>;
    message?: string;
    attempts: number;
    /** What the fake sleep was asked to wait, in order. */
    waits: number[];
    /** Time on the fake clock the send took (timeouts). */
    elapsed_ms?: number;
    /** The requests fetch received. */
    sent?: SeenRequest[];
  };
}

const LOOKUP: OutgoingRequest = {
  method: 'GET',
  url: 'https://connect.mailerlite.com/api/subscribers/priya@example.com',
  headers: { Authorization: 'Bearer ml-test-key-7f3a9c', Accept: 'application/json' },
  body: undefined,
};

afterEach(() => {
  vi.useRealTimers();
});

describe('send', () => {
  it.each(readTable<SendCase>('send'))('$file: $name', async (row) => {
    useFakeClock(row.now);
    const ml = fakeMailerLite(row.script);
    const { sleep, waits } = fakeSleep();
    const started = Date.now();
    const sent = await drive(
      send({ ...LOOKUP, ...row.request }, { fetch: ml.fetch, timeoutMs: row.timeout_ms, retry: row.retry, sleep, random: () => row.random ?? 0.5 }),
    );
    const elapsed = Date.now() - started;
    const { expect: want } = row;
    expect(ml.problems()).toEqual([]);
    expect(sent.kind).toBe(want.kind);
    expect(sent.attempts).toBe(want.attempts);
    expect(ml.requests).toHaveLength(want.attempts);
    expect(waits).toEqual(want.waits);
    if (want.elapsed_ms !== undefined) expect(elapsed).toBe(want.elapsed_ms);
    if (want.sent) expect(ml.requests).toEqual(want.sent);
    if (sent.kind === 'response') {
      expect(sent.response.status).toBe(want.status);
      if (want.body !== undefined) expect(sent.response.body).toEqual(want.body);
      if (want.json !== undefined) expect(sent.response.json).toBe(want.json);
      if (want.headers) expect(sent.response.headers).toEqual(want.headers);
    } else {
      expect(sent.message).toBe(want.message);
    }
  });
});
