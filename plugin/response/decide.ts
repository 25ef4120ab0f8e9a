import type { OutcomeCondition, OutcomeRule, StatusMatcher } from '../generated/step-template.js';
import type { ResponseRecord } from '../http/response.js';
import { DeclarationError } from '../errors.js';
import type { JsonValue } from '../json.js';
import { evaluator, truthy, type Evaluator } from './jmespath.js';
import type { Outputs } from './map.js';

/** What a step's attempt ended in, as the rules see it. */
export interface Observation {
  response: ResponseRecord | null;
  failure: 'timeout' | 'network' | null;
  outputs: Outputs;
  inputs: Record<string, JsonValue>;
  settings: Record<string, JsonValue>;
}

/** The outcome chosen and the index of the rule that chose it. */
export interface Decision {
  outcome: string;
  rule: number;
}

/** True when a status matches an exact code or a class such as `4xx`. */
export function statusMatches(matcher: StatusMatcher, status: number): boolean {
  if (typeof matcher === 'number') return matcher === status;
  return matcher[0] === String(status)[0];
}

/** The evaluator conditions run in: over `{status, headers, body, outputs}`, with `$inputs` and `$settings`. */
function conditionsOf(seen: Observation): Evaluator {
  const { response } = seen;
  const root = { status: response?.status ?? null, headers: response?.headers ?? {}, body: response?.json ? response.body : null, outputs: seen.outputs };
  return evaluator(root, { inputs: seen.inputs, settings: seen.settings });
}

function holds(when: OutcomeCondition, seen: Observation, conditions: () => Evaluator): boolean {
  const { response } = seen;
  if (when.failure !== undefined && when.failure !== seen.failure) return false;
  if (when.status !== undefined) {
    const matchers = Array.isArray(when.status) ? when.status : [when.status];
    if (!response || !matchers.some((matcher) => statusMatches(matcher, response.status))) return false;
  }
  if (when.condition !== undefined && !truthy(conditions()(when.condition))) return false;
  return true;
}

/**
 * Picks the first outcome rule whose `when` holds (status exact, class or list; a
 * condition over `{status, headers, body, outputs}`; a timeout or network failure),
 * else the fallback. A rule list without a fallback throws DeclarationError when no rule
 * matches.
 *
 * @example
 * decide([{ name: 'not_found', description: 'd', when: { status: 404 } }, { name: 'error', description: 'd', fallback: true }], obs)
 * // { outcome: 'not_found', rule: 0 }
 */
export function decide(rules: OutcomeRule[], observation: Observation): Decision {
  let made: Evaluator | undefined;
  const conditions = (): Evaluator => (made ??= conditionsOf(observation));
  for (const [index, rule] of rules.entries()) {
    if ('fallback' in rule || holds(rule.when, observation, conditions)) return { outcome: rule.name, rule: index };
  }
  throw new DeclarationError('outcome rules must end with a fallback rule (e.g. {"name": "error", "description": "...", "fallback": true})');
}
