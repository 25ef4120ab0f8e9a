import type { Declared } from '../../declarations/load.js';
import { pointer, type Problem } from '../../declarations/problem.js';
import { profileProblems } from '../../declarations/profile.js';
import type { Flow } from '../../generated/flow.js';
import { didYouMean } from '../../nearest.js';
import type { PluginData, Rule } from '../plugin-data.js';
import { flowNames } from './placeholders-declared.js';

const RULE = 'builder-profile';

/**
 * `builder-profile`: the shipped templates and flows use only what the builder holds, as
 * `manifest.json`'s `builder` profile names it (decision 006): the check every export
 * runs too (`profileProblems`: outcome rules by status, timeout and network failure;
 * outputs as plain paths; plain `<<variable>>` placeholders; condition operators, text
 * functions and ask validations the builder has), and a condition's variable is one the
 * flow knows.
 *
 * @example
 * builderProfile(data) // [{ pointer: '/outputs/in_target_group/expression', rule: 'builder-profile', message: 'output "in_target_group" is not a plain path: contains(...)', ... }]
 */
export const builderProfile: Rule = (data) => {
  const profile = data.manifest?.value.builder;
  if (!profile) return [];
  return [...profileProblems(data.templates, data.flows, { rule: RULE, profile }), ...data.flows.flatMap((f) => conditionVariables(f, data))];
};

/** A condition reads a variable the flow knows: a flow variable, an ask or set variable, a step output, or `settings.<name>`. */
function conditionVariables({ file, value: flow }: Declared<Flow>, data: PluginData): Problem[] {
  const problems: Problem[] = [];
  const names = flowNames(flow, data);
  const settings = Object.keys(data.manifest?.value.settings ?? {});
  for (const [id, node] of Object.entries(flow.nodes)) {
    if (node.type !== 'condition') continue;
    const [head = '', rest] = node.variable.split('.');
    const known = head === 'settings' ? settings.includes(rest ?? '') : names === undefined || names.has(head);
    if (known) continue;
    const choices = head === 'settings' ? settings : [...(names ?? [])];
    problems.push({
      file,
      pointer: pointer('nodes', id, 'variable'),
      rule: RULE,
      message: `condition on "${node.variable}", which this flow never sets${didYouMean(head === 'settings' ? (rest ?? '') : head, choices)}`,
      expected: 'a flow variable, an ask or set variable, a step output, or settings.<name>',
      example: '"variable": "subscriber_status"',
    });
  }
  return problems;
}
