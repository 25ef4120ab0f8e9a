import { editDistance } from '../nearest.js';

/**
 * The known names nearest to a mistyped one (at most three), nearest first.
 *
 * @example
 * nearest('mailerlite.subscriber.lokup', ['mailerlite.subscriber.lookup', 'whatsapp.join']) // ['mailerlite.subscriber.lookup']
 */
export function nearest(name: string, known: readonly string[]): string[] {
  const scored = known.map((k) => ({ k, d: editDistance(name.toLowerCase(), k.toLowerCase()) }));
  const limit = Math.max(3, Math.floor(name.length / 3));
  return scored
    .filter((s) => s.d <= limit || s.k.includes(name) || name.includes(s.k))
    .sort((x, y) => x.d - y.d)
    .slice(0, 3)
    .map((s) => s.k);
}
