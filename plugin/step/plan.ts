import type { StepTemplate } from '../generated/step-template.js';
import { compileRequest, type RequestBuilder } from '../request/build.js';
import { compileOutcomes, type OutcomeDecider } from '../response/decide.js';
import { compileOutputs, type OutputsMapper } from '../response/map.js';
import { compileOrDefer } from '../template/defer.js';
import { compileInputs, type InputsChecker } from './inputs.js';

/**
 * A step template compiled once, one function per stage: check the inputs, build the
 * request, map the outputs, decide the outcome. Each is JavaScript generated for the
 * template (closures where code generation is disallowed). Running a step is then calling
 * them in order; nothing is parsed, split, looked up by text or re-planned per step.
 */
export interface StepPlan {
  /** Checks the given values against the declared inputs. */
  check: InputsChecker;
  /** Builds the request (URL, headers, body) over a step's scope. */
  request: RequestBuilder;
  /** Maps a response (or none) to the outputs. */
  outputs: OutputsMapper;
  /** Picks the outcome for what the attempt ended in. */
  outcomes: OutcomeDecider;
}

/** A plan and the declaration parts it was compiled from. */
interface Cached {
  plan: StepPlan;
  parts: Parts;
}

/** The parts of a template a plan is compiled from. */
interface Parts {
  inputs: unknown;
  request: unknown;
  method: unknown;
  url: unknown;
  query: unknown;
  headers: unknown;
  body: unknown;
  outputs: unknown;
  outcomes: unknown;
}

function partsOf(template: StepTemplate): Parts {
  const { request } = template;
  return {
    inputs: template.inputs,
    request,
    method: request?.method,
    url: request?.url,
    query: request?.query,
    headers: request?.headers,
    body: request?.body,
    outputs: template.outputs,
    outcomes: template.outcomes,
  };
}

function unchanged(parts: Parts, template: StepTemplate): boolean {
  const { request } = template;
  return (
    parts.inputs === template.inputs &&
    parts.request === request &&
    parts.outputs === template.outputs &&
    parts.outcomes === template.outcomes &&
    parts.method === request?.method &&
    parts.url === request?.url &&
    parts.query === request?.query &&
    parts.headers === request?.headers &&
    parts.body === request?.body
  );
}

const plans = new WeakMap<StepTemplate, Cached>();

/**
 * Compiles a template into its plan. Every part is compiled now; a part that does not
 * compile (a broken placeholder, a JMESPath syntax error) throws when a step reaches it,
 * exactly where it did when each part was compiled on first use.
 *
 * @example
 * const plan = compileStep(template);
 * plan.check({ customer_email: ' Priya@Example.com ' }, template.id) // { ok: true, values: { customer_email: 'priya@example.com' } }
 */
export function compileStep(template: StepTemplate): StepPlan {
  return {
    check: compileOrDefer(() => compileInputs(template.inputs)),
    request: compileOrDefer(() => compileRequest(template.request)),
    outputs: compileOrDefer(() => compileOutputs(template.outputs)),
    outcomes: compileOrDefer(() => compileOutcomes(template.outcomes)),
  };
}

/**
 * The plan of a template, compiled once per template object and kept while the template
 * lives (WeakMap). Declarations are treated as immutable once run: replacing one of a
 * template's parts (`inputs`, `request` or one of its parts, `outputs`, `outcomes`)
 * recompiles, a change inside a part is not seen.
 *
 * @example
 * planFor(catalog.template('mailerlite.subscriber.lookup')!) === planFor(catalog.template('mailerlite.subscriber.lookup')!) // true
 */
export function planFor(template: StepTemplate): StepPlan {
  const hit = plans.get(template);
  if (hit && unchanged(hit.parts, template)) return hit.plan;
  const plan = compileStep(template);
  plans.set(template, { plan, parts: partsOf(template) });
  return plan;
}
