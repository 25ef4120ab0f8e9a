import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { lookupKeys } from '../../plugin/request/context.js';
import { setCodegen } from '../../plugin/template/codegen.js';
import { ownReader, propertyReader } from '../../plugin/template/readers.js';
import { fieldRecordMaker, recordBuilder, recordMaker } from '../../plugin/template/records.js';
import { everyTemplate } from './support/every-template.js';

const RUNS = { numRuns: 2_000 };

/** Names that would break naive code generation, and ones with a meaning in JavaScript. */
const name = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'length', '0', '10', '-1', '', 'a"b', "a'b", 'a\\b', '`${x}`', '\u2028', '\ud800', '"]; throw 1; //', '*/ throw 1; /*'),
  fc.string({ maxLength: 6 }),
);
const leaf = fc.oneof(fc.constant(null), fc.boolean(), fc.integer(), fc.string({ maxLength: 4 }));
const json = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, leaf, fc.array(tie('value'), { maxLength: 3 }), fc.dictionary(name, tie('value'), { maxKeys: 3 })),
})).value;

/** The same function made twice: generated, and as the closure used where code generation is disallowed. */
function both<F>(make: () => F): [F, F] {
  const generated = make();
  const before = setCodegen(false);
  try {
    return [generated, make()];
  } finally {
    setCodegen(before);
  }
}

/** An object's own keys, values and prototype, for exact comparison. */
const described = (value: object): unknown => ({ keys: Reflect.ownKeys(value), values: Object.values(value), proto: Object.getPrototypeOf(value) === Object.prototype });

/** JMESPath field semantics: each step an object (not a list) holding the name as its own property. */
function jsonLookup(value: unknown, keys: string[]): unknown {
  let current = value;
  for (const key of keys) {
    const ok = current !== null && typeof current === 'object' && !Array.isArray(current) && Object.prototype.hasOwnProperty.call(current, key);
    current = ok ? ((current as Record<string, unknown>)[key] ?? null) : null;
    if (current === null) return null;
  }
  return current;
}

afterEach(() => {
  setCodegen(true);
});

describe('generated readers and records agree with their closures and with the reference', () => {
  it('recordMaker: the keys in order, each an own property ("__proto__" too), the values by position', () => {
    fc.assert(
      fc.property(fc.uniqueArray(name, { maxLength: 5 }), fc.array(json, { minLength: 5, maxLength: 5 }), (keys, values) => {
        const [generated, closure] = both(() => recordMaker(keys));
        const made = generated(values);
        expect(described(made)).toEqual(described(closure(values)));
        expect(Object.keys(made).sort()).toEqual([...keys].sort());
        keys.forEach((key, i) => expect(Object.getOwnPropertyDescriptor(made, key)?.value).toBe(values[i]));
      }),
      RUNS,
    );
  });

  it('recordBuilder and fieldRecordMaker make the same objects as recordMaker', () => {
    fc.assert(
      fc.property(fc.uniqueArray(name, { maxLength: 4 }), fc.array(json, { minLength: 4, maxLength: 4 }), (keys, values) => {
        const fns = keys.map((_, i) => (a: unknown[], offset: number) => a[i + offset]);
        const items = values.map((value) => ({ text: value }));
        const expected = described(recordMaker(keys)(values));
        for (const build of both(() => recordBuilder<unknown[], number>(keys))) expect(described(build(fns, values, 0))).toEqual(expected);
        for (const make of both(() => fieldRecordMaker(keys, 'text'))) expect(described(make(items))).toEqual(expected);
      }),
      RUNS,
    );
  });

  it("ownReader 'template' is the own-property lookup of templates; 'json' the JMESPath field", () => {
    fc.assert(
      fc.property(json, fc.array(name, { minLength: 1, maxLength: 3 }), (value, keys) => {
        const [template, templateClosure] = both(() => ownReader(keys, 'template'));
        expect(template(value)).toEqual(lookupKeys({ root: value }, ['root', ...keys]));
        expect(templateClosure(value)).toEqual(template(value));
        const [field, fieldClosure] = both(() => ownReader(keys, 'json'));
        expect(field(value)).toEqual(jsonLookup(value, keys));
        expect(fieldClosure(value)).toEqual(field(value));
      }),
      RUNS,
    );
  });

  it('ownReader from a part of a scope, and propertyReader, read what plain code reads', () => {
    fc.assert(
      fc.property(fc.dictionary(name, json, { maxKeys: 3 }), name, (part, key) => {
        const scope = { vars: part, settings: part, secrets: part, context: undefined };
        for (const root of ['vars', 'settings', 'secrets'] as const) {
          for (const read of both(() => ownReader([key], 'template', root))) expect(read(scope)).toEqual(lookupKeys(part, [key]));
        }
        for (const read of both(() => propertyReader(key))) expect(read(part)).toBe((part as Record<string, unknown>)[key]);
      }),
      RUNS,
    );
  });
});

describe('the engine without code generation', () => {
  it('gives every shipped template the same requests, outputs and outcomes under --disallow-code-generation-from-strings', () => {
    const script = path.join(path.dirname(fileURLToPath(import.meta.url)), 'support', 'every-template.ts');
    const run = (flags: string[]): { codegen: boolean; results: unknown[] } =>
      JSON.parse(execFileSync(process.execPath, [...flags, '--import', 'tsx', script], { encoding: 'utf8' })) as { codegen: boolean; results: unknown[] };
    const refused = run(['--disallow-code-generation-from-strings']);
    expect(refused.codegen).toBe(false);
    expect(refused.results).toEqual(JSON.parse(JSON.stringify(everyTemplate())));
  }, 30_000);
});
