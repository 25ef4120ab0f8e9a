import { codegenCache, generate, quote } from './codegen.js';

const hop = Object.prototype.hasOwnProperty;

/** How a reader treats each step of its path. */
export type ReaderKind =
  /** JMESPath fields: each step must be an object (not a list) holding the name as own property; else `null`. */
  | 'json'
  /** Template paths: any value but null and undefined, own properties only (a string's `length`); else `undefined`. */
  | 'template';

/** Where a reader starts: the value itself, or one part of a step's scope (`scope.vars`, `.settings`, `.secrets`). */
export type ReaderRoot = 'value' | 'vars' | 'settings' | 'secrets';

const readers = codegenCache<(value: unknown) => unknown>();
const getters = codegenCache<(value: object) => unknown>();

/** The closure form of `ownReader`. */
function readByLoop(keys: readonly string[], kind: ReaderKind, root: ReaderRoot): (value: unknown) => unknown {
  const start = (value: unknown): unknown => (root === 'value' ? value : (value as Record<ReaderRoot, unknown>)[root]);
  if (kind === 'json') {
    return (value) => {
      let v = start(value);
      for (const key of keys) {
        if (v === null || typeof v !== 'object' || Array.isArray(v) || !hop.call(v, key)) return null;
        v = (v as Record<string, unknown>)[key] ?? null;
      }
      return v;
    };
  }
  return (value) => {
    let v = start(value);
    for (const key of keys) {
      if (v === null || v === undefined || !hop.call(v, key)) return undefined;
      v = (v as Record<string, unknown>)[key];
    }
    return v;
  };
}

/**
 * A function that reads a fixed chain of own properties (`['data', 'id']`). With `'json'`,
 * JMESPath field semantics: null unless each step is an object holding the name, and a
 * missing value is null. With `'template'`, Handlebars' own-property lookup: undefined once
 * a step is null, undefined or lacks the name (a string's `length` is read). `root` starts
 * the chain at a part of a scope object instead of the value itself.
 *
 * @example
 * ownReader(['data', 'id'], 'json')({ data: { id: '42' } }) // '42'
 * ownReader(['name', 'length'], 'template')({ name: 'Priya' }) // 5
 * ownReader(['group_id'], 'template', 'settings')(scopeOf({}, { group_id: '1' }, {})) // '1'
 */
export function ownReader(keys: readonly string[], kind: ReaderKind, root: ReaderRoot = 'value'): (value: unknown) => unknown {
  const id = JSON.stringify([kind, root, ...keys]);
  let read = readers.get(id);
  if (!read) {
    const steps = keys.map((key) =>
      kind === 'json'
        ? `if (v === null || typeof v !== 'object' || Array.isArray(v) || !hop.call(v, ${quote(key)})) return null;\nv = v[${quote(key)}] ?? null;`
        : `if (v === null || v === undefined || !hop.call(v, ${quote(key)})) return undefined;\nv = v[${quote(key)}];`,
    );
    const start = root === 'value' ? 'value' : `value.${root}`;
    read = generate<(value: unknown) => unknown>(['value'], `let v = ${start};\n${steps.join('\n')}\nreturn v;`) ?? readByLoop(keys, kind, root);
    readers.set(id, read);
  }
  return read;
}

/**
 * A function that reads one property by a fixed name, own or inherited, as `value[name]`
 * does (how the given input values are read).
 *
 * @example
 * propertyReader('customer_email')({ customer_email: 'p@x.com' }) // 'p@x.com'
 */
export function propertyReader(name: string): (value: object) => unknown {
  let get = getters.get(name);
  if (!get) {
    get = generate<(value: object) => unknown>(['value'], `return value[${quote(name)}];`) ?? ((value) => (value as Record<string, unknown>)[name]);
    getters.set(name, get);
  }
  return get;
}
