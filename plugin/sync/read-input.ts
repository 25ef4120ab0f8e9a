import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../errors.js';
import { unreadColumns, type UnreadColumn } from './columns.js';
import type { FieldMap } from './options.js';
import { csvRows } from './read-csv.js';
import { jsonlRows } from './read-jsonl.js';
import type { ContactField, ReadRow } from './types.js';

/** The rows of an input file, streamed, and the columns it does not read. */
export interface InputRows {
  format: 'csv' | 'jsonl';
  /** In line order, in batches. */
  rows: AsyncGenerator<ReadRow[]>;
  /** Columns (CSV header) or keys (JSON Lines, at most 50 names) no field is read from; complete after `rows`. */
  unread(): UnreadColumn[];
}

/** JSON Lines keys kept for the "not read" list: enough to name them, bounded for any file. */
const MAX_UNREAD_KEYS = 50;

/**
 * `jsonl` for `.jsonl` / `.ndjson` files, else `csv`.
 *
 * @example
 * formatOf('optins.ndjson') // 'jsonl'
 */
export function formatOf(file: string): 'csv' | 'jsonl' {
  return /\.(jsonl|ndjson)$/i.test(path.extname(file)) ? 'jsonl' : 'csv';
}

/**
 * What identifies a file's content cheaply between two reads: size and modification time.
 *
 * @example
 * const before = await fileStamp('optins.csv'); // { size: 1234, mtimeMs: 1736087400000 }
 */
export async function fileStamp(file: string): Promise<{ size: number; mtimeMs: number }> {
  try {
    const info = await stat(file);
    if (!info.isFile()) throw new UsageError(`${file}: not a file; expected a CSV or JSON Lines file of contacts`);
    return { size: info.size, mtimeMs: info.mtimeMs };
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`${file}: cannot read (${(error as NodeJS.ErrnoException).code ?? String(error)}); expected a CSV or JSON Lines file of contacts`);
  }
}

/**
 * Opens an input file for streaming: CSV with a header row, or JSON Lines. Nothing is
 * kept but the row being read.
 *
 * @example
 * const input = await openInput('optins.csv', new Map());
 * for await (const rows of input.rows) for (const r of rows) if (r.kind === 'row') console.log(r.row.values.email);
 */
export async function openInput(file: string, map: FieldMap): Promise<InputRows> {
  await fileStamp(file);
  const format = formatOf(file);
  let unread: UnreadColumn[] = [];
  if (format === 'csv') {
    const rows = csvRows(file, map, (names, fields) => (unread = unreadColumns(names, fields)));
    return { format, rows, unread: () => unread };
  }
  const read = new Set<ContactField>();
  const unmapped = new Set<string>();
  const onKey = (key: string, field: ContactField | undefined): void => {
    if (field) read.add(field);
    else if (unmapped.size < MAX_UNREAD_KEYS) unmapped.add(key);
  };
  const rows = jsonlRows(createReadStream(file), map, file, onKey);
  return {
    format,
    rows,
    unread: () => {
      const fields = [...read];
      return unreadColumns([...fields, ...unmapped], [...fields, ...[...unmapped].map(() => undefined)]);
    },
  };
}

/**
 * SHA-256 of a file, streamed.
 *
 * @example
 * await fileSha256('optins.csv') // 'e3b0c442...'
 */
export async function fileSha256(file: string): Promise<string> {
  const hash = createHash('sha256');
  try {
    for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  } catch (error) {
    throw new UsageError(`${file}: cannot read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  return hash.digest('hex');
}
