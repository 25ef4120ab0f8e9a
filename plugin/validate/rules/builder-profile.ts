import type { Declared } from '../../declarations/load.js';
import { pointer, type Problem } from '../../declarations/problem.js';
import type { Flow } from '../../generated/flow.js';
import type { BuilderProfile } from '../../generated/manifest.js';
import type { StepTemplate } from '../../generated/step-template.js';
import { didYouMean } from '../../nearest.js';
import { tokenize } from '../../template/tokenize.js';
import type { PluginData, Rule } from '../plugin-data.js';
import { flowTexts, requestTexts, type TemplateText } from '../texts.js';
import { flowNames } from './placeholders-declared.js';

const RULE = 'builder-profile';

/** A plain path: names and `[n]` indexes, and `[*]` for each item of a list (`data.groups[*].id`, `[0].name`). */
const PLAIN_PATH = /^(?:[A-Za-z_][A-Za-z0-9_]*|\[(?:\d+|\*)\])(?:\.[A-Za-z_][A-Za-z0-9_]*|\[(?:\d+|\*)\])*$/;
/** A plain placeholder: one variable path, no helper, no block (`customer_email`, `settings.group_id`). */
const PLAIN_TAG = /^\s*[a-z_][a-z0-9_]*(?:\.[a-z_][a-z0-9_]*)*\s*$/;

/**
 * `builder-profile`: the shipped templates and flows use only what the builder holds, as
 * `manifest.json`'s `builder` profile names it (decision 006): outcome rules by status,
 * timeout and network failure; outputs as plain paths; plain `<<variable>>` placeholders;
 * condition operators, text functions and ask validations the builder has; a condition's
 * variable is one the flow knows, with the operand its operator needs.
 *
 * @example
 * builderProfile(data) // [{ pointer: '/outputs/in_target_group/expression', rule: 'builder-profile', message: 'output "in_target_group" is not a plain path: contains(...)', ... }]
 */
export const builderProfile: Rule = (data) => {
  const profile = data.manifest?.value.builder;
  if (!profile) return [];
  return [...data.templates.flatMap((t) => checkTemplate(t, profile)), ...data.flows.flatMap((f) => checkFlow(f, profile, data))];
};

function problem(file: string, at: string, message: string, expected: string, example: string): Problem {
  return { file, pointer: at, rule: RULE, message, expected, example };
}

function checkTemplate({ file, value }: Declared<StepTemplate>, profile: BuilderProfile): Problem[] {
  const problems: Problem[] = [];
  for (const [name, output] of Object.entries(value.outputs)) {
    if (profile.output_paths === 'plain' && !PLAIN_PATH.test(output.expression)) {
      problems.push(problem(file, pointer('outputs', name, 'expression'), `output "${name}" is not a plain path: ${output.expression}`, 'names, [n] indexes and [*] over a list, as a builder response mapping holds them', '"expression": "data.groups[*].id"'));
    }
  }
  value.outcomes.forEach((rule, index) => {
    if (!('when' in rule)) return;
    const at = (key: string) => pointer('outcomes', String(index), 'when', key);
    if (rule.when.condition !== undefined) {
      problems.push(problem(file, at('condition'), `outcome "${rule.name}" reads the response body; the builder's step branches by HTTP status only`, `a rule on ${profile.step_outcomes.join(', ')}; a check of the body becomes a condition node in the flow`, '{ "name": "found", "when": { "status": 200 } }'));
    }
    if (rule.when.status !== undefined && !profile.step_outcomes.includes('status')) problems.push(problem(file, at('status'), `outcome "${rule.name}" tests the status, which the builder's profile does not hold`, profile.step_outcomes.join(', '), '{ "failure": "timeout" }'));
    if (rule.when.failure !== undefined && !profile.step_outcomes.includes(rule.when.failure)) problems.push(problem(file, at('failure'), `outcome "${rule.name}" tests a ${rule.when.failure} failure, which the builder's profile does not hold`, profile.step_outcomes.join(', '), '{ "status": 404 }'));
  });
  if (profile.placeholders === 'plain') problems.push(...requestTexts(value).flatMap((text) => plainPlaceholders(file, text)));
  return problems;
}

function plainPlaceholders(file: string, text: TemplateText): Problem[] {
  let tokens;
  try {
    tokens = tokenize(text.source);
  } catch {
    return []; // the template-syntax rule reports it
  }
  return tokens
    .filter((token) => token.kind === 'tag' && !PLAIN_TAG.test(token.value))
    .map((token) =>
      problem(file, text.pointer, `<<${token.value}>> is not a plain placeholder: the builder's texts hold {{variables}} only`, 'one variable per placeholder, no helper and no block; a derived value comes from a set node, a choice from a condition node', '"<<customer_first_name>>" after { "type": "set", "variable": "customer_first_name", "function": "first_word", "of": "customer_name" }'),
    );
}

function checkFlow({ file, value: flow }: Declared<Flow>, profile: BuilderProfile, data: PluginData): Problem[] {
  const problems: Problem[] = [];
  const names = flowNames(flow, data);
  const settings = Object.keys(data.manifest?.value.settings ?? {});
  for (const [id, node] of Object.entries(flow.nodes)) {
    const at = (...tokens: string[]) => pointer('nodes', id, ...tokens);
    if (node.type === 'condition') {
      if (!profile.conditions.includes(node.operator)) problems.push(problem(file, at('operator'), `the builder has no "${node.operator}" condition`, profile.conditions.join(', '), '"operator": "equals"'));
      if ((node.operator === 'equals' || node.operator === 'contains') && node.value === undefined) problems.push(problem(file, at('value'), `"${node.operator}" needs a value to compare with`, 'a "value" text (plain placeholders allowed)', '"value": "<<settings.group_id>>"'));
      if (node.operator === 'is_one_of' && node.values === undefined) problems.push(problem(file, at('values'), '"is_one_of" needs the values to compare with', 'a non-empty "values" list', '"values": ["unsubscribed", "bounced", "junk"]'));
      const [head = '', rest] = node.variable.split('.');
      const known = head === 'settings' ? settings.includes(rest ?? '') : names === undefined || names.has(head);
      if (!known) {
        const choices = head === 'settings' ? settings : [...(names ?? [])];
        problems.push(problem(file, at('variable'), `condition on "${node.variable}", which this flow never sets${didYouMean(head === 'settings' ? (rest ?? '') : head, choices)}`, 'a flow variable, an ask or set variable, a step output, or settings.<name>', '"variable": "subscriber_status"'));
      }
    }
    if (node.type === 'set' && !profile.text_functions.includes(node.function)) problems.push(problem(file, at('function'), `the builder has no "${node.function}" text function`, profile.text_functions.join(', ') || 'none', '"function": "first_word"'));
    if (node.type === 'ask' && node.validate !== undefined && !profile.ask_validation.includes(node.validate)) problems.push(problem(file, at('validate'), `the builder's ask cannot validate "${node.validate}"`, profile.ask_validation.join(', ') || 'none', '"validate": "email"'));
  }
  if (profile.placeholders === 'plain') problems.push(...flowTexts(flow).flatMap((text) => plainPlaceholders(file, text)));
  return problems;
}
