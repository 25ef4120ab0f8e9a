import { describe, expect, it } from 'vitest';
import type { JsonValue } from '../../plugin/json.js';
import { evaluate, interpret } from '../../plugin/response/jmespath.js';
import { SETTINGS, shipped } from './support/catalog.js';
import { shapeBody } from './support/mailerlite.js';

/** Expressions beyond the shipped ones, one or more per AST node type the compiler handles. */
const EXTRA = [
  'data', 'data.id', 'data.groups[0].id', 'data.groups[-1].name', 'data.groups[5]', 'data.groups[].id', 'data.groups[*].id', 'data[*].name',
  'data[].groups[].id', 'data.groups[][]', 'data.fields.*', 'data.fields.name || `"there"`', 'data.fields.company && data.fields.name',
  '!data.fields.company', 'data.sent == `0`', 'data.sent != `0`', 'data.sent > `1`', 'data.sent <= `0`', 'data.email < `5`',
  'data.groups[?name == `"WhatsApp Opt-Ins"`].id', 'data[?active_count > `0`].name', 'data.groups[?id == $settings.group_id] | [0].name',
  '[data.id, data.status]', '{id: data.id, n: length(data.groups)}', 'data.status == \'active\' ? `"yes"` : `"no"`',
  'let $x = data.id in [$x, $settings.group_id]', '$missing', '$inputs.customer_email', 'length(data.email)', 'length(data)', 'length(`5`)',
  'join(\', \', data.groups[].name)', 'join(\', \', data.groups)', 'to_string(data.sent)', 'to_string(data.id)', 'contains(data.email, \'@\')',
  'contains(data.email, `1`)', 'contains(`null`, \'x\')', 'contains(data.groups[].id, `123456789`)', 'not_null(data.nope, data.id)',
  'type(data.groups)', 'keys(data.fields) | length(@)', 'data.groups[0:1].id', '$.data.id', 'sort_by(data.groups, &name)[0].id', 'data.sent + `1`',
  '@', '`[1, [2, [3]]]`[]', 'data.email.length',
];

function shippedExpressions(): string[] {
  const found = new Set<string>();
  for (const template of shipped().templates) {
    for (const output of Object.values(template.outputs)) found.add(output.expression);
    for (const rule of template.outcomes) if ('when' in rule && rule.when.condition) found.add(rule.when.condition);
  }
  return [...found];
}

const BODIES: Array<[string, JsonValue]> = [
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
];

describe('compiled JMESPath agrees with the interpreter', () => {
  const expressions = [...shippedExpressions(), ...EXTRA];
  const variables = { status: 200, headers: { 'x-ratelimit-remaining': '89' }, inputs: { customer_email: 'priya@example.com', group_name: 'WhatsApp Opt-Ins' }, settings: SETTINGS };

  it.each(BODIES)('over %s', (_, body) => {
    for (const expression of expressions) {
      // Also as a decide rule sees it: {status, headers, body, outputs}.
      for (const root of [body, { status: 200, headers: {}, body, outputs: { subscriber_status: 'junk', in_target_group: true } }]) {
        expect({ expression, value: evaluate(expression, root as JsonValue, variables) }).toEqual({ expression, value: interpret(expression, root as JsonValue, variables) });
      }
    }
  });

  it('reads only own properties, where the interpreter would hand back a function', () => {
    expect(evaluate('constructor', {}, {})).toBeNull();
    expect(evaluate('data.id', { data: { id: '1' } }, {})).toBe('1');
  });
});
