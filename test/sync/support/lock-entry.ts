/**
 * Tries to take a journal's lock in a process of its own, for the race test:
 * `node --import tsx test/sync/support/lock-entry.ts <journal> <hold ms>`. Prints `took`
 * (then holds it for `hold ms` and releases it) or `refused: <message>`.
 */
import { acquireJournalLock } from '../../../plugin/sync/index.js';

const [journal = '', hold = '0'] = process.argv.slice(2);
try {
  const lock = acquireJournalLock(journal);
  process.stdout.write('took\n');
  await new Promise((resolve) => setTimeout(resolve, Number(hold)));
  lock.release();
} catch (error) {
  process.stdout.write(`refused: ${error instanceof Error ? error.message : String(error)}\n`);
}
