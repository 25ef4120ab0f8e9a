import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { UsageError } from '../../plugin/errors.js';
import { JournalWriter, readJournal, type JournalLine } from '../../plugin/sync/index.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'sync-journal-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const at = '2026-01-05T14:30:00.000Z';
const start: JournalLine = { type: 'start', version: 1, file: 'optins.csv', sha256: 'ab'.repeat(32), api: 'new', group: '123456789', at };

async function journalOf(lines: JournalLine[], tail = ''): Promise<string> {
  const file = path.join(dir, `j-${Math.random().toString(36).slice(2)}.jsonl`);
  const writer = await JournalWriter.open(file);
  for (const line of lines) await writer.append(line);
  await writer.close();
  if (tail) await writeFile(file, (await readFile(file, 'utf8')) + tail);
  return file;
}

describe('the journal', () => {
  test('settled results are never sent again; failed ones and unanswered batches are', async () => {
    const file = await journalOf([
      start,
      { type: 'sent', batch: 1, emails: ['a@x.com', 'b@x.com', 'c@x.com'], at },
      { type: 'sent', batch: 2, emails: ['d@x.com', 'e@x.com'], at },
      {
        type: 'done',
        batch: 1,
        results: [
          { email: 'a@x.com', outcome: 'created', status: 201 },
          { email: 'b@x.com', outcome: 'cannot_resubscribe', status: 422, message: 'email: This subscriber is unsubscribed and cannot be imported' },
          { email: 'c@x.com', outcome: 'retry', status: 503, message: 'HTTP 503' },
        ],
        at,
      },
      { type: 'sent', batch: 3, emails: ['c@x.com'], at },
      { type: 'done', batch: 3, results: [{ email: 'c@x.com', outcome: 'failed', message: 'gave up after 6 attempts' }], at },
    ]);
    const state = await readJournal(file);
    expect(state.start).toEqual(start);
    expect([...state.settled.keys()]).toEqual(['a@x.com', 'b@x.com']);
    expect([...state.inFlight]).toEqual(['d@x.com', 'e@x.com']);
    expect(state.unanswered).toBe(1);
    expect(state.lastBatch).toBe(3);
  });

  test('a last line cut off by a kill is dropped and cut from the file, so appending starts clean', async () => {
    const file = await journalOf([start, { type: 'sent', batch: 1, emails: ['a@x.com'], at }], '{"type":"done","batch":1,"res');
    const before = await readFile(file, 'utf8');
    // A reader that does not hold the journal (a dry run) leaves it as it is.
    expect([...(await readJournal(file)).inFlight]).toEqual(['a@x.com']);
    expect(await readFile(file, 'utf8')).toBe(before);
    const state = await readJournal(file, { repair: true });
    expect(state.settled.size).toBe(0);
    expect([...state.inFlight]).toEqual(['a@x.com']);
    expect((await readFile(file, 'utf8')).endsWith('"emails":["a@x.com"],"at":"2026-01-05T14:30:00.000Z"}\n')).toBe(true);
    const writer = await JournalWriter.open(file);
    await writer.append({ type: 'resume', at });
    await writer.close();
    expect((await readFile(file, 'utf8')).split('\n').slice(-2)).toEqual([`{"type":"resume","at":"${at}"}`, '']);
  });

  test('a damaged line in the middle is an error with its line number', async () => {
    const file = await journalOf([start], 'not json\n{"type":"resume","at":"x"}\n');
    const error = await readJournal(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toBe(`${file}:2: not a journal line (the file was changed by hand?); expected JSON such as {"type":"done",...}`);
  });

  test('a file that is not a journal is refused', async () => {
    const file = path.join(dir, 'optins.jsonl');
    await writeFile(file, '{"email":"a@x.com"}\n');
    await expect(readJournal(file)).rejects.toThrow(`${file}:1: not a journal line`);
    await writeFile(file, '{"type":"resume","at":"x"}\n');
    await expect(readJournal(file)).rejects.toThrow(`${file}:1: not a sync journal (expected a "start" line first)`);
  });
});
