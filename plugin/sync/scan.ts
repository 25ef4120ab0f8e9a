import type { UnreadColumn } from './columns.js';
import { Duplicates } from './duplicates.js';
import { EmailSet } from './email-set.js';
import { normaliseRow } from './normalise.js';
import type { FieldMap } from './options.js';
import { fileSha256, fileStamp, openInput } from './read-input.js';
import type { InvalidRow, RowWarning } from './types.js';

/** What a first read of the input found: the counts a plan needs, and the duplicates to merge. */
export interface InputScan {
  file: string;
  format: 'csv' | 'jsonl';
  sha256: string;
  /** Size and modification time when it was read: later reads check the file did not change. */
  stamp: { size: number; mtimeMs: number };
  /** Data rows read (header and blank lines not counted). */
  rows: number;
  /** Unique valid contacts. */
  contacts: number;
  /** Rows merged into an earlier row with the same email. */
  merged: number;
  /** Rows never sent (no usable email, or not readable). */
  invalidRows: number;
  /** Values left out of rows (the contacts still go). */
  warnings: number;
  /** The first invalid rows and warnings, in line order, for the plan. */
  firstInvalid: InvalidRow[];
  firstWarnings: RowWarning[];
  duplicates: Duplicates;
  /** Columns no field is read from, with the `--map` that would read each. */
  unread: UnreadColumn[];
}

/**
 * Reads the input once, streaming: counts rows, contacts, invalid rows and warnings, and
 * finds the emails that repeat. Only the emails seen so far are kept, compactly (to spot
 * repeats), and dropped at the end; the file's SHA-256 is read alongside.
 * `interrupted` is polled as it goes.
 *
 * @example
 * const scan = await scanInput('optins.csv', new Map()); scan.contacts; scan.duplicates.list()
 */
export async function scanInput(file: string, map: FieldMap, options: { shown?: number; interrupted?: () => boolean } = {}): Promise<InputScan> {
  const shown = options.shown ?? 10;
  const stamp = await fileStamp(file);
  const hashing = fileSha256(file);
  // A failed hash surfaces when awaited below; until then it must not be an unhandled rejection.
  hashing.catch(() => {});
  const source = await openInput(file, map);
  const seen = new EmailSet();
  const duplicates = new Duplicates();
  const scan = { rows: 0, invalidRows: 0, warnings: 0, firstInvalid: [] as InvalidRow[], firstWarnings: [] as RowWarning[] };
  for await (const reads of source.rows) {
    if (options.interrupted?.()) throw new Interrupted();
    for (const read of reads) {
      scan.rows += 1;
      const normal = read.kind === 'invalid' ? ({ ok: false, invalid: read.invalid } as const) : normaliseRow(read.row);
      if (!normal.ok) {
        scan.invalidRows += 1;
        if (scan.firstInvalid.length < shown) scan.firstInvalid.push(normal.invalid);
        continue;
      }
      const { contact, warnings } = normal;
      scan.warnings += warnings.length;
      for (const message of warnings) if (scan.firstWarnings.length < shown) scan.firstWarnings.push({ line: contact.line, email: contact.email, message });
      if (!seen.add(contact.email)) duplicates.addLater(contact);
    }
  }
  return {
    file,
    format: source.format,
    sha256: await hashing,
    stamp,
    ...scan,
    contacts: seen.size,
    merged: duplicates.merged,
    duplicates,
    unread: source.unread(),
  };
}

/**
 * Thrown by a read that was stopped by Ctrl-C.
 *
 * @example
 * if (error instanceof Interrupted) return 130;
 */
export class Interrupted extends Error {
  override name = 'Interrupted';
}
