import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { pipeline, Transform } from 'node:stream';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../errors.js';
import type { FieldMap } from './options.js';
import { csvRows } from './read-csv.js';
import { jsonlRows } from './read-jsonl.js';
import type { ReadRow } from './types.js';

/** The rows of an input file, streamed, and its SHA-256 once they have all been read. */
export interface InputRows {
  format: 'csv' | 'jsonl';
  rows: AsyncGenerator<ReadRow>;
  /** Hex SHA-256 of the bytes read; complete after `rows` is exhausted. */
  sha256(): string;
}

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
 * Opens an input file for streaming: CSV with a header row, or JSON Lines. The file is
 * read once; its hash (recorded in the journal) is computed on the way.
 *
 * @example
 * const input = await openInput('optins.csv', new Map());
 * for await (const r of input.rows) if (r.kind === 'row') console.log(r.row.values.email);
 * input.sha256();
 */
export async function openInput(file: string, map: FieldMap): Promise<InputRows> {
  try {
    const info = await stat(file);
    if (!info.isFile()) throw new UsageError(`${file}: not a file; expected a CSV or JSON Lines file of contacts`);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`${file}: cannot read (${(error as NodeJS.ErrnoException).code ?? String(error)}); expected a CSV or JSON Lines file of contacts`);
  }
  const hash = createHash('sha256');
  const hashing = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      done(null, chunk);
    },
  });
  const stream = pipeline(createReadStream(file), hashing, () => {});
  const format = formatOf(file);
  const rows = format === 'jsonl' ? jsonlRows(stream, map, file) : csvRows(stream, map, file);
  let digest: string | undefined;
  return { format, rows, sha256: () => (digest ??= hash.digest('hex')) };
}

/**
 * SHA-256 of a file, streamed.
 *
 * @example
 * await fileSha256('optins.csv') // 'e3b0c442...'
 */
export async function fileSha256(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
