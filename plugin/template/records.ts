import { codegenCache, generate, literalKey, quote } from './codegen.js';

/** Makes a plain object with fixed keys from values given by position. */
export type RecordMaker = (values: readonly unknown[]) => Record<string, unknown>;

/** Makes a plain object with fixed keys, each value computed by its own function of two arguments. */
export type RecordBuilder<A, B> = (fns: ReadonlyArray<(a: A, b: B) => unknown>, a: A, b: B) => Record<string, unknown>;

/** Makes a plain object with fixed keys from one field of each item, by position. */
export type FieldRecordMaker = (items: readonly object[]) => Record<string, unknown>;

const makers = codegenCache<RecordMaker>();
const builders = codegenCache<RecordBuilder<never, never>>();
const fieldMakers = codegenCache<FieldRecordMaker>();

/** The closure form: keys set one by one (a `"__proto__"` key defined as a property). */
function recordByLoop(keys: readonly string[]): RecordMaker {
  return (values) => {
    const out: Record<string, unknown> = {};
    keys.forEach((key, i) => {
      if (key === '__proto__') Object.defineProperty(out, key, { value: values[i], enumerable: true, writable: true, configurable: true });
      else out[key] = values[i];
    });
    return out;
  };
}

/**
 * A function that makes `{ [keys[0]]: values[0], ... }` as one object literal: keys in this
 * order, each an own enumerable property (a `"__proto__"` key stays a key).
 *
 * @example
 * recordMaker(['subscriber_id', 'subscriber_status'])(['42', 'active']) // { subscriber_id: '42', subscriber_status: 'active' }
 */
export function recordMaker(keys: readonly string[]): RecordMaker {
  const id = JSON.stringify(keys);
  let make = makers.get(id);
  if (!make) {
    const entries = keys.map((key, i) => `${literalKey(key)}: values[${i}]`);
    make = generate<RecordMaker>(['values'], `return { ${entries.join(', ')} };`) ?? recordByLoop(keys);
    makers.set(id, make);
  }
  return make;
}

/**
 * A function that makes `{ [keys[0]]: fns[0](a, b), ... }` as one object literal, calling
 * the functions in key order, with no array of values in between.
 *
 * @example
 * recordBuilder<Body, null>(['id'])([(body) => body.data.id], { data: { id: '42' } }, null) // { id: '42' }
 */
export function recordBuilder<A, B>(keys: readonly string[]): RecordBuilder<A, B> {
  const id = JSON.stringify(keys);
  let build = builders.get(id);
  if (!build) {
    const entries = keys.map((key, i) => `${literalKey(key)}: fns[${i}](a, b)`);
    const byLoop = recordByLoop(keys);
    build = generate<RecordBuilder<never, never>>(['fns', 'a', 'b'], `return { ${entries.join(', ')} };`) ?? ((fns, a, b) => byLoop(fns.map((fn) => fn(a, b))));
    builders.set(id, build);
  }
  return build as unknown as RecordBuilder<A, B>;
}

/**
 * A function that makes `{ [keys[0]]: items[0][field], ... }` as one object literal: for
 * values that compiled parts hold themselves (each header row's text this step).
 *
 * @example
 * fieldRecordMaker(['Accept'], 'text')([{ text: 'application/json' }]) // { Accept: 'application/json' }
 */
export function fieldRecordMaker(keys: readonly string[], field: string): FieldRecordMaker {
  const id = JSON.stringify([field, ...keys]);
  let make = fieldMakers.get(id);
  if (!make) {
    const entries = keys.map((key, i) => `${literalKey(key)}: items[${i}][${quote(field)}]`);
    const byLoop = recordByLoop(keys);
    make = generate<FieldRecordMaker>(['items'], `return { ${entries.join(', ')} };`) ?? ((items) => byLoop(items.map((item) => (item as Record<string, unknown>)[field])));
    fieldMakers.set(id, make);
  }
  return make;
}
