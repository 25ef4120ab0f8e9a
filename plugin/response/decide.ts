import type { OutcomeCondition, OutcomeRule, StatusMatcher } from '../generated/step-template.js';
import type { ResponseRecord } from '../http/response.js';
import type { JsonValue } from '../json.js';
import { evaluate, truthy } from './jmespath.js';
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

/**
 * Picks the first outcome rule whose `when` holds (status exact, class or list; a
 * condition over `{status, headers, body, outputs}`; a timeout or network failure),
 * else the fallback.
 *
 * @example
 * decide([{ name: 'not_found', description: 'd', when: { status: 404 } }, { name: 'error', description: 'd', fallback: true }], obs)
 * // { outcome: 'not_found', rule: 0 }
 */
export function decide(rules: OutcomeRule[], observation: Observation): Decision {
  for (const [index, rule] of rules.entries()) {
    if ('fallback' in rule) return { outcome: rule.name, rule: index };
    if (matches(rule.when, observation)) return { outcome: rule.name, rule: index };
  }
  throw new Error('outcome rules must end with a fallback rule');
}

function matches(when: OutcomeCondition, observation: Observation): boolean {
  const { response, failure } = observation;
  if (when.failure !== undefined && when.failure !== failure) return false;
  if (when.status !== undefined) {
    if (!response) return false;
    const matchers = Array.isArray(when.status) ? when.status : [when.status];
    if (!matchers.some((matcher) => statusMatches(matcher, response.status))) return false;
  }
  if (when.condition !== undefined) {
    const root: JsonValue = {
      status: response?.status ?? null,
      headers: response?.headers ?? {},
      body: response?.json ? response.body : null,
      outputs: observation.outputs,
    };
    if (!truthy(evaluate(when.condition, root, { inputs: observation.inputs, settings: observation.settings }))) return false;
  }
  return true;
}

/** True when a status matches an exact code or a class such as `4xx`. */
export function statusMatches(matcher: StatusMatcher, status: number): boolean {
  if (typeof matcher === 'number') return matcher === status;
  return matcher[0] === String(status)[0];
}
