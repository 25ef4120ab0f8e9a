import { DeclarationError } from '../errors.js';
import type { OutcomeRule, StatusMatcher } from '../generated/step-template.js';
import type { ConditionRow } from './types.js';

const FAILURES = { timeout: 'timeout (no answer in time)', network: 'no connection (network failure)' } as const;

/** The fallback row's branch, in the builder's words: any other status, a timeout, no connection. */
const ANYTHING_ELSE = 'anything else';

/**
 * The status condition rows of the form, checked top to bottom, one per outcome rule:
 * `HTTP 404 -> not_found`, `HTTP 401 or 403 -> auth_error`, a `timeout` or `no connection`
 * row for a failure rule, ending with `anything else -> error` (any other status, a
 * timeout, no connection). The declarations
 * branch by status and failure only (the builder profile); a rule reading the response
 * body is a DeclarationError.
 *
 * @example
 * conditionRows(lookup.outcomes).find((r) => r.outcome === 'not_found')?.row // 'HTTP 404 -> not_found'
 */
export function conditionRows(outcomes: readonly OutcomeRule[]): ConditionRow[] {
  return outcomes.map((rule) => {
    const when = branchWords(rule);
    return { row: `${when} -> ${rule.name}`, when, outcome: rule.name, description: rule.description };
  });
}

function branchWords(rule: OutcomeRule): string {
  if ('fallback' in rule) return ANYTHING_ELSE;
  if (rule.when.condition !== undefined) {
    throw new DeclarationError(`outcome "${rule.name}" reads the response body, which the builder's step cannot branch on (run \`mailerlite-steps validate\`)`);
  }
  const parts: string[] = [];
  if (rule.when.status !== undefined) parts.push(statusWords(rule.when.status));
  if (rule.when.failure !== undefined) parts.push(FAILURES[rule.when.failure]);
  return parts.join(' and ');
}

/**
 * A status matcher in words: `HTTP 404`, `HTTP 4xx`, `HTTP 401 or 403`.
 *
 * @example
 * statusWords([401, 403]) // 'HTTP 401 or 403'
 */
function statusWords(status: StatusMatcher | StatusMatcher[]): string {
  const list = Array.isArray(status) ? status : [status];
  const shown = list.map(String);
  return `HTTP ${shown.length > 1 ? `${shown.slice(0, -1).join(', ')} or ${shown[shown.length - 1]}` : shown[0]}`;
}
