import type { OutcomeCondition, OutcomeRule, StatusMatcher } from '../generated/step-template.js';
import type { ResponseRecord } from '../http/response.js';
import { DeclarationError } from '../errors.js';
import type { JsonValue } from '../json.js';
import type { Scope } from './compile-jmespath.js';
import { prepareExpression, scopeOf, truthy } from './jmespath.js';
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
  const seen: Seen = { observation, root: undefined, scope: undefined };
  for (let index = 0; index < rules.length; index++) {
    const rule = rules[index]!;
    if ('fallback' in rule) return { outcome: rule.name, rule: index };
    if (matches(rule.when, seen)) return { outcome: rule.name, rule: index };
  }
  throw new DeclarationError('outcome rules must end with a fallback rule (e.g. {"name": "error", "description": "...", "fallback": true})');
}

/** An observation, with the condition root and variables built on first use. */
interface Seen {
  observation: Observation;
  root: JsonValue | undefined;
  scope: Scope | undefined;
}

const conditions = new WeakMap<OutcomeCondition, ReturnType<typeof prepareExpression>>();

/** A rule's condition ready to run, made once per rule. */
function conditionOf(when: OutcomeCondition): ReturnType<typeof prepareExpression> {
  let run = conditions.get(when);
  if (!run) {
    run = prepareExpression(when.condition!);
    conditions.set(when, run);
  }
  return run;
}

function matches(when: OutcomeCondition, seen: Seen): boolean {
  const { response, failure } = seen.observation;
  if (when.failure !== undefined && when.failure !== failure) return false;
  if (when.status !== undefined) {
    if (!response) return false;
    if (Array.isArray(when.status) ? !when.status.some((matcher) => statusMatches(matcher, response.status)) : !statusMatches(when.status, response.status)) return false;
  }
  if (when.condition !== undefined) {
    seen.root ??= {
      status: response?.status ?? null,
      headers: response?.headers ?? {},
      body: response?.json ? response.body : null,
      outputs: seen.observation.outputs,
    };
    seen.scope ??= scopeOf({ inputs: seen.observation.inputs, settings: seen.observation.settings });
    if (!truthy(conditionOf(when)(seen.root, seen.scope))) return false;
  }
  return true;
}

/** True when a status matches an exact code or a class such as `4xx`. */
export function statusMatches(matcher: StatusMatcher, status: number): boolean {
  if (typeof matcher === 'number') return matcher === status;
  return matcher[0] === String(status)[0];
}
