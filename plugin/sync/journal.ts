import { open, readFile, truncate, type FileHandle } from 'node:fs/promises';
import { UsageError } from '../errors.js';
import { SETTLED, type ItemResult } from './types.js';

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

/** What an earlier run recorded. */
export interface JournalState {
  start: JournalStart;
  /** Final answers by email: never sent again. */
  settled: Map<string, ItemResult>;
  /** Batches sent without a recorded answer (the run stopped while they were in flight). */
  unanswered: number;
  /** Emails in those batches. */
  inFlight: Set<string>;
  /** Highest batch number used. */
  lastBatch: number;
}

/**
 * Reads a journal. A last line cut off by a kill is dropped (and cut from the file, so
 * appending starts on a clean line); any other unreadable line is an error with its line.
 *
 * @example
 * const state = await readJournal('sync.journal.jsonl'); state.settled.size
 */
export async function readJournal(file: string): Promise<JournalState> {
  const text = await readFile(file, 'utf8');
  const complete = text.endsWith('\n') ? text : text.slice(0, text.lastIndexOf('\n') + 1);
  if (complete.length !== text.length) await truncate(file, Buffer.byteLength(complete));
  const lines = complete.split('\n').slice(0, -1);
  let start: JournalStart | undefined;
  const settled = new Map<string, ItemResult>();
  const open = new Map<number, string[]>();
  let lastBatch = 0;
  lines.forEach((raw, i) => {
    const line = parseLine(raw, file, i + 1);
    if (i === 0 && line.type !== 'start') throw new UsageError(`${file}:1: not a sync journal (expected a "start" line first)`);
    if (line.type === 'start') start = line;
    else if (line.type === 'sent') {
      open.set(line.batch, line.emails);
      lastBatch = Math.max(lastBatch, line.batch);
    } else if (line.type === 'done') {
      open.delete(line.batch);
      for (const result of line.results) if (SETTLED.has(result.outcome)) settled.set(result.email, result);
    }
  });
  if (!start) throw new UsageError(`${file}: empty journal; delete it to start a new run`);
  const inFlight = new Set([...open.values()].flat().filter((email) => !settled.has(email)));
  return { start, settled, unanswered: open.size, inFlight, lastBatch };
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
