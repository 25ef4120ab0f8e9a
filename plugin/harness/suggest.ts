/** Edit distance between two strings (Levenshtein). */
export function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j] ?? 0;
      row[j] = Math.min(above + 1, (row[j - 1] ?? 0) + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length] ?? 0;
}

/**
 * The known names nearest to a mistyped one (at most three), nearest first.
 *
 * @example
 * nearest('mailerlite.subscriber.lokup', ['mailerlite.subscriber.lookup', 'whatsapp.join']) // ['mailerlite.subscriber.lookup']
 */
export function nearest(name: string, known: readonly string[]): string[] {
  const scored = known.map((k) => ({ k, d: distance(name.toLowerCase(), k.toLowerCase()) }));
  const limit = Math.max(3, Math.floor(name.length / 3));
  return scored
    .filter((s) => s.d <= limit || s.k.includes(name) || name.includes(s.k))
    .sort((x, y) => x.d - y.d)
    .slice(0, 3)
    .map((s) => s.k);
}
