import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { StepTemplate } from '../../plugin/generated/step-template.js';
import type { JsonValue } from '../../plugin/json.js';
import { renderBody } from '../../plugin/request/body.js';
import { buildRequest, type BuiltRequest } from '../../plugin/request/build.js';
import { renderHeaders, type RenderedHeaders } from '../../plugin/request/headers.js';
import { InvalidValue } from '../../plugin/request/invalid.js';
import { renderUrl } from '../../plugin/request/url.js';
import { compileTemplate } from '../../plugin/template/compile.js';

const RUNS = { numRuns: 10_000 };

/** Pieces that break naive escaping, mixed with arbitrary code points (any plane). */
const nasty = fc.constantFrom('"', "'", '\\', '\n', '\r', '\r\n', '\t', '\u0000', '<<', '>>', '\\<<', '{{', '}}', '../', '..', '.', '/', '?', '#', '&', '=', '%', '%2F', '+', '@', ' ', '😀', '👩🏽‍💻', 'é', 'प्रि', '\u2028', '\ud800', '\udfff');
const value = fc.string({ unit: fc.oneof({ weight: 3, arbitrary: nasty }, { weight: 2, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 2 }) }), maxLength: 12 });

/** True when the text holds a lone UTF-16 surrogate, which no URL can carry. */
const malformed = (text: string): boolean => /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(text);

const context = (vars: Record<string, string>) => ({ ...vars, settings: { group_id: '123456789' }, secrets: { api_key: 'k' } });

/** How a request part is built: by each stage function alone, or as part of the whole request. */
interface Builders {
  body: (body: JsonValue, vars: Record<string, string>) => string;
  url: (url: string, query: Record<string, string>, vars: Record<string, string>) => string | InvalidValue;
  headers: (headers: Record<string, string>, vars: Record<string, string>) => RenderedHeaders | InvalidValue;
}

const STAGES: Builders = {
  body: (body, vars) => JSON.stringify(renderBody(body, context(vars))),
  url: (url, query, vars) => renderUrl(url, query, context(vars)),
  headers: (headers, vars) => renderHeaders(headers, context(vars)),
};

/** The request a template with these parts builds (the composition steps send). */
function request(parts: Partial<StepTemplate['request']>, vars: Record<string, string>): BuiltRequest {
  return buildRequest({ request: { method: 'POST', url: 'https://connect.mailerlite.com/api/subscribers', headers: {}, ...parts } }, context(vars));
}

const REQUEST: Builders = {
  body: (body, vars) => {
    const built = request({ body }, vars);
    if (!built.ok) throw new Error(built.invalid.message);
    return built.outgoing.body!;
  },
  url: (url, query, vars) => {
    const built = request({ url, query }, vars);
    return built.ok ? built.outgoing.url : built.invalid;
  },
  headers: (headers, vars) => {
    const built = request({ headers }, vars);
    return built.ok ? { sent: built.outgoing.headers, shown: built.shown.headers } : built.invalid;
  },
};

describe('escaping by place, over arbitrary values', () => {
  it('template text prints a value as it is, never rendering it', () => {
    fc.assert(
      fc.property(value, (v) => {
        expect(compileTemplate('a <<v>> {{v}} b').render(context({ v }))).toBe(`a ${v} {{v}} b`);
      }),
      RUNS,
    );
  });
});

describe.each([
  ['the stage functions', STAGES],
  ['the request a step sends', REQUEST],
])('escaping by place in the request, built by %s', (_, build) => {
  it('the JSON body always parses and round-trips the value', () => {
    const body = { email: '<<v>>', note: 'Note: <<v>>!', fields: { name: '<<v>>' }, groups: ['<<v>>', '<<settings.group_id>>'] };
    fc.assert(
      fc.property(value, (v) => {
        const text = build.body(body, { v });
        const parsed = JSON.parse(text) as Record<string, unknown>;
        expect(parsed.note).toBe(`Note: ${v}!`);
        if (v.trim() === '') {
          expect(parsed).toEqual({ note: `Note: ${v}!`, groups: ['123456789'] });
        } else {
          expect(parsed).toEqual({ email: v, note: `Note: ${v}!`, fields: { name: v }, groups: [v, '123456789'] });
        }
      }),
      RUNS,
    );
  });

  it('the URL keeps its host and its path segment count; each value is one segment, query values round-trip', () => {
    const url = 'https://connect.mailerlite.com/api/subscribers/<<a>>/groups/<<b>>';
    fc.assert(
      fc.property(value, value, value, (a, b, q) => {
        const rendered = build.url(url, { 'filter[name]': '<<q>>', limit: '100' }, { a, b, q });
        const refused = [a, b].some((v) => v === '' || v === '.' || v === '..' || malformed(v)) || (q.trim() !== '' && malformed(q));
        if (refused) {
          expect(rendered).toBeInstanceOf(InvalidValue);
          return;
        }
        expect(typeof rendered).toBe('string');
        const parsed = new URL(rendered as string);
        expect(parsed.origin).toBe('https://connect.mailerlite.com');
        expect(parsed.hash).toBe('');
        const segments = parsed.pathname.split('/');
        expect(segments).toHaveLength(6);
        expect(segments.slice(0, 3)).toEqual(['', 'api', 'subscribers']);
        expect(segments[4]).toBe('groups');
        expect(decodeURIComponent(segments[3]!)).toBe(a);
        expect(decodeURIComponent(segments[5]!)).toBe(b);
        expect([...parsed.searchParams.keys()]).toEqual(q.trim() === '' ? ['limit'] : ['filter[name]', 'limit']);
        if (q.trim() !== '') expect(parsed.searchParams.get('filter[name]')).toBe(q);
      }),
      RUNS,
    );
  });

  it('headers never gain a line: a value fetch cannot carry is refused, any other appears verbatim', () => {
    fc.assert(
      fc.property(value, (v) => {
        const rendered = build.headers({ Accept: 'application/json', 'X-Contact': 'Name <<v>>' }, { v });
        if (/[\r\n\u0000]|[^\u0000-\u00ff]/u.test(v)) {
          expect(rendered).toBeInstanceOf(InvalidValue);
          expect((rendered as InvalidValue).place).toBe('headers.X-Contact');
          return;
        }
        expect(rendered).toEqual({ sent: { Accept: 'application/json', 'X-Contact': `Name ${v}` }, shown: { Accept: 'application/json', 'X-Contact': `Name ${v}` } });
        const headers = new Headers((rendered as RenderedHeaders).sent);
        expect([...headers.keys()]).toEqual(['accept', 'x-contact']);
      }),
      RUNS,
    );
  });
});
