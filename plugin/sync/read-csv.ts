import { pipeline, type Readable } from 'node:stream';
import { parse, type CsvError } from 'csv-parse';
import { UsageError } from '../errors.js';
import { headerFields } from './columns.js';
import type { FieldMap } from './options.js';
import type { ContactField, ReadRow } from './types.js';

const NEWLINES = /\r\n|\r|\n/g;

/**
 * Streams the rows of a CSV file with a header row. A row with more fields than the
 * header is reported as invalid (a comma in an unquoted name shifts every column after
 * it); fewer fields are fine (trailing columns empty). Broken quoting stops the read
 * with the line.
 *
 * @example
 * for await (const r of csvRows(createReadStream('optins.csv'), new Map(), 'optins.csv')) console.log(r)
 */
export async function* csvRows(input: Readable, map: FieldMap, file: string): AsyncGenerator<ReadRow> {
  const parser = pipeline(input, parse({ bom: true, info: true, relax_column_count: true, skip_empty_lines: true }), () => {});
  let fields: Array<ContactField | undefined> | undefined;
  try {
    for await (const entry of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      const { record, info } = entry;
      const line = info.lines - record.reduce((n, field) => n + (field.match(NEWLINES)?.length ?? 0), 0);
      if (!fields) {
        fields = headerFields(record, map, file);
        continue;
      }
      if (record.every((field) => field.trim() === '')) continue;
      if (record.length > fields.length) {
        yield { kind: 'invalid', invalid: { line, reason: `${record.length} fields but the header has ${fields.length}: quote values that hold a comma, e.g. "Sharma, Priya"` } };
        continue;
      }
      const values: Partial<Record<ContactField, string>> = {};
      record.forEach((value, i) => {
        const field = fields![i];
        if (field) values[field] = value;
      });
      yield { kind: 'row', row: { line, values } };
    }
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const csv = error as Partial<CsvError> & { lines?: number };
    if (csv.code) throw new UsageError(`${file}:${csv.lines ?? '?'}: not readable as CSV: ${csv.message ?? String(error)}`);
    throw new UsageError(`${file}: cannot read: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!fields) throw new UsageError(`${file}: empty; expected a header row such as "email,name,phone,opted_in_at" and one row per contact`);
}
