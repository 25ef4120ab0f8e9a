import type { OutcomeCondition, OutcomeRule, StatusMatcher } from '../generated/step-template.js';
import type { ResponseRecord } from '../http/response.js';
import { DeclarationError } from '../errors.js';
import type { JsonValue } from '../json.js';
import type { Scope } from './compile-jmespath.js';
import { compileOrDefer } from '../template/defer.js';
import { prepareExpression, scopeOf, truthy } from './jmespath.js';
import type { Outputs } from './map.js';
import { generateOutcomes } from './outcomes-code.js';

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

/** Outcome rules compiled once: the decision for one observation. */
export type OutcomeDecider = (observation: Observation) => Decision;

/** An observation, with the condition root and variables built on first use. */
interface Seen {
  observation: Observation;
  root: JsonValue | undefined;
  scope: Scope | undefined;
}

/** One rule compiled: true when its `when` holds; a fallback always holds. */
type Matcher = (seen: Seen) => boolean;

const always: Matcher = () => true;

/** A status matcher (exact, class such as `4xx`, or a list of either) as one test. */
function compileStatus(status: NonNullable<OutcomeCondition['status']>): (code: number) => boolean {
  const one = (matcher: StatusMatcher): ((code: number) => boolean) => (typeof matcher === 'number' ? (code) => code === matcher : (code) => statusMatches(matcher, code));
  if (!Array.isArray(status)) return one(status);
  const tests = status.map(one);
  return (code) => tests.some((test) => test(code));
}

/** The root a condition sees, made once per observation. */
function rootOf(seen: Seen): JsonValue {
  const { response, outputs } = seen.observation;
  return (seen.root ??= {
    status: response?.status ?? null,
    headers: response?.headers ?? {},
    body: response?.json ? response.body : null,
    outputs,
  });
}

function compileWhen(when: OutcomeCondition): Matcher {
  const { failure } = when;
  const status = when.status === undefined ? undefined : compileStatus(when.status);
  // Compiled now; a condition that does not parse throws only once status and failure have passed, as before.
  const source = when.condition;
  const condition = source === undefined ? undefined : compileOrDefer(() => prepareExpression(source));
  return (seen) => {
    const { response } = seen.observation;
    if (failure !== undefined && failure !== seen.observation.failure) return false;
    if (status !== undefined && (!response || !status(response.status))) return false;
    if (condition !== undefined) {
      seen.scope ??= scopeOf({ inputs: seen.observation.inputs, settings: seen.observation.settings });
      if (!truthy(condition(rootOf(seen), seen.scope))) return false;
    }
    return true;
  };
}

/**
 * Compiles outcome rules once: generated as one function (`outcomes-code.ts`), else each
 * rule's status test and condition (a JMESPath closure) are made here. A rule whose
 * condition does not parse throws when a step reaches it, as before. A rule list without
 * a fallback throws DeclarationError when no rule matches.
 *
 * @example
 * compileOutcomes([{ name: 'not_found', description: 'd', when: { status: 404 } }, { name: 'error', description: 'd', fallback: true }])(obs)
 * // { outcome: 'not_found', rule: 0 }
 */
export function compileOutcomes(rules: OutcomeRule[]): OutcomeDecider {
  return generateOutcomes(rules) ?? closureOutcomes(rules);
}

/**
 * The closure form of `compileOutcomes` (where code generation is disallowed, or a
 * condition is not generated).
 *
 * @example
 * closureOutcomes([{ name: 'error', description: 'd', fallback: true }])(obs) // { outcome: 'error', rule: 0 }
 */
export function closureOutcomes(rules: OutcomeRule[]): OutcomeDecider {
  const names = rules.map((rule) => rule.name);
  const matchers = rules.map((rule): Matcher => ('fallback' in rule ? always : compileOrDefer(() => compileWhen(rule.when))));
  return (observation) => {
    const seen: Seen = { observation, root: undefined, scope: undefined };
    for (let index = 0; index < matchers.length; index++) {
      if (matchers[index]!(seen)) return { outcome: names[index]!, rule: index };
    }
    throw new DeclarationError('outcome rules must end with a fallback rule (e.g. {"name": "error", "description": "...", "fallback": true})');
  };
}

const deciders = new WeakMap<OutcomeRule[], OutcomeDecider>();

/**
 * Picks the first outcome rule whose `when` holds (status exact, class or list; a
 * condition over `{status, headers, body, outputs}`; a timeout or network failure),
 * else the fallback. Compiled once per rule list (`compileOutcomes`).
 *
 * @example
 * decide([{ name: 'not_found', description: 'd', when: { status: 404 } }, { name: 'error', description: 'd', fallback: true }], obs)
 * // { outcome: 'not_found', rule: 0 }
 */
export function decide(rules: OutcomeRule[], observation: Observation): Decision {
  let run = deciders.get(rules);
  if (!run) deciders.set(rules, (run = compileOutcomes(rules)));
  return run(observation);
}

/** True when a status matches an exact code or a class such as `4xx`. */
export function statusMatches(matcher: StatusMatcher, status: number): boolean {
  if (typeof matcher === 'number') return matcher === status;
  return matcher[0] === String(status)[0];
}
