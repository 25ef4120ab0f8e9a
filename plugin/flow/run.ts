import { defaultEnvironment } from '../defaults.js';
import type { AskNode, Flow, FlowNode, StepNode } from '../generated/flow.js';
import type { StepTemplate } from '../generated/step-template.js';
import type { JsonValue } from '../json.js';
import { DeclarationError, FlowLoopError, MissingInputError } from '../errors.js';
import { renderValue } from '../request/body.js';
import { renderContext, type RenderContext } from '../request/context.js';
import { renderText } from '../template/compile.js';
import { isBlank } from '../template/helpers.js';
import { checkFormat } from '../step/formats.js';
import { notSent, runStep, type StepEnvironment } from '../step/run.js';
import { definedOnly } from '../step/result.js';
import { check, setValue } from './condition.js';
import type { FlowEnd, FlowResult, FlowVisit } from './result.js';

/** A question an `ask` node puts to the contact. */
export interface Question {
  variable: string;
  text: string;
}

/** How a flow runs: the step environment, the templates it may use, and optional hooks. */
export interface FlowEnvironment extends StepEnvironment {
  /** Looks up a step template by id. */
  template: (id: string) => StepTemplate | undefined;
  /** Answers an `ask` node; without it (or when it returns undefined) the flow stops waiting. */
  answer?: (question: Question) => Promise<string | undefined>;
  /** Called as each node finishes, for live display. */
  onVisit?: (visit: FlowVisit, result: Pick<FlowResult, 'steps' | 'replies'>) => void;
  /** Nodes a run may visit before it counts as a loop (default 50). */
  maxVisits?: number;
}

/**
 * Runs a flow from its start node: steps (outputs become variables, the outcome picks
 * the next node), conditions, set nodes, replies, asks and an end. A run that visits more than `maxVisits`
 * nodes is a loop and throws FlowLoopError rather than hanging.
 *
 * Without `env`, it runs with {@link defaultEnvironment}: the manifest's default settings,
 * the key from `MAILERLITE_API_KEY` (a UsageError naming it when unset), the global `fetch`
 * and the package's own step templates, so it sends to MailerLite.
 *
 * @example
 * const result = await runFlow(join, { customer_email: 'priya@example.com', customer_name: 'Priya Sharma' }, env)
 * result.replies // ['You are now subscribed, Priya! You will receive our newsletter at priya@example.com.']
 */
export async function runFlow(flow: Flow, given: Record<string, JsonValue | undefined>, env: FlowEnvironment = defaultEnvironment()): Promise<FlowResult> {
  const missing = Object.entries(flow.variables)
    .filter(([name, decl]) => decl.required && isBlank(given[name]))
    .map(([name, decl]) => ({ name, description: decl.description, example: decl.example }));
  if (missing.length > 0) throw new MissingInputError(flow.id, missing);

  const variables: Record<string, JsonValue> = definedOnly(given);
  const result: FlowResult = { flow: flow.id, api: flow.api, steps: [], replies: [], variables, path: [], end: { node: flow.start, result: 'unfinished' } };
  const limit = env.maxVisits ?? 50;
  let id = flow.start;
  for (let visits = 1; ; visits++) {
    if (visits > limit) {
      const last = result.path.at(-1)?.node ?? id;
      throw new FlowLoopError(`${flow.id}: more than ${limit} nodes visited; the flow loops (last node: ${last}, next: ${id})`);
    }
    const node = flow.nodes[id];
    if (!node) throw new DeclarationError(`${flow.id}: node "${id}" does not exist`);
    const context = renderContext(variables, env.settings, {});
    const visit: FlowVisit = { node: id, type: node.type };
    const outcome = await runNode(flow, node, context, env, result, visit);
    if ('next' in outcome) visit.next = outcome.next;
    else result.end = outcome.end;
    result.path.push(visit);
    env.onVisit?.(visit, result);
    if ('end' in outcome) return result;
    id = outcome.next;
  }
}

type NodeOutcome = { next: string } | { end: FlowEnd };

async function runNode(flow: Flow, node: FlowNode, context: RenderContext, env: FlowEnvironment, result: FlowResult, visit: FlowVisit): Promise<NodeOutcome> {
  switch (node.type) {
    case 'reply':
      result.replies.push(renderText(node.text, context));
      return { next: node.next };
    case 'ask':
      return runAsk(node, context, env, result, visit);
    case 'end': {
      const end: FlowEnd = { node: visit.node, result: node.result, ...(node.failure ? { failure: true as const } : {}) };
      if (node.reason !== undefined) end.reason = renderText(node.reason, context);
      // Like step inputs: a sole <<variable>> keeps its JSON type; a blank value is null.
      if (node.outputs) end.outputs = Object.fromEntries(Object.entries(node.outputs).map(([k, t]) => [k, renderValue(t, context) ?? null]));
      return { end };
    }
    case 'step':
      return runStepNode(flow, node, context, env, result, visit);
    case 'condition':
      visit.check = check(node, context);
      return { next: visit.check.holds ? node.then : node.else };
    case 'set':
      result.variables[node.variable] = setValue(node, result.variables);
      return { next: node.next };
  }
}

/** Tries an ask node gets before the flow stops waiting: the builder asks again after an invalid answer. */
const ASK_TRIES = 3;

async function runAsk(node: AskNode, context: RenderContext, env: FlowEnvironment, result: FlowResult, visit: FlowVisit): Promise<NodeOutcome> {
  let text = renderText(node.text, context);
  for (let tries = 1; tries <= ASK_TRIES; tries++) {
    result.replies.push(text);
    const answer = await env.answer?.({ variable: node.variable, text });
    if (answer === undefined) break;
    const checked = node.validate ? checkFormat(node.validate, answer) : { ok: true as const, value: answer };
    if (checked.ok) {
      result.variables[node.variable] = checked.value;
      return { next: node.next };
    }
    text = node.invalid_text === undefined ? text : renderText(node.invalid_text, context);
  }
  return { end: { node: visit.node, waiting_for: node.variable, question: text } };
}

async function runStepNode(flow: Flow, node: StepNode, context: RenderContext, env: FlowEnvironment, result: FlowResult, visit: FlowVisit): Promise<NodeOutcome> {
  const template = env.template(node.template);
  if (!template) throw new DeclarationError(`${flow.id}: step template "${node.template}" is not in the plugin`);
  const inputs: Record<string, JsonValue | undefined> = {};
  for (const name of Object.keys(template.inputs)) {
    const mapped = node.inputs?.[name];
    inputs[name] = mapped === undefined ? result.variables[name] : renderValue(mapped, context);
  }
  // A step that lacks an input ends in invalid_input, like one given an invalid value: a flow outcome, not a usage error.
  const step = await runStep(template, inputs, env).catch((error: unknown) => {
    if (error instanceof MissingInputError) return notSent(template, definedOnly(inputs), error.missing.map(({ name }) => ({ name, message: 'missing' })), env.settings);
    throw error;
  });
  result.steps.push(step);
  // Inputs taken straight from the conversation come back normalised (emails lower-cased).
  for (const name of Object.keys(template.inputs)) {
    const value = step.inputs[name];
    if (node.inputs?.[name] === undefined && value !== undefined && name in result.variables) result.variables[name] = value;
  }
  for (const [name, value] of Object.entries(step.outputs)) result.variables[name] = value;
  visit.step = result.steps.length - 1;
  visit.outcome = step.outcome;
  const next = node.routes[step.outcome] ?? node.otherwise;
  if (!next) throw new DeclarationError(`${flow.id}: outcome "${step.outcome}" of ${node.template} is not routed`);
  return { next };
}
