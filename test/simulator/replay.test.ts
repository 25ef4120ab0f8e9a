import { describe, expect, it } from 'vitest';
import { createSimulator, type Seed } from '../../plugin/simulator/index.js';
import { listFixtures, loadCassette, loadTape, type Exchange } from './helpers/recordings.js';
import { shapeDifferences } from './helpers/shape.js';
import { CASSETTE_SEEDS, TAPE_SEEDS } from './replay-seeds.js';

/**
 * Replays every recorded production exchange on the endpoints the simulator serves and
 * checks that it answers with the same status, the same body shape (keys and value types,
 * recursively; ids, dates and names may differ) and the same presence of the headers
 * clients look at. Each recording runs on a fresh simulator seeded with the state the
 * recording assumes (replay-seeds.ts); multi-step cassettes run in order.
 *
 * Deliberately not replayed, and why:
 * - python `subscribers-get-import.yml` (GET /subscribers/import/{id}): import reports are
 *   not simulated (not copied into the fixtures).
 * - nodejs `batch/test-POST-28.json5`, third item (GET /api/forms/popup): forms are not
 *   simulated; the batch is replayed with its first two items (the field-name 422s) and
 *   compared against the first two recorded responses.
 * - python `groups-import-subscribers.yml` is replayed with a wrong key: the recording is
 *   a 401 (the SDK test ran without a valid key), which is what it documents.
 */

const HEADERS = ['content-type', 'cache-control', 'x-locale', 'x-ratelimit-limit', 'x-ratelimit-remaining', 'access-control-allow-origin'];

interface Replay {
  exchanges: Exchange[];
  seed: Seed;
  wrongKey?: boolean;
}

function adjust(file: string, exchange: Exchange): Exchange {
  if (file !== 'batch/test-POST-28.json5') return exchange;
  const body = exchange.body as { requests: unknown[] };
  const response = exchange.response as { responses: unknown[] };
  return { ...exchange, body: { requests: body.requests.slice(0, 2) }, response: { ...response, responses: response.responses.slice(0, 2) } };
}

async function replay({ exchanges, seed, wrongKey }: Replay): Promise<void> {
  const sim = createSimulator({ seed });
  for (const exchange of exchanges) {
    const headers: Record<string, string> = { authorization: `Bearer ${wrongKey ? 'expired-key' : sim.keys.new}`, accept: 'application/json' };
    const init: RequestInit = { method: exchange.method, headers };
    if (exchange.body !== undefined && exchange.body !== null) {
      init.body = JSON.stringify(exchange.body);
      headers['content-type'] = 'application/json';
    }
    const res = await sim.fetch(`http://127.0.0.1:9090${exchange.url}`, init);
    const text = await res.text();
    const label = `${exchange.method} ${exchange.url}`;
    expect(res.status, label).toBe(exchange.status);
    expect(shapeDifferences(exchange.response, text === '' ? null : JSON.parse(text)), label).toEqual([]);
    for (const name of HEADERS) expect(res.headers.has(name), `${label}: header ${name}`).toBe(name in exchange.headers);
  }
}

describe('replay: nodejs SDK tapes (recorded 2024-08-13)', () => {
  const files = listFixtures('nodejs-sdk-tapes');
  it('covers every tape', () => expect(files.sort()).toEqual(Object.keys(TAPE_SEEDS).sort()));
  for (const file of files) {
    it(file, async () => {
      await replay({ exchanges: [adjust(file, loadTape(file))], seed: TAPE_SEEDS[file]! });
    });
  }
});

describe('replay: python SDK cassettes (recorded 2025-09-19)', () => {
  const files = listFixtures('python-sdk-cassettes');
  it('covers every cassette', () => expect(files.sort()).toEqual(Object.keys(CASSETTE_SEEDS).sort()));
  for (const file of files) {
    it(file, async () => {
      await replay({ exchanges: loadCassette(file), seed: CASSETTE_SEEDS[file]!, wrongKey: file === 'groups-import-subscribers.yml' });
    });
  }
});

describe('shapeDifferences (the replay comparator)', () => {
  it('ignores values, reports missing/extra keys and type changes', () => {
    expect(shapeDifferences({ id: '1', n: 2 }, { id: '9', n: 5 })).toEqual([]);
    expect(shapeDifferences({ id: '1', n: 2 }, { id: 1, extra: true })).toEqual(['/n: missing (recorded)', '/id: recorded string, got number', '/extra: not in the recording']);
  });

  it('lets array elements vary within what the recording shows', () => {
    const recorded = { data: [{ ip: null }, { ip: '1.1.1.1' }], groups: [] };
    expect(shapeDifferences(recorded, { data: [{ ip: '2.2.2.2' }, { ip: null }], groups: [] })).toEqual([]);
    expect(shapeDifferences(recorded, { data: [{ ip: 3 }], groups: [{ id: '1' }] })).toEqual(['/data/0/ip: recorded null|string, got number', '/groups: non-empty, recorded empty']);
  });
});
