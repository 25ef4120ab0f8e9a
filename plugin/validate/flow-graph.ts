import type { Declared } from '../declarations/load.js';
import type { Flow, FlowNode } from '../generated/flow.js';
import type { StepTemplate } from '../generated/step-template.js';

/**
 * The outcome the engine gives by itself when an input fails its type or format.
 *
 * @example
 * stepOutcomes(lookup).includes(INVALID_INPUT) // true for a template with inputs
 */
export const INVALID_INPUT = 'invalid_input';

/**
 * One edge of a flow: the node it leaves, where it is written, and the node it names.
 *
 * @example
 * const edge: FlowEdge = { from: 'lookup', at: ['routes', 'not_found'], to: 'subscribe' };
 */
export interface FlowEdge {
  from: string;
  /** Reference tokens of the edge under the node (e.g. `['routes', 'not_found']`, `['next']`). */
  at: string[];
  to: string;
}

/**
 * The edges leaving a node: `next`, `then` and `else`, each `routes` value and `otherwise`.
 *
 * @example
 * nodeEdges('check', { type: 'step', template: 'x', routes: { found: 'hello' }, otherwise: 'oops' })
 * // [{ from: 'check', at: ['routes', 'found'], to: 'hello' }, { from: 'check', at: ['otherwise'], to: 'oops' }]
 */
export function nodeEdges(id: string, node: FlowNode): FlowEdge[] {
  if (node.type === 'reply' || node.type === 'ask' || node.type === 'set') return [{ from: id, at: ['next'], to: node.next }];
  if (node.type === 'end') return [];
  if (node.type === 'condition') return [{ from: id, at: ['then'], to: node.then }, { from: id, at: ['else'], to: node.else }];
  const edges = Object.entries(node.routes).map(([outcome, to]) => ({ from: id, at: ['routes', outcome], to }));
  if (node.otherwise !== undefined) edges.push({ from: id, at: ['otherwise'], to: node.otherwise });
  return edges;
}

/**
 * Ids of the nodes reachable from `start` (start included when it exists).
 *
 * @example
 * reachableNodes(flow) // Set { 'lookup', 'welcome', 'done' }
 */
export function reachableNodes(flow: Flow): Set<string> {
  const seen = new Set<string>();
  const queue = [flow.start];
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    const node = flow.nodes[id];
    if (!node || seen.has(id)) continue;
    seen.add(id);
    for (const edge of nodeEdges(id, node)) queue.push(edge.to);
  }
  return seen;
}

/**
 * The names certainly set when each reachable node runs: the flow variables, plus every
 * name assigned (by `assigns`) on every path from `start` to that node. A must-analysis,
 * so an ask node that only runs on a retry loop does not count for the first pass.
 *
 * @example
 * availableNames(flow, (id, node) => (node.type === 'ask' ? [node.variable] : [])).get('subscribe')
 * // Set { 'customer_email', 'customer_name', ... }
 */
export function availableNames(flow: Flow, assigns: (id: string, node: FlowNode) => string[]): Map<string, Set<string>> {
  const reachable = [...reachableNodes(flow)];
  const initial = new Set(Object.keys(flow.variables));
  const universe = new Set(initial);
  for (const id of reachable) for (const name of assigns(id, flow.nodes[id] as FlowNode)) universe.add(name);
  const before = new Map<string, Set<string>>(reachable.map((id) => [id, id === flow.start ? new Set(initial) : new Set(universe)]));
  const predecessors = new Map<string, string[]>(reachable.map((id) => [id, []]));
  for (const id of reachable) for (const edge of nodeEdges(id, flow.nodes[id] as FlowNode)) predecessors.get(edge.to)?.push(id);
  for (let changed = true; changed; ) {
    changed = false;
    for (const id of reachable) {
      if (id === flow.start) continue;
      const next = new Set(universe);
      for (const from of predecessors.get(id) ?? []) {
        const after = new Set([...(before.get(from) ?? []), ...assigns(from, flow.nodes[from] as FlowNode)]);
        for (const name of next) if (!after.has(name)) next.delete(name);
      }
      if (next.size !== before.get(id)?.size) {
        before.set(id, next);
        changed = true;
      }
    }
  }
  return before;
}

/**
 * The outcome names a step running this template can produce: its rules' names, plus
 * `invalid_input` when it has inputs.
 *
 * @example
 * stepOutcomes(lookup) // ['found', 'not_found', 'rate_limited', 'error', 'invalid_input']
 */
export function stepOutcomes(template: StepTemplate): string[] {
  const names = new Set(template.outcomes.map((outcome) => outcome.name));
  if (Object.keys(template.inputs).length > 0) names.add(INVALID_INPUT);
  return [...names];
}

/**
 * Templates by id (the first one wins when ids repeat; `unique-ids` reports the rest).
 *
 * @example
 * templatesById(data.templates).get('mailerlite.subscriber.lookup')?.value.api // 'new'
 */
export function templatesById(templates: ReadonlyArray<Declared<StepTemplate>>): Map<string, Declared<StepTemplate>> {
  const byId = new Map<string, Declared<StepTemplate>>();
  for (const template of templates) if (!byId.has(template.value.id)) byId.set(template.value.id, template);
  return byId;
}
