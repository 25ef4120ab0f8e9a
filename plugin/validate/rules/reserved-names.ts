import type { Problem } from '../../declarations/problem.js';
import { pointer } from '../../declarations/problem.js';
import { INVALID_INPUT } from '../flow-graph.js';
import type { Rule } from '../plugin-data.js';

/**
 * Names a variable may not have: placeholders read `settings.x`, `secrets.x` and conditions read `outputs.x`.
 *
 * @example
 * RESERVED_VARIABLES.has('settings') // true
 */
export const RESERVED_VARIABLES: ReadonlySet<string> = new Set(['settings', 'secrets', 'outputs']);

/**
 * `reserved-names`: no input, output, flow variable or ask variable is called `settings`,
 * `secrets` or `outputs`, and no outcome rule is called `invalid_input` (the engine gives
 * that outcome itself, before any request).
 *
 * @example
 * reservedNames(data) // [{ file: 'templates/steps/new/lookup.json', pointer: '/inputs/settings', rule: 'reserved-names', ... }]
 */
export const reservedNames: Rule = (data) => {
  const problems: Problem[] = [];
  for (const { file, value } of data.templates) {
    for (const name of Object.keys(value.inputs)) if (RESERVED_VARIABLES.has(name)) problems.push(reservedVariable(file, pointer('inputs', name), name, 'an input'));
    for (const name of Object.keys(value.outputs)) if (RESERVED_VARIABLES.has(name)) problems.push(reservedVariable(file, pointer('outputs', name), name, 'an output'));
    value.outcomes.forEach((outcome, index) => {
      if (outcome.name !== INVALID_INPUT) return;
      problems.push({
        file,
        pointer: pointer('outcomes', index, 'name'),
        rule: 'reserved-names',
        message: `"${INVALID_INPUT}" is reserved: the engine gives it, without a request, when an input fails its type or format`,
        expected: 'an outcome name other than invalid_input (flows route invalid_input on their own)',
        example: '"name": "rejected"',
      });
    });
  }
  for (const { file, value } of data.flows) {
    for (const name of Object.keys(value.variables)) if (RESERVED_VARIABLES.has(name)) problems.push(reservedVariable(file, pointer('variables', name), name, 'a flow variable'));
    for (const [id, node] of Object.entries(value.nodes)) {
      if (node.type === 'ask' && RESERVED_VARIABLES.has(node.variable)) problems.push(reservedVariable(file, pointer('nodes', id, 'variable'), node.variable, 'an ask variable'));
    }
  }
  return problems;
};

function reservedVariable(file: string, at: string, name: string, what: string): Problem {
  return {
    file,
    pointer: at,
    rule: 'reserved-names',
    message: `"${name}" is reserved and cannot name ${what}: <<${name}.x>> already means something else`,
    expected: 'a name other than settings, secrets and outputs',
    example: `"${name === 'outputs' ? 'result' : `my_${name}`}"`,
  };
}
