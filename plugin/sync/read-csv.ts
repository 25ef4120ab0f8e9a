import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream';
import { parse, type CsvError } from 'csv-parse';
import { UsageError } from '../errors.js';
import { batchesOf } from './batches.js';
import { headerFields } from './columns.js';
import type { FieldMap } from './options.js';
import type { ContactField, ReadRow } from './types.js';

const NEWLINES = /\r\n|\r|\n/g;

/** Bytes read from the file at a time. */
const READ_BYTES = 16 * 1024;

/** A line break inside a value followed by what looks like the start of a row: an email, then a comma. */
const SWALLOWED_ROW = /[\r\n][ \t]*"?[^\s,"@]+@[^\s,"@]+"?[ \t]*,/;

/** A parsed record with where it ends: csv-parse's `info` (lines and bytes from where this parse started). */
interface Parsed {
  record: string[];
  info: { lines: number; bytes: number };
}

/**
 * Streams the rows of a CSV file with a header row, in batches (whatever the parser has
 * ready at once), in line order. A row with more fields than the
 * header is reported as invalid (a comma in an unquoted name shifts every column after
 * it); fewer fields are fine (trailing columns empty). A line that cannot be parsed (a
 * quote that is never closed, which would swallow the rest of the file; a stray quote) is
 * reported as an invalid row with its line, and reading starts again on the line after
 * it; so it does for a quoted value that runs over lines that look like rows (an email
 * then a comma) or leaves its row with too many fields: a quote left open pairs with the
 * next quote of the file and must not swallow the rows between.
 * `onHeader` gets the header's names and the field each column means.
 *
 * @example
 * for await (const rows of csvRows('optins.csv', new Map())) for (const r of rows) console.log(r)
 */
export async function* csvRows(
  file: string,
  map: FieldMap,
  onHeader?: (names: string[], fields: Array<ContactField | undefined>) => void,
): AsyncGenerator<ReadRow[]> {
  let fields: Array<ContactField | undefined> | undefined;
  /** Byte offset and line (before it) where the current parse starts. */
  let start = 0;
  let lineBase = 0;
  for (;;) {
    /** The first record csv-parse could not read, and how many records came before it. */
    let broken: { error: CsvError; records: number } | undefined;
    const parser = parse({
      bom: start === 0,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      skip_records_with_error: true,
      on_skip: (error) => {
        if (error && !broken) broken = { error, records: typeof error.records === 'number' ? error.records : 0 };
      },
    });
    // 16 KB reads: about 200 rows parsed at a time, short-lived enough to die young (64 KB
    // reads kept 800 alive at once and cost a million-row run 10 to 20 MB of peak memory).
    const stream = pipeline(createReadStream(file, { start, highWaterMark: READ_BYTES }), parser, () => {});
    /** Bytes and lines (from `start`) through the last record read. */
    let doneBytes = 0;
    let doneLines = 0;
    let consumed = 0;
    /** Set when reading must start again after the record that starts at `doneBytes`. */
    let restart: { reason: string } | undefined;
    try {
      for await (const records of batchesOf<Parsed>(stream)) {
        const rows: ReadRow[] = [];
        for (const { record, info } of records) {
          if (broken && consumed >= broken.records) break;
          consumed += 1;
          const spanned = record.reduce((n, field) => n + (field.match(NEWLINES)?.length ?? 0), 0);
          const line = lineBase + info.lines - spanned;
          if (!fields) {
            fields = headerFields(record, map, file);
            onHeader?.(record.map((h) => h.trim()), fields);
          } else if (spanned > 0 && (record.length > fields.length || record.some((field) => SWALLOWED_ROW.test(field)))) {
            // A quote opened in this row ran over the next lines: read them again as rows.
            restart = { reason: runsOver(spanned) };
            break;
          } else if (record.length > fields.length) {
            rows.push({ kind: 'invalid', invalid: { line, reason: `${record.length} fields but the header has ${fields.length}: quote values that hold a comma, e.g. "Sharma, Priya"` } });
          } else if (!record.every((field) => field.trim() === '')) {
            const values: Partial<Record<ContactField, string>> = {};
            record.forEach((value, i) => {
              const field = fields![i];
              if (field) values[field] = value;
            });
            rows.push({ kind: 'row', row: { line, values } });
          }
          doneBytes = info.bytes;
          doneLines = info.lines;
        }
        if (rows.length > 0) yield rows;
        if (restart || (broken && consumed >= broken.records)) break;
      }
    } catch (error) {
      if (error instanceof UsageError) throw error;
      throw new UsageError(`${file}: cannot read: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      stream.destroy();
    }
    const failed: { error: CsvError } | undefined = broken;
    const bad = restart || failed ? await lineAfterBlanks(file, start + doneBytes) : undefined;
    if (!restart && failed) {
      // Lines from this parse's start: the bad record's first, and the one the parser gave up on.
      const first = doneLines + bad!.blankLines + 1;
      const over = typeof failed.error.lines === 'number' && failed.error.code !== 'CSV_QUOTE_NOT_CLOSED' ? failed.error.lines - first : 0;
      restart = { reason: over > 0 ? runsOver(over) : `not readable as CSV: ${unreadable(failed.error)}` };
      if (!fields) throw new UsageError(`${file}:1: the header is not readable as CSV: ${over > 0 ? runsOver(over) : unreadable(failed.error)}`);
    }
    if (!restart || !bad) break;
    yield [{ kind: 'invalid', invalid: { line: lineBase + doneLines + bad.blankLines + 1, reason: restart.reason } }];
    if (bad.nextOffset === undefined) break;
    lineBase += doneLines + bad.blankLines + 1;
    start = bad.nextOffset;
  }
  if (!fields) throw new UsageError(`${file}: empty; expected a header row such as "email,name,phone,opted_in_at" and one row per contact`);
}

/** Why a line could not be parsed, for the report. */
function unreadable(error: CsvError): string {
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'a quote opened on this line is never closed; close it, or quote whole values (e.g. "Sharma, Priya")';
    case 'INVALID_OPENING_QUOTE':
    case 'CSV_INVALID_CLOSING_QUOTE':
      return 'a quote inside a value; quote the whole value and double the quotes inside it, e.g. "Priya ""P"" Sharma"';
    default:
      return error.message.replace(/ at line \d+.*$/, '');
  }
}

/** A quote opened on a line and closed (or tripped over) `lines` lines later. */
function runsOver(lines: number): string {
  return `a quote opened on this line runs over the next ${lines === 1 ? 'line' : `${lines} lines`}; close it, or quote whole values (e.g. "Sharma, Priya")`;
}

/**
 * From a byte offset at the start of a line: how many empty lines come first, and the
 * offset just after the line that follows them (undefined when that line ends the file).
 */
async function lineAfterBlanks(file: string, offset: number): Promise<{ blankLines: number; nextOffset: number | undefined }> {
  let blankLines = 0;
  let lineLength = 0;
  let afterCr = false;
  let position = offset;
  for await (const chunk of createReadStream(file, { start: offset }) as AsyncIterable<Buffer>) {
    for (const byte of chunk) {
      position += 1;
      if (afterCr) {
        afterCr = false;
        if (byte === 0x0a) continue;
      }
      if (byte === 0x0a || byte === 0x0d) {
        afterCr = byte === 0x0d;
        if (lineLength > 0) return { blankLines, nextOffset: afterCr ? await skipLf(file, position) : position };
        blankLines += 1;
        continue;
      }
      lineLength += 1;
    }
  }
  return { blankLines, nextOffset: undefined };
}

/** The offset after a `\n` that directly follows a `\r` ending at `position`. */
async function skipLf(file: string, position: number): Promise<number> {
  for await (const chunk of createReadStream(file, { start: position, end: position }) as AsyncIterable<Buffer>) {
    return chunk[0] === 0x0a ? position + 1 : position;
  }
  return position;
}
