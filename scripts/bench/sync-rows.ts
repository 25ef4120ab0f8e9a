import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

/** What a generated file holds, so a run's report can be checked against it. */
export interface GeneratedRows {
  rows: number;
  /** Unique valid emails. */
  contacts: number;
  /** Rows repeating an earlier email. */
  duplicateRows: number;
  /** Rows with no usable email. */
  invalidRows: number;
  /** Rows whose phone is left out with a warning. */
  warnings: number;
}

/**
 * Writes a CSV of `rows` contacts, streamed: 3% of the rows repeat an earlier email (in
 * another case, padded, with a new name), 1% have an unusable email, 0.5% a phone that is
 * not E.164; every row has a name, a phone and an opt-in time.
 *
 * @example
 * const facts = await writeRows('/tmp/optins.csv', 1_000_000); facts.contacts // 960,000
 */
export async function writeRows(file: string, rows: number): Promise<GeneratedRows> {
  const out = createWriteStream(file);
  const facts: GeneratedRows = { rows, contacts: 0, duplicateRows: 0, invalidRows: 0, warnings: 0 };
  let chunk = 'email,name,phone,opted_in_at,city\n';
  for (let i = 0; i < rows; i++) {
    const slot = i % 100;
    if (slot === 50) {
      facts.invalidRows += 1;
      chunk += `broken-${i}@,Broken ${i},,,Pune\n`;
    } else if ((slot === 7 || slot === 40 || slot === 73) && facts.contacts > 1000) {
      facts.duplicateRows += 1;
      chunk += `"  Contact${facts.contacts - 997}@Example.com ",Renamed ${i},,,Delhi\n`;
    } else {
      const bad = slot === 20 && i % 200 === 20;
      if (bad) facts.warnings += 1;
      chunk += `contact${facts.contacts}@example.com,Contact ${i},${bad ? '12345' : `+91${String(9_000_000_000 + i)}`},2024-08-13 09:49:51,Mumbai\n`;
      facts.contacts += 1;
    }
    if (chunk.length > 1 << 16) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
  return facts;
}
