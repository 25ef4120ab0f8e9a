import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { OutcomeRule, StepTemplate, VariableDeclaration } from '../../plugin/generated/step-template.js';
import type { ResponseRecord } from '../../plugin/http/response.js';
import type { JsonValue } from '../../plugin/json.js';
import { closureRequest, compileRequest, type BuiltRequest } from '../../plugin/request/build.js';
import { generateRequest } from '../../plugin/request/request-code.js';
import { closureOutcomes, compileOutcomes, type Observation } from '../../plugin/response/decide.js';
import { evaluate, interpret } from '../../plugin/response/jmespath.js';
import { closureOutputs } from '../../plugin/response/map.js';
import { generateOutcomes } from '../../plugin/response/outcomes-code.js';
import { generateOutputs } from '../../plugin/response/outputs-code.js';
import { closureInputs, type Variables } from '../../plugin/step/inputs.js';
import { generateInputs } from '../../plugin/step/inputs-code.js';
import { scopeOf } from '../../plugin/template/scope.js';
import { SETTINGS, shipped } from './support/catalog.js';
import { BODIES, EXTRA_EXPRESSIONS, namesPrototype, shippedExpressions } from './support/expressions.js';

/**
 * The generated stages (one function per template part) against the closures they stand
 * in for, which the stage tables and the interpreter pin down: same results, same errors,
 * over the shipped templates and over arbitrary declarations and values.
 */

const RUNS = { numRuns: 2_000 };

/** What a call gave: its value, or the error's class, message and details. */
function outcome<T>(run: () => T): T | { thrown: string; message: string; details: unknown } {
  try {
    return run();
  } catch (error) {
    const e = error as Error & { missing?: unknown };
    return { thrown: e.constructor.name, message: e.message, details: e.missing };
  }
}

const nasty = fc.constantFrom('', ' ', '"', '\\', '\n', '\r\n', '\u0000', '\u001f', '<<', '{{', '../', '..', '.', '?#&=', '%2F', '@', '😀', 'é', '\u2028', '\ud800', '\udfff', 'Priya@Example.com', '+919820000001', '42');
const text = fc.oneof(nasty, fc.string({ maxLength: 6 }), fc.string({ unit: 'binary', maxLength: 4 }));
const leaf = fc.oneof(fc.constant(null), fc.boolean(), fc.integer({ min: -3, max: 99 }), fc.double({ noNaN: false }), text);
const json: fc.Arbitrary<JsonValue> = fc.letrec<{ value: JsonValue }>((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, leaf, fc.array(tie('value'), { maxLength: 3 }), fc.dictionary(fc.constantFrom('a', 'b', 'id', '1', 'length', 'constructor', '__proto__'), tie('value'), { maxKeys: 3 })),
})).value;

