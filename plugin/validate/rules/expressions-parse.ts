import type { Declared } from '../../declarations/load.js';
import type { Problem } from '../../declarations/problem.js';
import { pointer } from '../../declarations/problem.js';
import type { Manifest } from '../../generated/manifest.js';
import type { StepTemplate } from '../../generated/step-template.js';
import { analyzeExpression } from '../expression.js';
import { didYouMean } from '../../nearest.js';
import type { Rule } from '../plugin-data.js';

const OUTPUT_VARIABLES = ['status', 'headers', 'inputs', 'settings'];
const CONDITION_VARIABLES = ['inputs', 'settings'];
const CONDITION_FIELDS = ['status', 'headers', 'body', 'outputs'];

/**
 * `expressions-parse`: every output expression and outcome condition compiles as
 * community-edition JMESPath and reads only what is there. Outputs may use `$status`,
 * `$headers`, `$inputs`, `$settings`; conditions `$inputs` and `$settings`, and read
 * `status`, `headers`, `body` and the `outputs` the template declares. `$inputs.x` and
 * `$settings.x` must name a declared input or setting.
 *
 * @example
 * expressionsParse(data) // [{ pointer: '/outcomes/0/when/condition', rule: 'expressions-parse', message: 'outputs.in_group is not an output of this template ...', ... }]
 */
export const expressionsParse: Rule = (data) => data.templates.flatMap((template) => checkTemplate(template, data.manifest?.value));

interface Place {
  pointer: string;
  source: string;
  variables: string[];
  /** Root fields allowed (conditions), or undefined for the response body (outputs: anything). */
  fields: string[] | undefined;
  example: string;
}

function checkTemplate({ file, value }: Declared<StepTemplate>, manifest: Manifest | undefined): Problem[] {
  const places: Place[] = Object.entries(value.outputs).map(([name, output]) => ({
    pointer: pointer('outputs', name, 'expression'),
    source: output.expression,
    variables: OUTPUT_VARIABLES,
    fields: undefined,
    example: 'data.id',
  }));
  value.outcomes.forEach((outcome, index) => {
    if (!('when' in outcome) || outcome.when.condition === undefined) return;
    places.push({ pointer: pointer('outcomes', index, 'when', 'condition'), source: outcome.when.condition, variables: CONDITION_VARIABLES, fields: CONDITION_FIELDS, example: 'contains(body.data.groups[].id, $settings.group_id)' });
  });
  return places.flatMap((place) => checkPlace(file, place, value, manifest));
}

function checkPlace(file: string, place: Place, template: StepTemplate, manifest: Manifest | undefined): Problem[] {
  const problems: Problem[] = [];
  const add = (message: string, expected: string): void => {
    problems.push({ file, pointer: place.pointer, rule: 'expressions-parse', message, expected, example: place.example });
  };
  const reads = analyzeExpression(place.source);
  if (!reads.ok) {
    add(`${JSON.stringify(place.source)} does not compile: ${reads.message}`, 'a JMESPath expression (community edition; literals in backticks are JSON, e.g. `"active"`)');
    return problems;
  }
  const inConditions = place.fields !== undefined;
  for (const variable of reads.variables) {
    if (place.variables.includes(variable)) continue;
    const hint = inConditions && CONDITION_FIELDS.includes(variable) ? ` (in a condition, read "${variable}" without the $)` : didYouMean(variable, place.variables);
    add(`unknown variable $${variable}${hint}`, `only ${place.variables.map((v) => '$' + v).join(', ')}`);
  }
  for (const { variable, field } of reads.variableFields) {
    if (variable === 'inputs' && place.variables.includes('inputs') && !(field in template.inputs)) {
      add(`$inputs.${field} is not a declared input${didYouMean(field, Object.keys(template.inputs))}`, `one of the template's inputs: ${Object.keys(template.inputs).join(', ') || '(none)'}`);
    }
    if (variable === 'settings' && place.variables.includes('settings') && manifest && !(field in manifest.settings)) {
      add(`$settings.${field} is not a setting manifest.json declares${didYouMean(field, Object.keys(manifest.settings))}`, `one of the settings: ${Object.keys(manifest.settings).join(', ')}`);
    }
  }
  if (!place.fields) return problems;
  for (const field of reads.rootFields) {
    if (place.fields.includes(field)) continue;
    add(`a condition reads "${field}" from {status, headers, body, outputs}, where it is always null`, `a path starting with status, headers, body or outputs (e.g. body.${field})`);
  }
  for (const output of reads.outputFields) {
    if (output in template.outputs) continue;
    add(`outputs.${output} is not an output of this template${didYouMean(output, Object.keys(template.outputs))}`, `one of the declared outputs: ${Object.keys(template.outputs).join(', ') || '(none)'}`);
  }
  return problems;
}
