import { compile, TreeInterpreter, type JSONValue } from '@jmespath-community/jmespath';
import type { JsonValue } from '../json.js';

type Ast = ReturnType<typeof compile>;

const cache = new Map<string, Ast>();

/** Compiles a JMESPath expression once (cached); throws on a syntax error. */
export function compileExpression(expression: string): Ast {
  let ast = cache.get(expression);
  if (!ast) {
    ast = compile(expression);
    cache.set(expression, ast);
  }
  return ast;
}

/**
 * Evaluates a JMESPath expression (community edition) over `root` with `$variables`
 * in scope. A runtime error (e.g. a function given null) yields null: responses vary,
 * and a missing value is what the mapping then holds.
 *
 * @example
 * evaluate('contains(data.groups[].id, $settings.group_id)', body, { settings: { group_id: '123456789' } }) // true
 */
export function evaluate(expression: string, root: JsonValue, variables: Record<string, JsonValue>): JsonValue {
  const ast = compileExpression(expression);
  try {
    const result = TreeInterpreter.withScope(variables as Record<string, JSONValue>).visit(ast, root as JSONValue);
    return (result ?? null) as JsonValue;
  } catch {
    return null;
  }
}

/** True for JMESPath truthiness: not null, false, '', [] or {}. */
export function truthy(value: JsonValue): boolean {
  if (value === null || value === false || value === '') return false;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') return Object.keys(value).length > 0;
  return true;
}