describe('generated requests are the closures’ requests', () => {
  const leafTemplate = fc.oneof(
    fc.constantFrom('<<a>>', '<<b>>', '<<a.id>>', '<<settings.group_id>>', '<<settings>>', '<<secrets.api_key>>', '<<missing>>', 'literal', '', ' ', '\\<<a>>', '{{a}}', 'Hi <<a>>!', '<<a>><<b>>', '<<lower a>>', '<<#if a>>yes<</if>>', '<<a.length>>'),
    fc.constantFrom(0, 1.5, true, false, null),
  );
  const bodyTemplate: fc.Arbitrary<JsonValue> = fc.letrec<{ node: JsonValue }>((tie) => ({
    node: fc.oneof({ depthSize: 'small' }, leafTemplate, fc.array(tie('node'), { maxLength: 3 }), fc.dictionary(fc.constantFrom('email', 'fields', 'name', '2', '10', '__proto__', 'a b'), tie('node'), { maxKeys: 3 })),
  })).node;
  const headers = fc.dictionary(
    fc.constantFrom('Authorization', 'Accept', 'X-Name', 'X-Key'),
    fc.constantFrom('Bearer <<secrets.api_key>>', '<<secrets.api_key>>', 'application/json', '<<a>>', 'Name: <<a>>', '<<upper a>>', '<<#each secrets>><<this>><</each>>', ' ', 'a\r\nb', '<<secrets.other>><<a>>'),
    { maxKeys: 3 },
  );
  const url = fc.constantFrom(
    'https://connect.mailerlite.com/api/subscribers',
    'https://connect.mailerlite.com/api/subscribers/<<a>>',
    'https://connect.mailerlite.com/api/subscribers/<<a>>/groups/<<settings.group_id>>',
    'https://connect.mailerlite.com/api/x-<<a>>-<<b>>/y',
    'https://connect.mailerlite.com/api/<<lower a>>',
  );
  const query = fc.option(fc.dictionary(fc.constantFrom('filter[name]', 'limit'), fc.constantFrom('<<a>>', '100', '<<b>>'), { maxKeys: 2 }), { nil: undefined });
  const vars = fc.record({ a: json, b: json }, { requiredKeys: [] });
  const escapes = fc.constantFrom('"', '\\', '\n', 'a"b', '\u0000', '\ud800', 'x\\y', '\t"');
  const secrets = fc.oneof(fc.constant({ api_key: 'KEY-1' }), fc.constant({ api_key: 'KEY-1', other: 'x' }), fc.constant({}));

  it('same body value and body text, and the text is JSON.stringify of the value', () => {
    let escaped = 0;
    fc.assert(
      fc.property(bodyTemplate, fc.record({ a: fc.oneof(escapes, json), b: fc.oneof(escapes, json) }), (b, given) => {
        const request = { method: 'POST', url: 'https://connect.mailerlite.com/api/subscribers', headers: { Accept: 'application/json' }, body: b } as StepTemplate['request'];
        const scope = () => scopeOf(given, { group_id: '123456789' }, {});
        const mine = outcome(() => generateRequest(request)!(scope()));
        expect(mine).toEqual(outcome(() => closureRequest(request)(scope())));
        const built = mine as BuiltRequest;
        if (!('ok' in built && built.ok)) return;
        expect(built.outgoing.body).toBe(JSON.stringify(built.shown.body));
        if (/\\/.test(built.outgoing.body!)) escaped++;
      }),
      RUNS,
    );
    // The property saw texts that JSON escapes, not only plain ones.
    expect(escaped).toBeGreaterThan(RUNS.numRuns / 20);
  });

  it('same headers, sent and shown (secrets redacted), left out when blank, refused with a line break', () => {
    let sent = 0;
    fc.assert(
      fc.property(headers, fc.record({ a: fc.oneof(fc.constantFrom('Priya', 'Zoë', ' ', '', 'a\nb', 42, null), json) }), secrets, (h, given, keys) => {
        const request = { method: 'GET', url: 'https://connect.mailerlite.com/api/subscribers', headers: h } as StepTemplate['request'];
        const scope = () => scopeOf(given, {}, keys);
        const mine = outcome(() => generateRequest(request)!(scope()));
        expect(mine).toEqual(outcome(() => closureRequest(request)(scope())));
        if ((mine as BuiltRequest).ok) sent++;
      }),
      RUNS,
    );
    expect(sent).toBeGreaterThan(RUNS.numRuns / 4);
  });

  it('same URL, headers (sent and shown), body value and body text; the text is JSON.stringify of the value', () => {
    fc.assert(
      fc.property(url, query, headers, fc.option(bodyTemplate, { nil: undefined }), vars, secrets, fc.constantFrom(undefined, 'http://127.0.0.1:9090/'), (u, q, h, b, given, keys, base) => {
        const request = { method: 'POST', url: u, ...(q ? { query: q } : {}), headers: h, ...(b === undefined ? {} : { body: b }) } as StepTemplate['request'];
        const generated = generateRequest(request);
        expect(generated).toBeDefined();
        const scope = () => scopeOf(given, { group_id: '123456789' }, keys);
        const mine = outcome(() => generated!(scope(), base));
        expect(mine).toEqual(outcome(() => closureRequest(request)(scope(), base)));
        const built = mine as BuiltRequest;
        if ('ok' in built && built.ok && b !== undefined) expect(built.outgoing.body).toBe(JSON.stringify(built.shown.body));
      }),
      RUNS,
    );
  });

  it('the shipped templates generate their requests', () => {
    for (const template of shipped().templates) expect(generateRequest(template.request), template.id).toBeDefined();
  });
});

