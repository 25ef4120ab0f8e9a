import type { Declared } from '../../declarations/load.js';
import type { Problem } from '../../declarations/problem.js';
import { flowTemplateProblems } from '../../declarations/flow-templates.js';
import { pointer } from '../../declarations/problem.js';
import type { Flow, StepNode } from '../../generated/flow.js';
import type { StepTemplate } from '../../generated/step-template.js';
import { nodeEdges, reachableNodes, stepOutcomes, templatesById } from '../flow-graph.js';
import { didYouMean } from '../../nearest.js';
import type { PluginData, Rule } from '../plugin-data.js';

/**
 * `flow-routes`: a flow's graph is complete. `start` and every `next`, route and
 * `otherwise` name an existing node; each step node runs an existing template of the
 * flow's API (`flowTemplateProblems`, the check the exports run too); every outcome the step can produce is routed (in `routes` or by
 * `otherwise`); every `routes` key is such an outcome; every node is reachable from `start`.
 *
 * @example
 * flowRoutes(data) // [{ pointer: '/nodes/lookup/routes/not_fund', rule: 'flow-routes', message: '"not_fund" is not an outcome of mailerlite.subscriber.lookup (did you mean "not_found"?)', ... }]
 */
export const flowRoutes: Rule = (data) => data.flows.flatMap((flow) => checkFlow(flow, data));

function checkFlow({ file, value: flow }: Declared<Flow>, data: PluginData): Problem[] {
  const ids = Object.keys(flow.nodes);
  const problems: Problem[] = [];
  const add = (at: string, message: string, expected: string, example?: string): void => {
    problems.push({ file, pointer: at, rule: 'flow-routes', message, expected, ...(example === undefined ? {} : { example }) });
  };
  const startExists = flow.start in flow.nodes;
  if (!startExists) add('/start', `start "${flow.start}" names no node${didYouMean(flow.start, ids)}`, `one of the node ids: ${ids.join(', ')}`, `"start": "${ids[0] ?? 'lookup'}"`);
  for (const [id, node] of Object.entries(flow.nodes)) {
    for (const edge of nodeEdges(id, node)) {
      if (edge.to in flow.nodes) continue;
      add(pointer('nodes', id, ...edge.at), `"${edge.to}" names no node${didYouMean(edge.to, ids)}`, `one of the node ids: ${ids.join(', ')}`);
    }
    if (node.type === 'step') problems.push(...checkStep(file, id, node, data));
  }
  problems.push(...flowTemplateProblems({ file, value: flow }, data.templates.map((t) => t.value), { rule: 'flow-routes', skip: data.failedTemplateIds }));
  if (startExists) {
    const reachable = reachableNodes(flow);
    for (const id of ids) {
      if (!reachable.has(id)) add(pointer('nodes', id), `node "${id}" is never reached from start "${flow.start}"`, 'every node reachable from /start through next, routes or otherwise (or removed)');
    }
  }
  return problems;
}

function checkStep(file: string, id: string, node: StepNode, data: PluginData): Problem[] {
  // A template not in the plugin, or of the other API: flowTemplateProblems names it.
  const found = templatesById(data.templates).get(node.template);
  if (!found) return [];
  const template: StepTemplate = found.value;
  const at = (...tokens: string[]): string => pointer('nodes', id, ...tokens);
  const problems: Problem[] = [];
  const outcomes = stepOutcomes(template);
  for (const outcome of Object.keys(node.routes)) {
    if (outcomes.includes(outcome)) continue;
    problems.push({
      file,
      pointer: at('routes', outcome),
      rule: 'flow-routes',
      message: `"${outcome}" is not an outcome of ${template.id}${didYouMean(outcome, outcomes)}`,
      expected: `one of the outcomes ${template.id} can produce: ${outcomes.join(', ')}`,
    });
  }
  const unrouted = outcomes.filter((outcome) => !(outcome in node.routes));
  if (unrouted.length > 0 && node.otherwise === undefined) {
    problems.push({
      file,
      pointer: at('routes'),
      rule: 'flow-routes',
      message: `outcome${unrouted.length > 1 ? 's' : ''} of ${template.id} not routed: ${unrouted.join(', ')}`,
      expected: 'a route for every outcome the step can produce, or "otherwise" for the rest',
      example: `"routes": { ${unrouted.map((outcome) => `"${outcome}": "..."`).join(', ')} }, or "otherwise": "${Object.values(node.routes)[0] ?? 'oops'}"`,
    });
  }
  return problems;
}
