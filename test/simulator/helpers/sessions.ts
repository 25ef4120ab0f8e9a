import { listFixtures, loadCassette, loadTape, type Exchange } from './recordings.js';

/**
 * The recordings as the runs they came from, each in the order production answered it.
 *
 * - The Node SDK's tapes are one test run against one account (2024-08-13). talkback
 *   numbers a tape when its answer comes back, so `test-POST-16` was answered after
 *   `test-POST-10`: the number is the order of the answers. (The rate-limit counter counts
 *   arrivals instead, and the SDK's tests ran concurrently: `test-POST-16` arrived before
 *   the field it lists was created, and was answered after.)
 * - The Python SDK's cassettes are one account (`x-account_id` 83510) over one day, its
 *   tests run one after another: ordered by the answers' `Date`, then by the falling
 *   rate-limit counter within a second, then by their place in the cassette. The one
 *   answer without a counter (a 401 recorded later) comes last.
 */

/** Node SDK tapes, in the order production answered them. */
export function nodejsRun(): Exchange[] {
  const number = (file: string) => Number(/-(\d+)\.json5$/.exec(file)?.[1] ?? NaN);
  return listFixtures('nodejs-sdk-tapes')
    .sort((a, b) => number(a) - number(b))
    .map(loadTape);
}

/** Python SDK cassettes' interactions, in the order production answered them. */
export function pythonRun(): Exchange[] {
  const all = listFixtures('python-sdk-cassettes').flatMap(loadCassette);
  const place = new Map(all.map((exchange, i) => [exchange, i]));
  return [...all].sort(
    (a, b) => a.recordedAt - b.recordedAt || (b.remaining ?? -1) - (a.remaining ?? -1) || place.get(a)! - place.get(b)!,
  );
}
