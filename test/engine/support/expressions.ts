import type { JsonValue } from '../../../plugin/json.js';
import { shipped } from './catalog.js';
import { shapeBody } from './mailerlite.js';

/** Every output expression and outcome condition of the shipped templates. */
export function shippedExpressions(): string[] {
  const found = new Set<string>();
  for (const template of shipped().templates) {
    for (const output of Object.values(template.outputs)) found.add(output.expression);
    for (const rule of template.outcomes) if ('when' in rule && rule.when.condition) found.add(rule.when.condition);
  }
  return [...found];
}

/**
 * Expressions beyond the shipped ones: one or more per syntax node the compiled forms
 * handle, names Object.prototype has, `let` scoping, and some the interpreter runs.
 */
export const EXTRA_EXPRESSIONS = [
  'data', 'data.id', 'data.groups[0].id', 'data.groups[-1].name', 'data.groups[5]', 'data.groups[].id', 'data.groups[*].id', 'data[*].name',
  'data[].groups[].id', 'data.groups[][]', 'data.fields.*', 'data.fields.name || `"there"`', 'data.fields.company && data.fields.name',
  '!data.fields.company', 'data.sent == `0`', 'data.sent != `0`', 'data.sent > `1`', 'data.sent <= `0`', 'data.email < `5`',
  'data.groups[?name == `"WhatsApp Opt-Ins"`].id', 'data[?active_count > `0`].name', 'data.groups[?id == $settings.group_id] | [0].name',
  '[data.id, data.status]', '{id: data.id, n: length(data.groups)}', "data.status == 'active' ? `\"yes\"` : `\"no\"`", '$inputs.customer_email',
  '$missing', 'length(data.email)', 'length(data)', 'length(`5`)', "join(', ', data.groups[].name)", "join(', ', data.groups)", 'to_string(data.sent)',
  'to_string(data.id)', "contains(data.email, '@')", 'contains(data.email, `1`)', "contains(`null`, 'x')", 'contains(data.groups[].id, `123456789`)',
  'not_null(data.nope, data.id)', 'type(data.groups)', 'keys(data.fields) | length(@)', 'data.groups[0:1].id', '$.data.id', 'sort_by(data.groups, &name)[0].id',
  'data.sent + `1`', '@', '`[1, [2, [3]]]`[]', 'data.email.length', 'constructor', 'data.toString', 'data.__proto__', '$status', '$headers',
  'outputs.subscriber_status', 'status', 'body.data.id', 'outputs', 'headers', '[data.id, data.id, data.groups[].id, data.groups[].id]',
  'let $x = data.id in [$x, $settings.group_id]', 'let $x = data in let $y = $x.id in [$x.status, $y]', 'let $a = null in let $b = `1` in [$a, $b]',
  'let $a = `false` in let $b = `1` in $a', 'let $b = `1` in $status', 'let $b = `1` in $settings.group_id', 'let $a = `1`, $b = `2` in [$a, $b]',
];

/** Response bodies to run them over, by name. */
export const BODIES: Array<[string, JsonValue]> = [
  ['subscriber in the group', shapeBody('subscriber', { groups: ['100093655191127682', '123456789'], name: 'Priya Sharma' })],
  ['unsubscribed subscriber', shapeBody('subscriber', { status: 'unsubscribed' })],
  ['group list', shapeBody('groups', { groups: ['Grupa 1', 'WhatsApp Opt-Ins'] })],
  ['empty group list', shapeBody('groups', { groups: [] })],
  ['404', shapeBody('subscriber_not_found')],
  ['422', shapeBody('cannot_import')],
  ['classic subscriber', shapeBody('classic_subscriber')],
  ['classic groups', shapeBody('classic_groups', { groups: ['A', 'B'] })],
  ['null', null],
  ['text', '<html>502</html>'],
  ['nested lists', { data: [[1, { id: 'x' }], { id: 'y' }, null] }],
];

/**
 * True for an expression that names something Object.prototype has: the interpreter reads
 * it through the prototype, the compiled forms read own properties only (null).
 */
export const namesPrototype = (expression: string): boolean => /constructor|toString|__proto__/.test(expression);
