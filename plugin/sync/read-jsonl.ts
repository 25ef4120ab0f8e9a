import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { UsageError } from '../errors.js';
import { fieldOf } from './columns.js';
import type { FieldMap } from './options.js';
import type { ContactField, ReadRow } from './types.js';

/**
 * Streams the rows of a JSON Lines file, in batches (the lines of each chunk read): one object per line, keys as in CSV headers
 * (`email`, `name`, `phone`, `opted_in_at`, or `--map`ped). A line that is not a JSON
 * object is an invalid row, not the end of the read. `onKey` sees every key of every
 * object with the field it means (none for keys sync does not read).
 *
 * @example
 * for await (const rows of jsonlRows(createReadStream('optins.jsonl'), new Map(), 'optins.jsonl')) for (const r of rows) console.log(r)
 */
export async function* jsonlRows(input: Readable, map: FieldMap, file: string, onKey?: (key: string, field: ContactField | undefined) => void): AsyncGenerator<ReadRow[]> {
  let line = 0;
  try {
    for await (const texts of lines(input)) {
      const rows: ReadRow[] = [];
      for (const rawText of texts) {
        line += 1;
        const text = line === 1 ? rawText.replace(/^\uFEFF/, '') : rawText;
        if (text.trim() !== '') rows.push(readLine(text, line, map, onKey));
      }
      if (rows.length > 0) yield rows;
    }
  } catch (error) {
    throw new UsageError(`${file}: cannot read: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** The lines of a byte stream (`\n` or `\r\n`), decoded as UTF-8, those of each chunk at once. */
async function* lines(input: Readable): AsyncGenerator<string[]> {
  const decoder = new StringDecoder('utf8');
  let rest = '';
  for await (const chunk of input as AsyncIterable<Buffer>) {
    const parts = (rest + decoder.write(chunk)).split('\n');
    rest = parts.pop() ?? '';
    yield parts.map((part) => (part.endsWith('\r') ? part.slice(0, -1) : part));
  }
  rest += decoder.end();
  if (rest !== '') yield [rest];
}

function readLine(text: string, line: number, map: FieldMap, onKey: ((key: string, field: ContactField | undefined) => void) | undefined): ReadRow {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return { kind: 'invalid', invalid: { line, reason: `not JSON (${why}); expected one object per line, e.g. {"email": "priya@example.com", "name": "Priya"}` } };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return { kind: 'invalid', invalid: { line, reason: `expected a JSON object such as {"email": "priya@example.com"}, got ${Array.isArray(parsed) ? 'an array' : JSON.stringify(parsed)}` } };
  }
  const values: Partial<Record<ContactField, string>> = {};
  for (const [key, value] of Object.entries(parsed)) {
    const field = fieldOf(key, map);
    onKey?.(key, field);
    if (!field || value === null || value === undefined) continue;
    if (typeof value === 'object') {
      return { kind: 'invalid', invalid: { line, reason: `${key}: expected text, got ${Array.isArray(value) ? 'an array' : 'an object'}` } };
    }
    values[field] = String(value);
  }
  return { kind: 'row', row: { line, values } };
}
