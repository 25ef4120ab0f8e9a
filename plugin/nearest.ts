/**
 * The candidate closest to `name` by edit distance, when it is close enough to be a
 * likely typo (at most a third of the name's length, and at least 1 edit); else undefined.
 *
 * @example
 * nearest('not_fund', ['found', 'not_found', 'error']) // 'not_found'
 */
export function nearest(name: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(name, candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return bestDistance <= Math.max(1, Math.floor(name.length / 3)) ? best : undefined;
}

/**
 * `" (did you mean \"x\"?)"` when a near candidate exists, else an empty string.
 *
 * @example
 * didYouMean('custmer_email', ['customer_email']) // ' (did you mean "customer_email"?)'
 */
export function didYouMean(name: string, candidates: Iterable<string>): string {
  const near = nearest(name, candidates);
  return near === undefined ? '' : ` (did you mean "${near}"?)`;
}

/**
 * Levenshtein distance between two strings.
 *
 * @example
 * editDistance('lokup', 'lookup') // 1
 */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
