import { describe, expect, it } from 'vitest';
import type { JsonValue } from '../../plugin/json.js';
import { evaluate, interpret } from '../../plugin/response/jmespath.js';
import { SETTINGS } from './support/catalog.js';
import { BODIES, EXTRA_EXPRESSIONS, namesPrototype, shippedExpressions } from './support/expressions.js';

describe('compiled JMESPath agrees with the interpreter', () => {
  const expressions = [...shippedExpressions(), ...EXTRA_EXPRESSIONS];
  const variables = { status: 200, headers: { 'x-ratelimit-remaining': '89' }, inputs: { customer_email: 'priya@example.com', group_name: 'WhatsApp Opt-Ins' }, settings: SETTINGS };

  it.each(BODIES)('over %s', (_, body) => {
    for (const expression of expressions) {
      // Also as a decide rule sees it: {status, headers, body, outputs}.
      for (const root of [body, { status: 200, headers: {}, body, outputs: { subscriber_status: 'junk', in_target_group: true } }]) {
        const value = evaluate(expression, root as JsonValue, variables);
        if (namesPrototype(expression)) expect(typeof value).not.toBe('function');
        else expect({ expression, value }).toEqual({ expression, value: interpret(expression, root as JsonValue, variables) });
      }
    }
  });

  it('reads only own properties, where the interpreter would hand back a function', () => {
    expect(evaluate('constructor', {}, {})).toBeNull();
    expect(evaluate('data.id', { data: { id: '1' } }, {})).toBe('1');
  });
});
