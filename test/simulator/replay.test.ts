import { beforeAll, describe, expect, it } from 'vitest';
import { createSimulator, type Seed } from '../../plugin/simulator/index.js';
import { listFixtures, type Exchange } from './helpers/recordings.js';
import { nodejsRun, pythonRun } from './helpers/sessions.js';
import { manualClock } from './helpers/sim.js';
import { shapeDifferences } from './helpers/shape.js';
import { NODEJS_ACCOUNT, PYTHON_ACCOUNT } from './replay-seeds.js';

/**
 * Replays the recorded production traffic: each SDK's recorded run on one simulator,
 * seeded once with the account the run started from (replay-seeds.ts), every exchange in
 * the order production answered it (helpers/sessions.ts) with the simulator's clock set
 * to the recorded time. So state carries from one exchange to the next as it did in
 * production: the group created by one test is renamed by the next, the subscriber
 * deleted in `subscribers-delete.yml` is posted again in `subscribers-forget.yml`.
 *
 * Each answer must match the recording in status, body shape (keys, their order and value
 * types, recursively; values may differ), the presence of the headers clients look at,
 * and, for a single record (`{"data": {"id": ...}}`), its id.
 *
 * Not simulated, and so not replayed as recorded:
 * - nodejs `batch/test-POST-28.json5`, third item (GET /api/forms/popup): forms are not
 *   simulated; the batch is sent with its first two items (the field-name 422s) and
 *   compared with the first two recorded responses.
 * - python `subscribers-get-import.yml` (GET /subscribers/import/{id}): import reports are
 *   not simulated; the cassette is not among the fixtures.
 * A recorded 401 (`groups-import-subscribers.yml`: the SDK's test ran without a valid key)
 * is replayed with a key the simulator does not know.
 */

const HEADERS = ['content-type', 'cache-control', 'x-locale', 'x-ratelimit-limit', 'x-ratelimit-remaining', 'access-control-allow-origin'];

/** Exchanges sent in part, and why. */
const PARTIAL: Record<string, string> = { 'batch/test-POST-28.json5': 'its third item is a form list; forms are not simulated' };

/** What one replayed exchange got, against what was recorded. */
interface Replayed {
  exchange: Exchange;
  status: number;
  differences: string[];
}

function adjust(exchange: Exchange): Exchange {
  if (!(exchange.source in PARTIAL)) return exchange;
  const body = exchange.body as { requests: unknown[] };
  const response = exchange.response as { responses: unknown[] };
  return { ...exchange, body: { requests: body.requests.slice(0, 2) }, response: { ...response, responses: response.responses.slice(0, 2) } };
}

/** The id of a single record in a body (`{"data": {"id": ...}}`), if it is one. */
function singleId(body: unknown): unknown {
  if (typeof body !== 'object' || body === null || !('data' in body)) return undefined;
  const data = (body as { data: unknown }).data;
  return typeof data === 'object' && data !== null && !Array.isArray(data) && 'id' in data ? (data as { id: unknown }).id : undefined;
}

async function replayRun(run: Exchange[], seed: Seed): Promise<Replayed[]> {
  const clock = manualClock(run[0]!.recordedAt);
  const sim = createSimulator({ seed, clock: clock.read });
  const replayed: Replayed[] = [];
  for (const recorded of run) {
    const exchange = adjust(recorded);
    clock.now = exchange.recordedAt;
    const key = exchange.status === 401 ? 'expired-key' : sim.keys.new;
    const headers: Record<string, string> = { authorization: `Bearer ${key}`, accept: 'application/json' };
    const init: RequestInit = { method: exchange.method, headers };
    if (exchange.body !== undefined && exchange.body !== null) {
      init.body = JSON.stringify(exchange.body);
      headers['content-type'] = 'application/json';
    }
    const res = await sim.fetch(`http://127.0.0.1:9090${exchange.url}`, init);
    const text = await res.text();
    const body: unknown = text === '' ? null : JSON.parse(text);
    const differences = shapeDifferences(exchange.response, body);
    if (res.status !== exchange.status) differences.unshift(`status ${res.status}, recorded ${exchange.status}`);
    for (const name of HEADERS) {
      if (res.headers.has(name) !== name in exchange.headers) differences.push(`header ${name}: ${res.headers.has(name) ? 'sent' : 'missing'}, recorded ${name in exchange.headers ? 'sent' : 'not sent'}`);
    }
    const id = singleId(exchange.response);
    if (id !== undefined && singleId(body) !== id) differences.push(`data.id ${JSON.stringify(singleId(body))}, recorded ${JSON.stringify(id)}`);
    replayed.push({ exchange, status: res.status, differences });
  }
  return replayed;
}

