import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Folder of the per-stage JSON tables: `test/fixtures/<stage>/*.json`. */
const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures');

/** One JSON table file: what it covers, and its rows. */
export interface Table<Row> {
  description: string;
  cases: Row[];
}

/** A row with the file it came from, for the test name. */
export type Located<Row> = Row & { file: string };

/**
 * Reads every table of a stage, in file-name order, each row tagged with its file.
 * A file that is not JSON or has no `cases` array fails loudly with its path.
 *
 * @example
 * const rows = readTable<UrlCase>('url');
 * it.each(rows)('$file: $name', (row) => { ... });
 */
export function readTable<Row extends { name: string }>(stage: string): Array<Located<Row>> {
  const folder = path.join(FIXTURES, stage);
  const rows: Array<Located<Row>> = [];
  for (const file of readdirSync(folder).filter((f) => f.endsWith('.json')).sort()) {
    const where = `test/fixtures/${stage}/${file}`;
    const table = JSON.parse(readFileSync(path.join(folder, file), 'utf8')) as Partial<Table<Row>>;
    if (!Array.isArray(table.cases) || table.cases.length === 0) throw new Error(`${where}: expected {"description": "...", "cases": [...]} with at least one case`);
    for (const row of table.cases) rows.push({ ...row, file });
  }
  if (rows.length === 0) throw new Error(`test/fixtures/${stage}: no tables`);
  return rows;
}
