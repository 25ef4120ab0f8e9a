import type { Problem } from '../../declarations/problem.js';
import { pointer } from '../../declarations/problem.js';
import type { FlowNode } from '../../generated/flow.js';
import type { StepTemplate } from '../../generated/step-template.js';
import { availableNames, templatesById } from '../flow-graph.js';
import { didYouMean } from '../../nearest.js';
import type { Rule } from '../plugin-data.js';

/**
 * `flow-inputs`: each step node gives its template what it needs. Every key of the node's
 * `inputs` is an input of the template, and every required input is given: in `inputs`,
 * or by a flow variable, an ask variable or an output of an earlier step of the same name
 * that is set on every path from `start` to the node.
 *
 * @example
 * flowInputs(data) // [{ pointer: '/nodes/subscribe/inputs', rule: 'flow-inputs', message: 'required input of mailerlite.subscriber.upsert not given: customer_email', ... }]
 */
export const flowInputs: Rule = (data) => {
  const byId = templatesById(data.templates);
  return data.flows.flatMap(({ file, value: flow }) => {
    const problems: Problem[] = [];
    const available = availableNames(flow, (_, node) => assignedBy(node, byId));
    for (const [id, node] of Object.entries(flow.nodes)) {
      if (node.type !== 'step') continue;
      const template = byId.get(node.template)?.value;
      if (!template) continue;
      const declared = Object.keys(template.inputs);
      for (const key of Object.keys(node.inputs ?? {})) {
        if (key in template.inputs) continue;
        problems.push({
          file,
          pointer: pointer('nodes', id, 'inputs', key),
          rule: 'flow-inputs',
          message: `"${key}" is not an input of ${template.id}${didYouMean(key, declared)}`,
          expected: `one of the inputs of ${template.id}: ${declared.join(', ') || '(none)'}`,
        });
      }
      const set = available.get(id);
      if (!set) continue;
      const missing = Object.entries(template.inputs)
        .filter(([name, input]) => input.required === true && !(name in (node.inputs ?? {})) && !set.has(name))
        .map(([name]) => name);
      if (missing.length === 0) continue;
      problems.push({
        file,
        pointer: pointer('nodes', id, ...(node.inputs ? ['inputs'] : [])),
        rule: 'flow-inputs',
        message: `required input${missing.length > 1 ? 's' : ''} of ${template.id} not given: ${missing.join(', ')}`,
        expected: 'each required input in the node\'s "inputs", or a flow variable, ask variable or earlier step output of the same name',
        example: `"variables": { ${missing.map((name) => `"${name}": ${variableExample(template, name)}`).join(', ')} }`,
      });
    }
    return problems;
  });
};

/** A flow variable declaration for a template input, with a prompt to ask for it. */
function variableExample(template: StepTemplate, name: string): string {
  const input = template.inputs[name];
  const format = input?.format === undefined ? '' : `, "format": "${input.format}"`;
  return `{ "type": "${input?.type ?? 'string'}"${format}, "description": ${JSON.stringify(input?.description ?? name)}, "prompt": "..." }`;
}

/** The names a node sets: an ask node its variable, a step node its template's outputs. */
function assignedBy(node: FlowNode, byId: Map<string, { value: StepTemplate }>): string[] {
  if (node.type === 'ask') return [node.variable];
  if (node.type === 'step') return Object.keys(byId.get(node.template)?.value.outputs ?? {});
  return [];
}
