import { compile, search, TreeInterpreter, type JSONValue } from '@jmespath-community/jmespath';
import { describe, expect, it } from 'vitest';
import type { JsonValue } from '../../plugin/json.js';
import { evaluate } from '../../plugin/response/jmespath.js';
import { SETTINGS } from './support/catalog.js';
import { BODIES, EXTRA_EXPRESSIONS, namesPrototype, shippedExpressions } from './support/expressions.js';

describe('JMESPath over responses', () => {
  const expressions = [...shippedExpressions(), ...EXTRA_EXPRESSIONS];
  const variables = { status: 200, headers: { 'x-ratelimit-remaining': '89' }, inputs: { customer_email: 'priya@example.com', group_name: 'WhatsApp Opt-Ins' }, settings: SETTINGS };

  it.each(BODIES)('the own-property guard changes no result over %s', (_, body) => {
    for (const expression of expressions) {
      if (namesPrototype(expression)) continue;
      // Also as a decide rule sees it: {status, headers, body, outputs}.
      for (const root of [body, { status: 200, headers: {}, body, outputs: { subscriber_status: 'junk', subscriber_group_ids: ['123456789'] } }]) {
        let expected: unknown;
        try {
          // The library alone: `search` where no variable is read (it knows the root `$`), a scoped interpreter where one is.
          expected = /\$[a-z]/.test(expression)
            ? TreeInterpreter.withScope(variables as Record<string, JSONValue>).visit(compile(expression), root as JSONValue)
            : search(root as JSONValue, expression);
          expected ??= null;
        } catch {
          expected = null;
        }
        expect({ expression, value: evaluate(expression, root as JsonValue, variables) }).toEqual({ expression, value: expected });
      }
    }
  });

  it('never reads through the prototype, where the library alone would hand back a function or its name', () => {
    expect(search({} as JSONValue, 'constructor')).toBeTypeOf('function');
    expect(evaluate('constructor', {}, {})).toBeNull();
    expect(evaluate('constructor.name', {}, {})).toBeNull();
    expect(evaluate('data.toString', { data: {} }, {})).toBeNull();
    expect(evaluate('$settings.constructor', {}, { settings: {} })).toBeNull();
    expect(evaluate('data.id', { data: { id: '1' } }, {})).toBe('1');
  });

  it('keeps a "__proto__" key a key, and results plain objects', () => {
    const body = JSON.parse('{"data": {"__proto__": {"id": "x"}, "fields": {"a": 1}}}') as JsonValue;
    expect(evaluate('data."__proto__".id', body, {})).toBe('x');
    const fields = evaluate('data.fields', body, {});
    expect(fields).toEqual({ a: 1 });
    expect(Object.getPrototypeOf(fields)).toBe(Object.prototype);
  });

  it('a runtime error yields null; a syntax error throws', () => {
    expect(evaluate('length(data.nope)', { data: {} }, {})).toBeNull();
    expect(() => evaluate('data.[', {}, {})).toThrow();
  });
});