describe('generated input checks are the closures’ checks', () => {
  const declaration: fc.Arbitrary<VariableDeclaration> = fc.record(
    {
      type: fc.constantFrom('string', 'number', 'integer', 'boolean', 'array', 'object'),
      format: fc.constantFrom('email', 'phone', 'id', 'uri', 'date-time'),
      required: fc.boolean(),
      default: json,
      pattern: fc.constantFrom('^[a-z]+$', '^\\d+$', '.'),
      enum: fc.array(leaf, { minLength: 1, maxLength: 3 }),
      description: fc.constant('d'),
      example: fc.constant('e'),
    },
    { requiredKeys: ['type', 'description'] },
  ) as fc.Arbitrary<VariableDeclaration>;
  const declared = fc.dictionary(fc.constantFrom('customer_email', 'customer_name', 'n', 'tags'), declaration, { minKeys: 1, maxKeys: 3 });

  it('same values, same invalid list, same MissingInputError', () => {
    fc.assert(
      fc.property(declared, fc.dictionary(fc.constantFrom('customer_email', 'customer_name', 'n', 'tags'), json, { maxKeys: 4 }), (decls, given) => {
        const generated = generateInputs(decls);
        expect(generated).toBeDefined();
        expect(outcome(() => generated!(given as Variables, 't'))).toEqual(outcome(() => closureInputs(decls)(given as Variables, 't')));
      }),
      RUNS,
    );
  });
});

const HEADERS = { 'x-ratelimit-remaining': '89' };
const INPUTS = { customer_email: 'priya@example.com', group_name: 'WhatsApp Opt-Ins' };

describe('generated output mappings are the closures’ mappings', () => {
  const expressions = [...shippedExpressions(), ...EXTRA_EXPRESSIONS];

  it('each expression alone, over every body, gives what the closures give (and they what the interpreter gives)', () => {
    for (const expression of expressions) {
      const generated = generateOutputs({ x: { expression, description: 'd' } });
      if (!generated) continue;
      for (const [, body] of BODIES) {
        const response: ResponseRecord = { status: 200, headers: HEADERS, body, json: true };
        const variables = { status: 200, headers: HEADERS, inputs: INPUTS, settings: SETTINGS };
        const value = generated(response, INPUTS, SETTINGS).x;
        expect({ expression, body, value }).toEqual({ expression, body, value: evaluate(expression, body, variables) });
        // Fields read own properties only: where the interpreter reads an inherited one (`__proto__`, `toString`), null.
        if (!namesPrototype(expression)) expect({ expression, body, value }).toEqual({ expression, body, value: interpret(expression, body, variables) });
      }
    }
  });

  it('all of them together (reads shared between expressions) give what the closures give', () => {
    const outputs = Object.fromEntries(expressions.map((expression, i) => [`o${i}`, { expression, description: 'd' }]));
    const covered = Object.fromEntries(Object.entries(outputs).filter(([, output]) => generateOutputs({ x: output })));
    const generated = generateOutputs(covered);
    expect(generated).toBeDefined();
    for (const [, body] of BODIES) {
      for (const response of [{ status: 200, headers: HEADERS, body, json: true }, { status: 502, headers: {}, body: '<html>', json: false }, null] as Array<ResponseRecord | null>) {
        expect(generated!(response, INPUTS, SETTINGS)).toEqual(closureOutputs(covered)(response, INPUTS, SETTINGS));
      }
    }
  });

  it('every shipped template generates its outputs and its outcomes', () => {
    for (const template of shipped().templates) {
      expect(generateOutputs(template.outputs), template.id).toBeDefined();
      expect(generateOutcomes(template.outcomes), template.id).toBeDefined();
    }
  });
});

describe('generated outcome rules are the closures’ rules', () => {
  // Conditions see `$inputs` and `$settings` only: the others are not generated.
  const conditions = [...shippedExpressions(), ...EXTRA_EXPRESSIONS].filter((condition) => generateOutcomes([{ name: 'a', description: 'd', when: { condition } }]));
  const status = fc.oneof(fc.constantFrom(200, 201, 404, 422, 429, 502), fc.constantFrom('2xx', '4xx', '5xx'));
  const rule: fc.Arbitrary<OutcomeRule> = fc.record(
    {
      name: fc.constantFrom('a', 'b', 'c'),
      description: fc.constant('d'),
      when: fc.record(
        { status: fc.oneof(status, fc.array(status, { maxLength: 3 })), failure: fc.constantFrom('timeout', 'network'), condition: fc.constantFrom(...conditions) },
        { requiredKeys: [] },
      ),
    },
    { requiredKeys: ['name', 'description', 'when'] },
  ) as fc.Arbitrary<OutcomeRule>;
  const rules = fc.tuple(fc.array(rule, { maxLength: 5 }), fc.boolean()).map(([list, fallback]) => (fallback ? [...list, { name: 'error', description: 'd', fallback: true } as OutcomeRule] : list));
  const observation: fc.Arbitrary<Observation> = fc.record({
    response: fc.option(
      fc.record({ status: fc.constantFrom(200, 201, 404, 422, 429, 502), headers: fc.constant(HEADERS), body: fc.constantFrom(...BODIES.map(([, body]) => body)), json: fc.boolean() }),
      { nil: null },
    ),
    failure: fc.constantFrom(null, 'timeout', 'network'),
    outputs: fc.dictionary(fc.constantFrom('subscriber_status', 'in_target_group'), json, { maxKeys: 2 }),
    inputs: fc.constant(INPUTS),
    settings: fc.constant(SETTINGS),
  }) as fc.Arbitrary<Observation>;

  it('same decision, or the same DeclarationError without a fallback', () => {
    fc.assert(
      fc.property(rules, observation, (list, seen) => {
        const generated = generateOutcomes(list);
        expect(generated).toBeDefined();
        expect(outcome(() => generated!(seen))).toEqual(outcome(() => closureOutcomes(list)(seen)));
      }),
      RUNS,
    );
  });
});

