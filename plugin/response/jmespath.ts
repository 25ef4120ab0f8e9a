import { compile, TreeInterpreter, type JSONValue } from '@jmespath-community/jmespath';
import type { JsonValue } from '../json.js';
import { compileNode, isFalse, type Evaluator, type Scope } from './compile-jmespath.js';
import type { JmesNode } from './jmespath-ast.js';

type Ast = ReturnType<typeof compile>;

const cache = new Map<string, Ast>();
const evaluators = new Map<string, Evaluator | null>();
const OUTERMOST: Scope = { vars: {} };

/** Compiles a JMESPath expression once (cached); throws on a syntax error. */
export function compileExpression(expression: string): Ast {
  let ast = cache.get(expression);
  if (!ast) {
    ast = compile(expression);
    cache.set(expression, ast);
  }
  return ast;
}

function evaluatorOf(expression: string): Evaluator | null {
  let evaluator = evaluators.get(expression);
  if (evaluator === undefined) {
    evaluator = compileNode(compileExpression(expression) as unknown as JmesNode) ?? null;
    evaluators.set(expression, evaluator);
  }
  return evaluator;
}

/**
 * Evaluates a JMESPath expression (community edition) over `root` with `$variables`
 * in scope. A runtime error (e.g. a function given null) yields null: responses vary,
 * and a missing value is what the mapping then holds. Common expressions run as
 * compiled closures; the rest through the library's interpreter.
 *
 * @example
 * evaluate('contains(data.groups[].id, $settings.group_id)', body, { settings: { group_id: '123456789' } }) // true
 */
export function evaluate(expression: string, root: JsonValue, variables: Record<string, JsonValue>): JsonValue {
  const evaluator = evaluatorOf(expression);
  try {
    if (evaluator) return evaluator(root, { vars: variables, outer: OUTERMOST }) ?? null;
    const result = TreeInterpreter.withScope(variables as Record<string, JSONValue>).visit(compileExpression(expression), root as JSONValue);
    return (result ?? null) as JsonValue;
  } catch {
    return null;
  }
}

/**
 * An expression ready to run many times: the compiled closure (or the interpreter),
 * returning null on a runtime error. Callers that evaluate per step keep these.
 *
 * @example
 * const id = prepareExpression('data.id'); id({ data: { id: '42' } }, { vars: {} }) // '42'
 */
export function prepareExpression(expression: string): (root: JsonValue, scope: Scope) => JsonValue {
  const evaluator = evaluatorOf(expression);
  if (!evaluator) return (root, scope) => evaluate(expression, root, scope.vars);
  return (root, scope) => {
    try {
      return evaluator(root, scope) ?? null;
    } catch {
      return null;
    }
  };
}

/**
 * A scope holding the given `$variables`.
 *
 * @example
 * prepareExpression('$settings.group_id')(null, scopeOf({ settings: { group_id: '1' } })) // '1'
 */
export function scopeOf(variables: Record<string, JsonValue>): Scope {
  return { vars: variables, outer: OUTERMOST };
}

/**
 * Evaluates with the library's interpreter only (for checking the compiled path).
 *
 * @example
 * interpret('data.id', { data: { id: '42' } }, {}) // '42'
 */
export function interpret(expression: string, root: JsonValue, variables: Record<string, JsonValue>): JsonValue {
  try {
    return (TreeInterpreter.withScope(variables as Record<string, JSONValue>).visit(compileExpression(expression), root as JSONValue) ?? null) as JsonValue;
  } catch {
    return null;
  }
}

/** True for JMESPath truthiness: not null, false, '', [] or {}. */
export function truthy(value: JsonValue): boolean {
  return !isFalse(value);
}
