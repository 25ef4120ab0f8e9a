import { compile, TreeInterpreter, type JSONValue } from '@jmespath-community/jmespath';
import type { JsonValue } from '../json.js';

type Ast = ReturnType<typeof compile>;

/** A parsed expression, and whether it reads a `$variable` (only then does it need a scoped interpreter). */
interface Parsed {
  ast: Ast;
  scoped: boolean;
}

const parsed = new Map<string, Parsed>();

function parse(expression: string): Parsed {
  let hit = parsed.get(expression);
  if (!hit) {
    const ast = compile(expression);
    parsed.set(expression, (hit = { ast, scoped: JSON.stringify(ast).includes('"type":"Variable"') }));
  }
  return hit;
}

/** Parses a JMESPath expression once (cached); throws on a syntax error. */
export function compileExpression(expression: string): Ast {
  return parse(expression).ast;
}

/**
 * A copy of a JSON value whose objects have no prototype: the interpreter reads a field
 * as `value[name]`, and a response must never reach `constructor` or `__proto__` through
 * `Object.prototype`. Keys, order and values are kept; a `"__proto__"` key stays a key.
 *
 * @example
 * Object.getPrototypeOf(guarded({ a: 1 })) // null
 */
export function guarded(value: unknown): JSONValue {
  if (value === null || typeof value !== 'object') return (value ?? null) as JSONValue;
  if (Array.isArray(value)) return value.map(guarded);
  const out = Object.create(null) as Record<string, JSONValue>;
  for (const key of Object.keys(value)) out[key] = guarded((value as Record<string, unknown>)[key]);
  return out;
}

/** Evaluates expressions over one root with one set of `$variables`. */
export type Evaluator = (expression: string) => JsonValue;

const IDENTITY = compile('@');

/**
 * An evaluator over `root` with `$variables` in scope, through the library's own
 * interpreter; objects are read through own properties only (`guarded`). Made once per
 * response, and scoped only for expressions that read a `$variable`: the library builds
 * its function table for every scoped interpreter. A runtime
 * error (e.g. a function given null) yields null: responses vary, and a missing value is
 * what the mapping then holds. Throws only for a syntax error.
 *
 * @example
 * evaluator(body, { settings: { group_id: '123456789' } })('contains(data.groups[].id, $settings.group_id)') // true
 */
export function evaluator(root: JsonValue, variables: Record<string, JsonValue>): Evaluator {
  const value = guarded(root);
  let scoped: typeof TreeInterpreter | undefined;
  const inScope = (): typeof TreeInterpreter => {
    // `search` sets the root that `$` refers to; a scoped interpreter copies it.
    TreeInterpreter.search(IDENTITY, value);
    return TreeInterpreter.withScope(guarded(variables) as Record<string, JSONValue>);
  };
  return (expression) => {
    const { ast, scoped: needsScope } = parse(expression);
    try {
      return plain(needsScope ? (scoped ??= inScope()).visit(ast, value) : TreeInterpreter.search(ast, value));
    } catch {
      return null;
    }
  };
}

/**
 * Evaluates one JMESPath expression over `root` with `$variables` in scope (`evaluator`).
 *
 * @example
 * evaluate('contains(data.groups[].id, $settings.group_id)', body, { settings: { group_id: '123456789' } }) // true
 */
export function evaluate(expression: string, root: JsonValue, variables: Record<string, JsonValue>): JsonValue {
  return evaluator(root, variables)(expression);
}

/** A result back as ordinary JSON values (objects with the usual prototype). */
function plain(value: unknown): JsonValue {
  if (value === null || value === undefined || typeof value !== 'object') return (value ?? null) as JsonValue;
  if (Array.isArray(value)) return value.map(plain);
  const out: Record<string, JsonValue> = {};
  for (const key of Object.keys(value)) Object.defineProperty(out, key, { value: plain((value as Record<string, unknown>)[key]), enumerable: true, writable: true, configurable: true });
  return out;
}

/**
 * JMESPath truthiness: not null, false, '', [] or {}.
 *
 * @example
 * truthy([]) // false; truthy(0) // true
 */
export function truthy(value: JsonValue): boolean {
  if (value === null || value === false || value === '') return false;
  if (typeof value === 'object') return Array.isArray(value) ? value.length > 0 : Object.keys(value).length > 0;
  return true;
}
