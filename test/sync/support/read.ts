import { scanInput, walkInput, type Contact, type FieldMap, type InputScan, type InvalidRow, type RowWarning } from '../../../plugin/sync/index.js';

/** What the two reads of the sync make of a file: the scan, and the contacts, invalid rows and warnings of a walk in line order. */
export interface ReadBack {
  scan: InputScan;
  contacts: Contact[];
  invalid: InvalidRow[];
  warnings: RowWarning[];
}

/**
 * Scans a file and walks it once, as a sync does before sending.
 *
 * @example
 * const { contacts, invalid } = await readBack('optins.csv', new Map());
 */
export async function readBack(file: string, map: FieldMap): Promise<ReadBack> {
  const scan = await scanInput(file, map);
  const out: ReadBack = { scan, contacts: [], invalid: [], warnings: [] };
  for await (const items of walkInput(scan, map)) {
    for (const item of items) {
      if (item.kind === 'invalid') out.invalid.push(item.invalid);
      else out.warnings.push(...item.warnings);
      if (item.kind === 'contact') {
        if (item.index !== out.contacts.length) throw new Error(`contact ${item.contact.email} numbered ${item.index}, expected ${out.contacts.length}`);
        out.contacts.push(item.contact);
      }
    }
  }
  return out;
}
