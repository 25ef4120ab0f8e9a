import { createReadStream } from 'node:fs';
import { open, stat, truncate, type FileHandle } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { UsageError } from '../errors.js';
import { SETTLED, type FinalOutcome, type ItemResult } from './types.js';

/** The first line: what the journal is about. */
export interface JournalStart {
  type: 'start';
  version: 1;
  file: string;
  sha256: string;
  api: string;
  group: string;
  /** `live`, the --base-url origin, or `sim@<origin>` (embedded): a journal only resumes against the same. */
  target?: string;
  at: string;
}

/** One line of the journal (JSON Lines, append-only). */
export type JournalLine =
  | JournalStart
  | { type: 'resume'; at: string }
  /** Written and fsync'd before the batch goes out. */
  | { type: 'sent'; batch: number; emails: string[]; at: string }
  /** Written and fsync'd after the answer: one result per email of the batch. */
  | { type: 'done'; batch: number; results: ItemResult[]; at: string }
  | { type: 'end'; at: string; counts: Record<string, number> };

/** A recorded final answer for one contact (the email is the key it is filed under). */
export interface SettledResult {
  outcome: Exclude<FinalOutcome, 'failed'>;
  status?: number;
  message?: string;
}

/** What an earlier run recorded. */
export interface JournalState {
  start: JournalStart;
  /** Final answers by email: never sent again. */
  settled: Map<string, SettledResult>;
  /** Batches sent without a recorded answer (the run stopped while they were in flight). */
  unanswered: number;
  /** Emails in those batches. */
  inFlight: Set<string>;
  /** Highest batch number used. */
  lastBatch: number;
}

/** Answers that carry nothing but their outcome and status share one object, so a million of them cost only their keys. */
const PLAIN = new Map<string, SettledResult>();

function settledOf(result: ItemResult): SettledResult {
  const outcome = result.outcome as SettledResult['outcome'];
  if (result.message === undefined) {
    const key = `${outcome} ${result.status ?? ''}`;
    let shared = PLAIN.get(key);
    if (!shared) PLAIN.set(key, (shared = Object.freeze({ outcome, ...(result.status === undefined ? {} : { status: result.status }) })));
    return shared;
  }
  return { outcome, ...(result.status === undefined ? {} : { status: result.status }), message: result.message };
}

/**
 * Reads a journal line by line (a journal of a million contacts is never held as text).
 * A last line cut off by a kill is dropped; with `repair` (the caller holds the journal's
 * lock) it is also cut from the file, so appending starts on a clean line. Any other
 * unreadable line is an error with its line number.
 *
 * @example
 * const state = await readJournal('sync.journal.jsonl', { repair: true }); state.settled.size
 */
export async function readJournal(file: string, options: { repair?: boolean } = {}): Promise<JournalState> {
  const { size } = await stat(file);
  const cutOff = size > 0 && (await lastByte(file, size)) !== 0x0a;
  let start: JournalStart | undefined;
  const settled = new Map<string, SettledResult>();
  const open = new Map<number, string[]>();
  let lastBatch = 0;
  let number = 0;
  let completeBytes = 0;
  let pending: string | undefined;
  const take = (raw: string): void => {
    number += 1;
    const line = parseLine(raw, file, number);
    if (number === 1 && line.type !== 'start') throw new UsageError(`${file}:1: not a sync journal (expected a "start" line first)`);
    if (line.type === 'start') start = line;
    else if (line.type === 'sent') {
      open.set(line.batch, line.emails);
      lastBatch = Math.max(lastBatch, line.batch);
    } else if (line.type === 'done') {
      open.delete(line.batch);
      for (const result of line.results) if (SETTLED.has(result.outcome)) settled.set(result.email, settledOf(result));
    }
  };
  const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
  for await (const raw of lines) {
    // The line before the last is complete; the last is complete only if the file ends in "\n".
    if (pending !== undefined) {
      take(pending);
      completeBytes += Buffer.byteLength(pending) + 1;
    }
    pending = raw;
  }
  if (pending !== undefined && !cutOff) {
    take(pending);
    completeBytes += Buffer.byteLength(pending) + 1;
  }
  if (cutOff && options.repair) await truncate(file, completeBytes);
  if (!start) throw new UsageError(`${file}: empty journal; delete it to start a new run`);
  const inFlight = new Set([...open.values()].flat().filter((email) => !settled.has(email)));
  return { start, settled, unanswered: open.size, inFlight, lastBatch };
}

async function lastByte(file: string, size: number): Promise<number | undefined> {
  const handle = await open(file, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(1), 0, 1, size - 1);
    return bytesRead === 1 ? buffer[0] : undefined;
  } finally {
    await handle.close();
  }
}

function parseLine(raw: string, file: string, line: number): JournalLine {
  try {
    const value = JSON.parse(raw) as JournalLine;
    if (typeof value === 'object' && value !== null && typeof value.type === 'string') return value;
  } catch {
    // reported below
  }
  throw new UsageError(`${file}:${line}: not a journal line (the file was changed by hand?); expected JSON such as {"type":"done",...}`);
}

/**
 * Appends lines to a journal, each write followed by fdatasync, in the order asked.
 *
 * @example
 * const journal = await JournalWriter.open('sync.journal.jsonl');
 * await journal.append({ type: 'resume', at: new Date().toISOString() });
 * await journal.close();
 */
export class JournalWriter {
  private queue: Promise<void> = Promise.resolve();

  private constructor(
    private readonly handle: FileHandle,
    private readonly file: string,
  ) {}

  static async open(file: string): Promise<JournalWriter> {
    try {
      return new JournalWriter(await open(file, 'a'), file);
    } catch (error) {
      throw new UsageError(`--journal ${file}: cannot write (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
    }
  }

  /** Appends one line and waits until it is on disk. */
  append(line: JournalLine): Promise<void> {
    const text = JSON.stringify(line) + '\n';
    const write = this.queue.then(async () => {
      try {
        await this.handle.write(text);
        await this.handle.datasync();
      } catch (error) {
        throw new UsageError(`--journal ${this.file}: cannot write (${(error as NodeJS.ErrnoException).code ?? String(error)}); the run stopped, resume with the same --journal once it can be written`);
      }
    });
    this.queue = write.catch(() => {});
    return write;
  }

  async close(): Promise<void> {
    await this.queue;
    await this.handle.close();
  }
}
