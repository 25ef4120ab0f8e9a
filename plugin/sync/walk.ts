import { UsageError } from '../errors.js';
import { normaliseRow } from './normalise.js';
import type { FieldMap } from './options.js';
import { fileStamp, openInput } from './read-input.js';
import type { InputScan } from './scan.js';
import type { Contact, InvalidRow, RowWarning } from './types.js';

/** One row of the file, as the sync sees it on a walk in line order. */
export type WalkItem =
  /** A row never sent. */
  | { kind: 'invalid'; invalid: InvalidRow }
  /** The first row of an email: the contact (later rows' values merged in) and its number, 0, 1, 2, ... */
  | { kind: 'contact'; index: number; contact: Contact; warnings: RowWarning[] }
  /** A later row of an email already met. */
  | { kind: 'repeat'; line: number; email: string; warnings: RowWarning[] };

/**
 * Reads the input again, in line order (in batches), with what the scan learnt: each email's first row
 * becomes its contact, numbered in order (the same numbers on every walk), with the values
 * of its later rows merged in. Nothing is kept between rows. A file changed since the scan
 * is a UsageError.
 *
 * @example
 * for await (const items of walkInput(scan, map)) for (const item of items) if (item.kind === 'contact') send(item.contact);
 */
export async function* walkInput(scan: InputScan, map: FieldMap): AsyncGenerator<WalkItem[]> {
  await checkUnchanged(scan);
  const source = await openInput(scan.file, map);
  let index = 0;
  for await (const reads of source.rows) {
    const items: WalkItem[] = [];
    for (const read of reads) {
      if (read.kind === 'invalid') {
        items.push(read);
        continue;
      }
      const normal = normaliseRow(read.row);
      if (!normal.ok) {
        items.push({ kind: 'invalid', invalid: normal.invalid });
        continue;
      }
      const { contact } = normal;
      const warnings = normal.warnings.map((message) => ({ line: contact.line, email: contact.email, message }));
      if (scan.duplicates.isFirst(contact.email, contact.line)) items.push({ kind: 'contact', index: index++, contact: scan.duplicates.merge(contact), warnings });
      else items.push({ kind: 'repeat', line: contact.line, email: contact.email, warnings });
    }
    yield items;
  }
  if (index !== scan.contacts) throw changed(scan.file);
  await checkUnchanged(scan);
}

async function checkUnchanged(scan: InputScan): Promise<void> {
  const now = await fileStamp(scan.file);
  if (now.size !== scan.stamp.size || now.mtimeMs !== scan.stamp.mtimeMs) throw changed(scan.file);
}

function changed(file: string): UsageError {
  return new UsageError(`${file}: the file changed while the sync was reading it; run the same command again once it is written (a journal of this run resumes it only if the file is back as it was)`);
}
