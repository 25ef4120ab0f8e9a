import type { Flow } from '../generated/flow.js';
import type { BuilderProfile } from '../generated/manifest.js';
import type { StepTemplate } from '../generated/step-template.js';
import { tokenize } from '../template/tokenize.js';
import type { Declared } from './load.js';
import { plainPath, plainVariable } from './plain.js';
import { pointer, type Problem } from './problem.js';
import { flowTexts, requestTexts, type TemplateText } from './texts.js';

/** How {@link profileProblems} reports. */
export interface ProfileCheck {
  /** The rule name the problems carry: `builder-profile` in `validate`, the exporter's own in an export. */
  rule: string;
  /**
   * The manifest's `builder` profile: what its lists allow (outcome kinds, condition
   * operators, text functions, ask validations). Without one, only what no builder holds
   * is refused (helpers and blocks, outputs that are no plain path, outcomes that read the body).
   */
  profile?: BuilderProfile | undefined;
  /** Report a text that does not parse (`validate` leaves it to its `template-syntax` rule). */
  unparsed?: boolean;
}

/**
 * What in these step templates and flows is outside the builder profile (decision 006):
 * placeholders that are no plain `<<variable>>`, outputs that are no plain path, outcome
 * rules that read the body or test what the profile's `step_outcomes` do not list;
 * condition operators, text functions and ask validations the profile does not list, and
 * conditions without the operand their operator needs. The one check `validate` and every
 * export run; each problem names the file and the JSON Pointer, what the profile allows
 * and an example.
 *
 * @example
 * profileProblems(templates, flows, { rule: 'node-red-export', profile: manifest.builder, unparsed: true })
 * // [{ file: 'templates/flows/new/whatsapp-join.json', pointer: '/nodes/welcome/text', rule: 'node-red-export', message: '<<first_name customer_name>> is not a plain placeholder', ... }]
 */
export function profileProblems(templates: ReadonlyArray<Declared<StepTemplate>>, flows: ReadonlyArray<Declared<Flow>>, check: ProfileCheck): Problem[] {
  return [...templates.flatMap((t) => templateProblems(t, check)), ...flows.flatMap((f) => flowProblems(f, check))];
}

type Say = (at: string, message: string, expected: string, example: string) => void;

function recorder(file: string, rule: string, into: Problem[]): Say {
  return (at, message, expected, example) => void into.push({ file, pointer: at, rule, message, expected, example });
}

function templateProblems({ file, value }: Declared<StepTemplate>, check: ProfileCheck): Problem[] {
  const problems: Problem[] = [];
  const say = recorder(file, check.rule, problems);
  const { profile } = check;
  // `plain` is the only value the schema allows for output_paths and placeholders.
  for (const text of requestTexts(value)) plainPlaceholders(text, say, check.unparsed === true);
  for (const [name, output] of Object.entries(value.outputs)) {
    if (!plainPath(output.expression)) say(pointer('outputs', name, 'expression'), `output "${name}" is not a plain path: ${output.expression}`, 'names, [n] indexes and [*] over a list, as a builder response mapping holds them', '"expression": "data.groups[*].id"');
  }
  const kinds = profile?.step_outcomes.join(', ') ?? 'status, timeout, network';
  value.outcomes.forEach((rule, index) => {
    if (!('when' in rule)) return;
    const at = (key: string) => pointer('outcomes', index, 'when', key);
    if (rule.when.condition !== undefined) say(at('condition'), `outcome "${rule.name}" reads the response body`, `a rule on ${kinds} (the builder's step branches by these only); a check of the body becomes a condition node in the flow`, '{ "name": "found", "when": { "status": 200 } }');
    if (!profile) return;
    if (rule.when.status !== undefined && !profile.step_outcomes.includes('status')) say(at('status'), `outcome "${rule.name}" tests the status, which the builder's profile does not hold`, kinds, '{ "failure": "timeout" }');
    if (rule.when.failure !== undefined && !profile.step_outcomes.includes(rule.when.failure)) say(at('failure'), `outcome "${rule.name}" tests a ${rule.when.failure} failure, which the builder's profile does not hold`, kinds, '{ "status": 404 }');
  });
  return problems;
}

function flowProblems({ file, value: flow }: Declared<Flow>, check: ProfileCheck): Problem[] {
  const problems: Problem[] = [];
  const say = recorder(file, check.rule, problems);
  const { profile } = check;
  for (const [id, node] of Object.entries(flow.nodes)) {
    const at = (...tokens: string[]) => pointer('nodes', id, ...tokens);
    if (node.type === 'condition') {
      if (profile && !profile.conditions.includes(node.operator)) say(at('operator'), `the builder has no "${node.operator}" condition`, profile.conditions.join(', '), '"operator": "equals"');
      if ((node.operator === 'equals' || node.operator === 'contains') && node.value === undefined) say(at('value'), `"${node.operator}" needs a value to compare with`, 'a "value" text (plain placeholders allowed)', '"value": "<<settings.group_id>>"');
      if (node.operator === 'is_one_of' && node.values === undefined) say(at('values'), '"is_one_of" needs the values to compare with', 'a non-empty "values" list', '"values": ["unsubscribed", "bounced", "junk"]');
    }
    if (!profile) continue;
    if (node.type === 'set' && !profile.text_functions.includes(node.function)) say(at('function'), `the builder has no "${node.function}" text function`, profile.text_functions.join(', ') || 'none', '"function": "first_word"');
    if (node.type === 'ask' && node.validate !== undefined && !profile.ask_validation.includes(node.validate)) say(at('validate'), `the builder's ask cannot validate "${node.validate}"`, profile.ask_validation.join(', ') || 'none', '"validate": "email"');
  }
  for (const text of flowTexts(flow)) plainPlaceholders(text, say, check.unparsed === true);
  return problems;
}

/** One problem per placeholder of the text that is no plain `<<variable>>`. */
function plainPlaceholders(text: TemplateText, say: Say, unparsed: boolean): void {
  let tokens;
  try {
    tokens = tokenize(text.source);
  } catch (error) {
    if (unparsed) say(text.pointer, error instanceof Error ? error.message : String(error), 'closed <<...>> tags and closed blocks; "\\<<" for a literal "<<"', '"Hi <<customer_name>>!"');
    return;
  }
  for (const token of tokens) {
    if (token.kind === 'tag' && plainVariable(token.value) === undefined) {
      say(
        text.pointer,
        `<<${token.value}>> is not a plain placeholder`,
        "one variable per placeholder (<<name>>, <<settings.name>>), as the builder's texts hold {{variables}}: no helper and no block; a derived value comes from a set node, a choice from a condition node",
        '"<<customer_first_name>>" after { "type": "set", "variable": "customer_first_name", "function": "first_word", "of": "customer_name" }',
      );
    }
  }
}