function label(exchange: Exchange): string {
  return `${exchange.source}: ${exchange.method} ${exchange.url} → ${exchange.status}`;
}

const RUNS = [
  { name: 'nodejs SDK tapes (recorded 2024-08-13)', folder: 'nodejs-sdk-tapes' as const, run: nodejsRun(), seed: NODEJS_ACCOUNT, exchanges: 16 },
  { name: 'python SDK cassettes (recorded 2025-09-19)', folder: 'python-sdk-cassettes' as const, run: pythonRun(), seed: PYTHON_ACCOUNT, exchanges: 34 },
];

for (const { name, folder, run, seed, exchanges } of RUNS) {
  describe(`replay: ${name}, one simulator, in recorded order`, () => {
    let results: Replayed[] = [];
    beforeAll(async () => {
      results = await replayRun(run, seed);
    });

    it('covers every recorded exchange of every file', () => {
      expect(run).toHaveLength(exchanges);
      expect(new Set(run.map((e) => e.source.split('#')[0]))).toEqual(new Set(listFixtures(folder)));
    });

    run.forEach((exchange, i) => {
      it(label(exchange), () => expect(results[i]!.differences).toEqual([]));
    });
  });
}

describe('the recorded order', () => {
  it('python: the subscriber is created, updated, read, deleted, posted again (200, same id) and forgotten', () => {
    const steps = pythonRun()
      .filter((e) => e.url.includes('165968862226941797') || (e.url === '/api/subscribers' && JSON.stringify(e.body).includes('test5@')))
      .map((e) => `${e.method} ${e.status} ${e.source.split('#')[0]}`);
    expect(steps).toEqual([
      'POST 201 subscribers-create.yml',
      'POST 200 subscribers-update.yml',
      'GET 200 subscribers-get-id.yml',
      'DELETE 204 subscribers-delete.yml',
      'POST 200 subscribers-forget.yml',
      'POST 200 subscribers-forget.yml',
    ]);
  });

  it('nodejs: the field is created before the subscriber that lists it, and deleted before the update that no longer does', () => {
    const order = nodejsRun().map((e) => e.source);
    const at = (file: string) => order.indexOf(file);
    expect(at('fields/test-POST-7.json5')).toBeLessThan(at('subscribers/test-POST-16.json5'));
    expect(at('subscribers/test-POST-16.json5')).toBeLessThan(at('fields/test-DELETE-19.json5'));
    expect(at('fields/test-DELETE-19.json5')).toBeLessThan(at('subscribers/test-PUT-24.json5'));
  });
});

describe('shapeDifferences (the replay comparator)', () => {
  it('ignores values, reports missing/extra keys and type changes', () => {
    expect(shapeDifferences({ id: '1', n: 2 }, { id: '9', n: 5 })).toEqual([]);
    expect(shapeDifferences({ id: '1', n: 2 }, { id: 1, extra: true })).toEqual(['/n: missing (recorded)', '/id: recorded string, got number', '/extra: not in the recording']);
  });

  it('reports keys in another order than recorded', () => {
    expect(shapeDifferences({ data: { id: '1', email: 'a' } }, { data: { email: 'b', id: '2' } })).toEqual(['/data: keys in the order email, id; recorded id, email']);
  });

  it('lets array elements vary within what the recording shows', () => {
    const recorded = { data: [{ ip: null }, { ip: '1.1.1.1' }], groups: [] };
    expect(shapeDifferences(recorded, { data: [{ ip: '2.2.2.2' }, { ip: null }], groups: [] })).toEqual([]);
    expect(shapeDifferences(recorded, { data: [{ ip: 3 }], groups: [{ id: '1' }] })).toEqual(['/data/0/ip: recorded null|string, got number', '/groups: non-empty, recorded empty']);
  });
});
