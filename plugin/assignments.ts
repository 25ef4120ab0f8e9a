import type { JsonValue } from './json.js';
import { UsageError } from './errors.js';
import { didYouMean } from './nearest.js';

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

/** How {@link checkNames} speaks of the names: `setting`, and the sentence that lists the known ones. */
export interface NameKind {
  /** What one name is: `setting`, `input`, `variable`. */
  noun: string;
  /** Leads the list of known names: `the settings are`, `mailerlite.subscriber.lookup takes`. */
  known: string;
}

/**
 * Refuses names that are not declared (a typo in `--var` or `--set` would otherwise be
 * ignored): a UsageError naming each unknown one with the nearest declared name, and the
 * declared names.
 *
 * @example
 * checkNames(['groupid'], ['api_version', 'group_id'], { noun: 'setting', known: 'the settings are' })
 * // UsageError: unknown setting "groupid" (did you mean "group_id"?); the settings are api_version, group_id
 */
export function checkNames(given: Iterable<string>, declared: readonly string[], kind: NameKind): void {
  const unknown = [...given].filter((name) => !declared.includes(name));
  if (unknown.length === 0) return;
  const named = unknown.map((name) => `"${name}"${didYouMean(name, declared)}`).join(', ');
  const list = declared.length > 0 ? declared.join(', ') : 'nothing';
  throw new UsageError(`unknown ${kind.noun}${unknown.length > 1 ? 's' : ''} ${named}; ${kind.known} ${list}`);
}
