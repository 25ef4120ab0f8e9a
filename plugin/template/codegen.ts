/**
 * Code generation: each stage of a step plan as one function made for its template
 * (`step/inputs-code.ts`, `request/request-code.ts`, `response/outputs-code.ts`,
 * `response/outcomes-code.ts`, over `code-builder.ts`), and for the closures that run
 * where code generation is disallowed, the two hot leaf operations: reading a fixed chain
 * of own properties (`readers.ts`) and making an object with fixed keys (`records.ts`).
 *
 * Why: V8 keeps one set of inline caches per function literal, shared by every closure
 * made from it. A closure that reads `value[name]` for one template therefore sees the
 * shapes and names of every template and expression, and each read becomes a slow generic
 * lookup; adding keys one by one to `{}` is slower still. A function generated for one
 * list of names has caches of its own and runs like hand-written code (Handlebars and ajv,
 * both dependencies, compile whole templates and schemas the same way).
 *
 * What goes into the text: code written here, and property names and fixed texts of the
 * declarations (a literal header value, a body's literal text), each quoted with
 * `JSON.stringify` (a valid string literal for any text), numbers as numbers. Values that
 * conversations, settings, secrets and responses supply are read at run time, and compiled
 * parts are passed in as constants: neither is ever spliced into the text. Where code
 * generation is disallowed (`node --disallow-code-generation-from-strings`, a CSP), the
 * same operations run as plain closures with the same results.
 */

/** Called inline by generated readers: `hop.call(value, name)`. */
const hop = Object.prototype.hasOwnProperty;

let generating = true;

/** Every cache of generated functions, emptied when code generation is switched. */
const caches: Array<Map<string, unknown>> = [];

/**
 * A cache of generated functions by name list, emptied by `setCodegen`.
 *
 * @example
 * const makers = codegenCache<RecordMaker>();
 */
export function codegenCache<F>(): Map<string, F> {
  const cache = new Map<string, F>();
  caches.push(cache as Map<string, unknown>);
  return cache;
}

/**
 * A function generated from `body` over `params` (with `hop` in scope), or undefined when
 * code generation is disallowed (the caller then uses its closure).
 *
 * @example
 * generate<(v: object) => unknown>(['value'], `return value[${quote('id')}];`)
 */
export function generate<F>(params: string[], body: string): F | undefined {
  return generateWith<F>([], params, body);
}

/**
 * A function generated from `body` over `params`, with `hop` and each of `constants` in
 * scope as `k0`, `k1`, … (values and helpers the code calls: never spliced into the text),
 * or undefined when code generation is disallowed.
 *
 * @example
 * generateWith<(v: string) => boolean>([/^a/], ['value'], 'return k0.test(value);')
 */
export function generateWith<F>(constants: readonly unknown[], params: string[], body: string): F | undefined {
  if (!generating) return undefined;
  const bound = constants.map((_, i) => `k${i} = k[${i}]`);
  try {
    return new Function('hop', 'k', `"use strict";${bound.length ? ` const ${bound.join(', ')};` : ''} return function (${params.join(', ')}) {\n${body}\n};`)(hop, constants) as F;
  } catch (error) {
    if (error instanceof EvalError) {
      generating = false;
      return undefined;
    }
    throw error;
  }
}

/**
 * Whether code generation is on (not disallowed by the runtime, not switched off by `setCodegen`).
 *
 * @example
 * if (codegenEnabled()) { ... }
 */
export function codegenEnabled(): boolean {
  return generating;
}

/**
 * A property name as a JavaScript string literal.
 *
 * @example
 * quote('a"b') // '"a\\"b"'
 */
export const quote = (name: string): string => JSON.stringify(name);

/**
 * An object key as it may stand in an object literal: a computed key for `"__proto__"`,
 * which as a plain key would set the prototype instead of defining a property.
 *
 * @example
 * literalKey('id') // '"id"'; literalKey('__proto__') // '["__proto__"]'
 */
export const literalKey = (name: string): string => (name === '__proto__' ? `[${quote(name)}]` : quote(name));

/**
 * Turns code generation off (as if the runtime disallowed it) or back on, for tests that
 * check the closures give the same results. Returns the previous setting. Functions
 * already compiled into plans keep their form.
 *
 * @example
 * const before = setCodegen(false); try { ... } finally { setCodegen(before); }
 */
export function setCodegen(enabled: boolean): boolean {
  const before = generating;
  generating = enabled;
  for (const cache of caches) cache.clear();
  return before;
}
