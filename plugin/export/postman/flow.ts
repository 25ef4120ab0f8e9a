import type { Flow, FlowNode } from '../../generated/flow.js';
import type { NodeSpec, Parts } from './spec.js';
import { templateParts } from './text.js';

/** A text as parts; a text outside the profile gives none (the profile check names it). */
function partsOf(source: string): Parts {
  return templateParts(source) ?? [];
}

function mapParts(texts: Record<string, string> | undefined): Record<string, Parts> {
  return Object.fromEntries(Object.entries(texts ?? {}).map(([name, source]) => [name, partsOf(source)]));
}

/**
 * One flow node as the collection's script walks it: templates as parts, the condition's
 * variable as a path. Texts outside the builder profile and secrets in flow texts are
 * left to the export's checks (`profileProblems`, `secretPlaceProblems`).
 *
 * @example
 * nodeSpec({ type: 'reply', text: 'You are already subscribed!', next: 'end_already' })
 * // { type: 'reply', text: ['You are already subscribed!'], next: 'end_already' }
 */
export function nodeSpec(node: FlowNode): NodeSpec {
  switch (node.type) {
    case 'step':
      return { type: 'step', template: node.template, inputs: mapParts(node.inputs), routes: node.routes, ...(node.otherwise === undefined ? {} : { otherwise: node.otherwise }) };
    case 'condition':
      return {
        type: 'condition',
        variable: node.variable.split('.'),
        operator: node.operator,
        ...(node.value === undefined ? {} : { value: partsOf(node.value) }),
        ...(node.values === undefined ? {} : { values: node.values.map((value) => partsOf(value)) }),
        then: node.then,
        else: node.else,
      };
    case 'set':
      return { type: 'set', variable: node.variable, function: node.function, of: node.of, next: node.next };
    case 'reply':
      return { type: 'reply', text: partsOf(node.text), next: node.next };
    case 'ask':
      // Newman runs one message: the flow stops at an ask, waiting for the answer.
      return { type: 'ask', variable: node.variable, text: partsOf(node.text) };
    case 'end':
      return {
        type: 'end',
        result: node.result,
        ...(node.reason === undefined ? {} : { reason: partsOf(node.reason) }),
        ...(node.outputs === undefined ? {} : { outputs: mapParts(node.outputs) }),
        ...(node.failure ? { failure: true as const } : {}),
      };
  }
}

/**
 * Step nodes in the order a run meets them from the start (then any others), so the
 * collection lists its requests as the conversation goes.
 *
 * @example
 * stepOrder(join) // ['lookup', 'upsert']
 */
export function stepOrder(flow: Flow): string[] {
  const seen = new Set<string>();
  const steps: string[] = [];
  const visit = (id: string): void => {
    if (seen.has(id)) return;
    seen.add(id);
    const node = flow.nodes[id];
    if (!node) return;
    if (node.type === 'step') steps.push(id);
    for (const next of successors(node)) visit(next);
  };
  visit(flow.start);
  for (const [id, node] of Object.entries(flow.nodes)) if (node.type === 'step' && !steps.includes(id)) steps.push(id);
  return steps;
}

function successors(node: FlowNode): string[] {
  switch (node.type) {
    case 'step':
      return [...Object.values(node.routes), ...(node.otherwise === undefined ? [] : [node.otherwise])];
    case 'condition':
      return [node.then, node.else];
    case 'end':
      return [];
    default:
      return [node.next];
  }
}
