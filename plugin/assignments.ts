import type { JsonValue } from './json.js';
import { UsageError } from './errors.js';

/**
 * Parses repeated `k=v` flags into an object. Values stay text (types are checked
 * against the template's declared inputs later).
 *
 * @example
 * parseAssignments(['customer_email=priya@example.com', 'customer_name=Priya Sharma'], '--var')
 * // { customer_email: 'priya@example.com', customer_name: 'Priya Sharma' }
 */
export function parseAssignments(pairs: readonly string[], flag: string): Record<string, JsonValue> {
  const out: Record<string, JsonValue> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new UsageError(`${flag} ${JSON.stringify(pair)}: expected name=value, e.g. ${flag} customer_email=priya@example.com`);
    out[pair.slice(0, eq).trim()] = pair.slice(eq + 1);
  }
  return out;
}
