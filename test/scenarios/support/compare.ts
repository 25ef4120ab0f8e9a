import { expect } from 'vitest';
import type { JsonValue } from '../../../plugin/json.js';
import type { JournalEntry, Simulator } from '../../../plugin/simulator/index.js';
import type { StepResult } from '../../../plugin/step/result.js';
import type { ExpectedRequest, ExpectedStep, StateCheck } from './scenario.js';

/**
 * Headers that Node's fetch (undici) adds on its own: they say nothing about the
 * template, so the golden files leave them out. Everything else is compared exactly.
 */
export const TRANSPORT_HEADERS: readonly string[] = ['host', 'connection', 'accept-language', 'sec-fetch-mode', 'user-agent', 'accept-encoding', 'content-length'];

/**
 * A journal entry as the golden files write it.
 *
 * @example
 * received(sim.journal()[0]!) // { method: 'GET', path: '/api/subscribers/priya@example.com', query: {}, headers: { authorization: 'Bearer [REDACTED]', accept: 'application/json' }, body: null, status: 404 }
 */
export function received(entry: JournalEntry): Omit<ExpectedRequest, 'raw_body'> {
  const headers = Object.fromEntries(Object.entries(entry.headers).filter(([name]) => !TRANSPORT_HEADERS.includes(name)));
  return {
    method: entry.method,
    path: entry.path,
    query: entry.query,
    headers,
    body: entry.body,
    status: entry.status,
    ...(entry.fault ? { fault: entry.fault } : {}),
  };
}

/**
 * Compares the journal with the expected requests, exactly (and raw bodies byte for byte).
 *
 * @example
 * checkRequests(sim.journal(), scenario.expect.requests);
 */
export function checkRequests(journal: JournalEntry[], expected: ExpectedRequest[]): void {
  const want = expected.map(({ raw_body: _raw, ...e }) => ({ query: {}, body: null, ...e }));
  expect(journal.map(received)).toEqual(want);
  expected.forEach((e, i) => {
    if (e.raw_body === undefined) return;
    const entry = journal[i]!;
    // The journal keeps the parsed body; its key order and the byte count pin the text.
    expect(entry.rawBody).toBe(e.raw_body);
    expect(entry.headers['content-length']).toBe(String(Buffer.byteLength(e.raw_body)));
  });
}

/**
 * Compares one step result with its expectation.
 *
 * @example
 * checkStep(result, { outcome: 'not_found', outputs: { subscriber_id: null }, attempts: 1 });
 */
export function checkStep(result: StepResult, expected: ExpectedStep): void {
  const got: Record<string, unknown> = { outcome: result.outcome, outputs: result.outputs };
  const want: Record<string, unknown> = { outcome: expected.outcome, outputs: expected.outputs };
  if (expected.template !== undefined) [got.template, want.template] = [result.template, expected.template];
  if (expected.inputs !== undefined) [got.inputs, want.inputs] = [result.inputs, expected.inputs];
  if (expected.attempts !== undefined) [got.attempts, want.attempts] = [result.attempts, expected.attempts];
  if (expected.response !== undefined) {
    got.response = result.response && { status: result.response.status, body: result.response.body };
    want.response = expected.response;
  }
  if (expected.error !== undefined) {
    got.error = result.error ? (expected.error?.message === undefined ? { kind: result.error.kind } : { kind: result.error.kind, message: result.error.message }) : null;
    want.error = expected.error;
  }
  expect(got).toEqual(want);
}

/**
 * Checks the simulator's data after a run.
 *
 * @example
 * checkState(sim, [{ api: 'new', subscriber: 'priya@example.com', match: { status: 'active' } }]);
 */
export function checkState(sim: Simulator, checks: StateCheck[] | undefined): void {
  for (const check of checks ?? []) {
    if ('count' in check) expect(sim.state.count(check.api), JSON.stringify(check)).toMatchObject(check.count);
    else if ('group' in check) expect(sim.state.group(check.api, check.group), `group ${check.group}`).toMatchObject(check.match);
    else if ('absent' in check) expect(sim.state.subscriber(check.api, check.subscriber), `subscriber ${check.subscriber}`).toBeUndefined();
    else expect(sim.state.subscriber(check.api, check.subscriber), `subscriber ${check.subscriber}`).toMatchObject(check.match);
  }
}

/**
 * Fails when a key of the simulator shows up anywhere in a result.
 *
 * @example
 * checkNoSecret(result, [sim.keys.new, sim.keys.classic]);
 */
export function checkNoSecret(result: unknown, keys: readonly string[]): void {
  const text = JSON.stringify(result as JsonValue);
  for (const key of keys) expect(text.includes(key), 'an API key leaked into the result').toBe(false);
}