describe('declarations and values at the edges: generated and closures agree', () => {
  const scope = (vars: object = {}, settings: object = {}) => scopeOf(vars, settings, { api_key: 'k' });

  it('a declaration of the wrong shape is left to the closures (nothing but quoted texts and numbers enters the code)', () => {
    const request = { method: JSON.parse('{"__proto__": null}'), url: 'https://h.com/p', headers: {} } as unknown as StepTemplate['request'];
    expect(generateRequest(request)).toBeUndefined();
    expect(compileRequest(request)(scope())).toEqual(closureRequest(request)(scope()));
    const rules = [
      { name: 'ok', description: 'd', when: { status: 200 } },
      { name: 'odd', description: 'd', when: { status: null } },
      { name: 'error', description: 'd', fallback: true },
    ] as unknown as OutcomeRule[];
    expect(generateOutcomes(rules)).toBeUndefined();
    const seen: Observation = { response: { status: 200, headers: {}, body: null, json: false }, failure: null, outputs: {}, inputs: {}, settings: {} };
    expect(compileOutcomes(rules)(seen)).toEqual({ outcome: 'ok', rule: 0 });
  });

  it('a header row that does not compile throws even after a literal row that can never be sent', () => {
    const request = { method: 'GET', url: 'https://h.com/p', headers: { 'X-A': 'a\nb', 'X-B': '<<oops' } } as StepTemplate['request'];
    expect(outcome(() => compileRequest(request)(scope()))).toEqual(outcome(() => closureRequest(request)(scope())));
    expect(outcome(() => compileRequest(request)(scope()))).toMatchObject({ thrown: 'TemplateSyntaxError' });
  });

  it('fields read own properties only: inherited ones (a getter, a prototype, a polluted Object.prototype) read null', () => {
    const outputs = { plan: { expression: '$inputs.meta.plan', description: 'd' }, group: { expression: '$settings.group_id', description: 'd' }, role: { expression: 'data.role', description: 'd' } };
    const generated = generateOutputs(outputs)!;
    const settings = new (class {
      get group_id(): string {
        return '123';
      }
    })() as unknown as Record<string, JsonValue>;
    const inputs = { meta: Object.create({ plan: 'pro' }) as JsonValue };
    const response: ResponseRecord = { status: 200, headers: {}, body: { data: {} }, json: true };
    const polluted = Object.prototype as unknown as Record<string, unknown>;
    polluted.role = 'admin';
    try {
      expect(generated(response, inputs, settings)).toEqual({ plan: null, group: null, role: null });
      expect(closureOutputs(outputs)(response, inputs, settings)).toEqual({ plan: null, group: null, role: null });
    } finally {
      delete polluted.role;
    }
  });

  it('-0 stays -0 in a body value; a JSON response without a body is seen as the closures see it', () => {
    const request = { method: 'POST', url: 'https://h.com/p', headers: {}, body: { a: 0, b: -0 } } as unknown as StepTemplate['request'];
    const built = generateRequest(request)!(scope()) as Extract<BuiltRequest, { ok: true }>;
    expect(Object.is((built.shown.body as Record<string, number>).b, -0)).toBe(true);
    expect(built).toEqual(closureRequest(request)(scope()));
    const rules = [
      { name: 'whole', description: 'd', when: { condition: '@ == {status: status, headers: headers, body: `null`, outputs: outputs}' } },
      { name: 'error', description: 'd', fallback: true },
    ] as OutcomeRule[];
    const seen = { response: { status: 200, headers: {}, json: true }, failure: null, outputs: {}, inputs: {}, settings: {} } as unknown as Observation;
    expect(generateOutcomes(rules)!(seen)).toEqual(closureOutcomes(rules)(seen));
  });
});
