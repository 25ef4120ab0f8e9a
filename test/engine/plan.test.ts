import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MissingInputError, TemplateSyntaxError } from '../../plugin/errors.js';
import type { StepTemplate } from '../../plugin/generated/step-template.js';
import type { ResponseRecord } from '../../plugin/http/response.js';
import type { JsonValue } from '../../plugin/json.js';
import { compileBody, renderBody } from '../../plugin/request/body.js';
import { encodeSegment } from '../../plugin/request/encode.js';
import { compileHeaders, renderHeaders, type RenderedHeaders } from '../../plugin/request/headers.js';
import { compileUrl, renderUrl } from '../../plugin/request/url.js';
import { compileOutcomes } from '../../plugin/response/decide.js';
import { compileOutputs } from '../../plugin/response/map.js';
import { compileInputs, checkInputs } from '../../plugin/step/inputs.js';
import { planFor } from '../../plugin/step/plan.js';
import { prepareStep } from '../../plugin/step/run.js';
import { isBlankText } from '../../plugin/template/helpers.js';
import { scopeOf } from '../../plugin/template/scope.js';
import { SECRETS, SETTINGS, template } from './support/catalog.js';
import { readTable } from './support/tables.js';

type Context = Record<string, JsonValue>;

/** The scope of a context: its variables, settings and secrets kept apart, as a step holds them. */
function split(context: Context): ReturnType<typeof scopeOf> {
  const { settings = {}, secrets = {}, ...vars } = context;
  return scopeOf(vars, settings, secrets);
}

/** What a call gave: its value, or the class and message of what it threw. */
function outcome(run: () => unknown): unknown {
  try {
    return { value: run() };
  } catch (error) {
    return { threw: (error as Error).constructor.name, message: (error as Error).message };
  }
}

describe('compiled stages over a scope give what the stage functions give over a context', () => {
  it.each(readTable<{ name: string; url: string; query?: Record<string, string>; baseUrl?: string; context: Context }>('url'))('url $file: $name', (row) => {
    const context = { settings: {}, secrets: {}, ...row.context };
    const compiled = outcome(() => compileUrl(row.url, row.query)(split(context), row.baseUrl));
    expect(compiled).toEqual(outcome(() => renderUrl(row.url, row.query, context as Parameters<typeof renderUrl>[2], row.baseUrl)));
  });

  it.each(readTable<{ name: string; headers: Record<string, string>; context: Context }>('headers'))('headers $file: $name', (row) => {
    const context = { settings: {}, secrets: SECRETS, ...row.context };
    expect(outcome(() => compileHeaders(row.headers)(split(context)))).toEqual(outcome(() => renderHeaders(row.headers, context as Parameters<typeof renderHeaders>[1])));
  });

  it.each(readTable<{ name: string; body: JsonValue; context: Context }>('body'))('body $file: $name', (row) => {
    const context = { settings: {}, secrets: { api_key: 'k' }, ...row.context };
    expect(compileBody(row.body)(split(context))).toEqual(renderBody(row.body, context as Parameters<typeof renderBody>[1]));
  });

  it('inputs: the compiled checker is checkInputs, missing inputs and all', () => {
    for (const id of ['mailerlite.subscriber.upsert', 'mailerlite.groups.list']) {
      const { inputs } = template(id);
      for (const given of [{ customer_email: ' Priya@Example.com ', customer_phone: '98200' }, {}, { group_name: 'WhatsApp Opt-Ins' }]) {
        expect(outcome(() => compileInputs(inputs)(given, id))).toEqual(outcome(() => checkInputs(id, inputs, given)));
      }
    }
  });
});

describe('planFor', () => {
  const lookup = (): StepTemplate => structuredClone(template('mailerlite.subscriber.lookup'));
  const env = { settings: SETTINGS, secrets: SECRETS };

  it('compiles a template once and keeps its plan', () => {
    const step = lookup();
    expect(planFor(step)).toBe(planFor(step));
  });

  it('compiles again when a part of the template is replaced', () => {
    const step = lookup();
    const first = planFor(step);
    step.request = { ...step.request, url: 'https://connect.mailerlite.com/api/v2/subscribers/<<customer_email>>' };
    expect(planFor(step)).not.toBe(first);
    const prepared = prepareStep(step, { customer_email: 'priya@example.com' }, env);
    expect(prepared.ok && prepared.built.outgoing.url).toBe('https://connect.mailerlite.com/api/v2/subscribers/priya@example.com');
    const second = planFor(step);
    step.outputs = { id: { expression: 'data.id', type: 'string', description: 'id' } };
    expect(planFor(step)).not.toBe(second);
  });
});

