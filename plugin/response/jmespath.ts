import { compile, TreeInterpreter, type JSONValue } from '@jmespath-community/jmespath';
import { setOwn, type JsonValue } from '../json.js';

type Ast = ReturnType<typeof compile>;

/**
 * A parsed expression; whether it reads a `$variable` (only then does it need a scoped
 * interpreter), and whether it names a field `Object.prototype` has (only then must it
 * read a guarded copy).
 */
interface Parsed {
  ast: Ast;
  scoped: boolean;
  guard: boolean;
}

const parsed = new Map<string, Parsed>();

/** True when a node of the tree is a `$variable`, or a field named like something `Object.prototype` has. */
function findsNode(node: unknown, test: (node: { type?: unknown; name?: unknown }) => boolean): boolean {
  if (node === null || typeof node !== 'object') return false;
  if (test(node)) return true;
  return Object.values(node).some((child) => findsNode(child, test));
}

function parse(expression: string): Parsed {
  let hit = parsed.get(expression);
  if (!hit) {
    const ast = compile(expression);
    const scoped = findsNode(ast, (node) => node.type === 'Variable');
    const guard = findsNode(ast, (node) => node.type === 'Field' && typeof node.name === 'string' && node.name in Object.prototype);
    parsed.set(expression, (hit = { ast, scoped, guard }));
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

/** A guarded result back as ordinary JSON values (objects with the usual prototype). */
function plain(value: unknown): JsonValue {
  if (value === null || value === undefined || typeof value !== 'object') return (value ?? null) as JsonValue;
  if (Array.isArray(value)) return value.map(plain);
  const out: Record<string, JsonValue> = {};
  for (const key of Object.keys(value)) setOwn(out, key, plain((value as Record<string, unknown>)[key]));
  return out;
}

/** Evaluates expressions over one root with one set of `$variables`. */
export type Evaluator = (expression: string) => JsonValue;

const IDENTITY = compile('@');

/** The library's interpreter over one root, with the variables in scope when needed. */
class Interpreters {
  private scoped: typeof TreeInterpreter | undefined;

  constructor(
    private readonly root: JSONValue,
    private readonly variables: Record<string, JSONValue>,
  ) {}

  run({ ast, scoped }: Parsed): unknown {
    if (!scoped) return TreeInterpreter.search(ast, this.root);
    if (!this.scoped) {
      // `search` sets the root that `$` refers to; a scoped interpreter copies it.
      TreeInterpreter.search(IDENTITY, this.root);
      this.scoped = TreeInterpreter.withScope(this.variables);
    }
    return this.scoped.visit(ast, this.root);
  }
}

/**
 * An evaluator over `root` with `$variables` in scope, through the library's own
 * interpreter, made once per response. An expression that names a field `Object.prototype`
 * has (`constructor`, `__proto__`, `toString`, ...) reads a guarded copy, so nothing is
 * ever read through the prototype. A runtime error (e.g. a function given null) yields
 * null: responses vary, and a missing value is what the mapping then holds. Throws only
 * for a syntax error.
 *
 * @example
 * evaluator(body, { settings: { group_id: '123456789' } })('contains(data.groups[].id, $settings.group_id)') // true
 */
export function evaluator(root: JsonValue, variables: Record<string, JsonValue>): Evaluator {
  const open = new Interpreters(root as JSONValue, variables as Record<string, JSONValue>);
  let safe: Interpreters | undefined;
  return (expression) => {
    const expr = parse(expression);
    try {
      if (!expr.guard) return (open.run(expr) ?? null) as JsonValue;
      safe ??= new Interpreters(guarded(root), guarded(variables) as Record<string, JSONValue>);
      return plain(safe.run(expr));
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
