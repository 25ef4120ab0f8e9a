import type { Problem } from '../../declarations/problem.js';
import type { Rule } from '../plugin-data.js';

/**
 * `unique-ids`: step template ids are unique across the plugin; flow ids are unique per
 * API version (`whatsapp.join` may exist once for `new` and once for `classic`).
 *
 * @example
 * uniqueIds(data) // [{ file: 'templates/steps/new/copy.json', pointer: '/id', rule: 'unique-ids', ... }]
 */
export const uniqueIds: Rule = (data) => {
  const problems: Problem[] = [];
  const templateIds = new Map<string, string>();
  for (const { file, value } of data.templates) {
    const first = templateIds.get(value.id);
    if (first === undefined) templateIds.set(value.id, file);
    else problems.push(duplicate(file, `template id "${value.id}" is already used by ${first}`, 'a template id unique across the plugin', `${value.id}.v2`));
  }
  const flowIds = new Map<string, string>();
  for (const { file, value } of data.flows) {
    const key = `${value.api} ${value.id}`;
    const first = flowIds.get(key);
    if (first === undefined) flowIds.set(key, file);
    else problems.push(duplicate(file, `flow id "${value.id}" is already used by ${first} for the ${value.api} API`, 'a flow id unique among the flows of the same API version', `${value.id}-again`));
  }
  return problems;
};

function duplicate(file: string, message: string, expected: string, example: string): Problem {
  return { file, pointer: '/id', rule: 'unique-ids', message, expected, example };
}