describe('a broken part throws only when a step reaches it, as when parts compiled on first use', () => {
  const base = template('mailerlite.group.assign');
  const env = { settings: SETTINGS, secrets: SECRETS };

  it('missing inputs are reported before a broken URL', () => {
    const step: StepTemplate = { ...base, request: { ...base.request, url: '<<host>>/api' } };
    expect(() => prepareStep(step, {}, env)).toThrow(MissingInputError);
    expect(() => prepareStep(step, { subscriber_id: '1' }, env)).toThrow(TemplateSyntaxError);
  });

  it('a path segment refused stops the request before a broken body leaf is built', () => {
    const step: StepTemplate = { ...base, request: { ...base.request, body: { note: '<<unclosed' } } };
    expect(prepareStep(step, { subscriber_id: '1' }, { ...env, settings: { ...SETTINGS, group_id: '..' } })).toMatchObject({ ok: false, invalid: [{ name: 'url' }] });
    expect(() => prepareStep(step, { subscriber_id: '1' }, env)).toThrow(TemplateSyntaxError);
  });

  it('an output that does not parse throws when a response is mapped, not without one', () => {
    const map = compileOutputs({ ok: { expression: 'data.id', description: 'd' }, broken: { expression: 'data.[', description: 'd' } });
    expect(map(null, {}, {})).toEqual({ ok: null, broken: null });
    expect(() => map({ status: 200, headers: {}, body: {}, json: true }, {}, {})).toThrow();
  });

  it('a condition that does not parse throws only when its rule is reached and its status matches', () => {
    const decideOf = compileOutcomes([
      { name: 'gone', description: 'd', when: { status: 404 } },
      { name: 'odd', description: 'd', when: { status: 200, condition: 'body.[' } },
      { name: 'error', description: 'd', fallback: true },
    ]);
    const seen = (status: number) => ({ response: { status, headers: {}, body: {}, json: true } as ResponseRecord, failure: null, outputs: {}, inputs: {}, settings: {} });
    expect(decideOf(seen(404))).toEqual({ outcome: 'gone', rule: 0 });
    expect(decideOf(seen(500))).toEqual({ outcome: 'error', rule: 2 });
    expect(() => decideOf(seen(200))).toThrow();
  });

  it('an input pattern that is not a valid expression does not hide a missing input', () => {
    const check = compileInputs({
      code: { type: 'string', pattern: '(', description: 'c' },
      email: { type: 'string', format: 'email', required: true, description: 'e', example: 'p@x.com' },
    });
    expect(() => check({ code: 'x' }, 't')).toThrow(MissingInputError);
    expect(() => check({ code: 'x', email: 'p@x.com' }, 't')).toThrow(SyntaxError);
  });
});

describe('header rows remember only what cannot change behind their back', () => {
  it('a row over one value renders each new value, and a list that changed in place', () => {
    const render = compileHeaders({ Authorization: 'Bearer <<secrets.api_key>>', 'X-Tags': 'tags: <<settings.tags>>' });
    const tags = ['a'];
    const sent = (key: string): Record<string, string> => (render(scopeOf({}, { tags }, { api_key: key })) as RenderedHeaders).sent;
    expect(sent('one')).toEqual({ Authorization: 'Bearer one', 'X-Tags': 'tags: a' });
    tags.push('b');
    expect(sent('two')).toEqual({ Authorization: 'Bearer two', 'X-Tags': 'tags: a,b' });
    expect(sent('one')).toEqual({ Authorization: 'Bearer one', 'X-Tags': 'tags: a,b' });
  });

  it('each step gets objects of its own', () => {
    const render = compileHeaders({ Accept: 'application/json', Authorization: 'Bearer <<secrets.api_key>>' });
    const first = render(scopeOf({}, {}, { api_key: 'k' })) as RenderedHeaders;
    first.sent.Accept = 'changed';
    expect((render(scopeOf({}, {}, { api_key: 'k' })) as RenderedHeaders).sent.Accept).toBe('application/json');
  });
});

describe('fast paths say what the slow calls say', () => {
  const text = fc.string({ unit: fc.oneof(fc.constantFrom(' ', '\t', '\n', '\r', '\v', '\f', '\u00a0', '\u1680', '\u2000', '\u2028', '\u2029', '\u202f', '\u3000', '\ufeff', '\u180e', '\u0085', '\u001c', '@', '+', '%', '~', "'"), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })), maxLength: 6 });

  it('isBlankText is text.trim() === ""', () => {
    fc.assert(
      fc.property(text, (value) => {
        expect(isBlankText(value)).toBe(value.trim() === '');
      }),
      { numRuns: 10_000 },
    );
  });

  it('encodeSegment skips encodeURIComponent only for text it would leave as it is', () => {
    fc.assert(
      fc.property(text, (value) => {
        let reference: string | Error;
        try {
          reference = encodeURIComponent(value).replaceAll('%40', '@');
        } catch (error) {
          reference = error as Error;
        }
        if (typeof reference === 'string') expect(encodeSegment(value)).toBe(reference);
        else expect(() => encodeSegment(value)).toThrow(URIError);
      }),
      { numRuns: 10_000 },
    );
  });
});
