import { ContactSet } from './dedupe.js';
import { normaliseRow } from './normalise.js';
import type { FieldMap } from './options.js';
import { openInput } from './read-input.js';
import type { Contact, InvalidRow } from './types.js';

/** Everything read from an input file, ready to plan. */
export interface LoadedInput {
  file: string;
  format: 'csv' | 'jsonl';
  sha256: string;
  /** Data rows read (header and blank lines not counted). */
  rows: number;
  /** Unique valid contacts, in order of first appearance. */
  contacts: Contact[];
  /** Rows merged into an earlier row with the same email. */
  merged: number;
  duplicates: Array<{ email: string; lines: number[] }>;
  /** Rows never sent, with their line and reason. */
  invalid: InvalidRow[];
}

/**
 * Streams an input file into unique, normalised contacts and the rows that cannot be
 * used (with their line numbers).
 *
 * @example
 * const input = await loadInput('optins.csv', new Map());
 * input.contacts.length; input.invalid; input.sha256
 */
export async function loadInput(file: string, map: FieldMap): Promise<LoadedInput> {
  const source = await openInput(file, map);
  const set = new ContactSet();
  const invalid: InvalidRow[] = [];
  let rows = 0;
  for await (const read of source.rows) {
    rows += 1;
    if (read.kind === 'invalid') {
      invalid.push(read.invalid);
      continue;
    }
    const normal = normaliseRow(read.row);
    if (normal.ok) set.add(normal.contact);
    else invalid.push(normal.invalid);
  }
  return {
    file,
    format: source.format,
    sha256: source.sha256(),
    rows,
    contacts: set.list(),
    merged: set.merged,
    duplicates: set.duplicates(),
    invalid,
  };
}
