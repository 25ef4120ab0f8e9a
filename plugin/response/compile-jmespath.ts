import { TreeInterpreter, type JSONValue } from '@jmespath-community/jmespath';
import type { JsonValue } from '../json.js';
import { deepEqual, flatten, hasOwn, isFalse } from './jmespath-values.js';

export { isFalse };

/** Variables in scope: `$name` looks here first, then outward (as the interpreter's scope chain). */
export interface Scope {
  vars: Record<string, JsonValue>;
  outer?: Scope;
}

/** A JMESPath expression turned into a function of the current value and scope. */
export type Evaluator = (value: JsonValue, scope: Scope) => JsonValue;

/** The parts of the JMESPath AST this compiler reads (shape of @jmespath-community/jmespath's nodes). */
interface Node {
  type: string;
  name?: string;
  value?: unknown;
  left?: Node;
  right?: Node;
  child?: Node;
  children?: Node[];
  condition?: Node;
  trueExpr?: Node;
  falseExpr?: Node;
  expression?: Node;
  bindings?: Array<{ variable: string; reference: Node }>;
}

function variable(name: string): Evaluator {
  return (_, scope) => {
    let found: JsonValue = null;
    for (let s: Scope | undefined = scope; s; s = s.outer) {
      if (hasOwn(s.vars, name)) {
        found = s.vars[name]!;
        break;
      }
    }
    if (!found && !hasOwn(scope.vars, name)) throw new Error(`Error referencing undefined variable ${name}`);
    return found;
  };
}

function call(name: string, args: Evaluator[]): Evaluator {
  if (name === 'contains' && args.length === 2) {
    const [subject, search] = args as [Evaluator, Evaluator];
    return (value, scope) => {
      const within = subject(value, scope);
      const sought = search(value, scope);
      if (Array.isArray(within)) return within.includes(sought);
      if (typeof within === 'string') return typeof sought === 'string' ? within.includes(sought) : null;
      throw new Error('invalid-type: contains() expects a string or an array');
    };
  }
  const runtime = TreeInterpreter.runtime;
  return (value, scope) => runtime.callFunction(name, args.map((arg) => arg(value, scope)) as JSONValue[]) as JsonValue;
}

/**
 * Compiles a JMESPath AST into plain closures with the interpreter's semantics, for the
 * node types step templates use; undefined when the expression uses anything else
 * (slices, arithmetic, `$` root, expression references), which the interpreter then runs.
 * One difference, on purpose: a field only reads the object's own properties.
 *
 * @example
 * compileNode(compile('data.id'))?.({ data: { id: '42' } }, { vars: {} }) // '42'
 */
export function compileNode(node: Node): Evaluator | undefined {
  const sub = (child: Node | undefined): Evaluator | undefined => (child ? compileNode(child) : undefined);
  const two = (): [Evaluator, Evaluator] | undefined => {
    const left = sub(node.left);
    const right = sub(node.right);
    return left && right ? [left, right] : undefined;
  };
  switch (node.type) {
    case 'Field': {
      const name = node.name!;
      return (value) => (value !== null && typeof value === 'object' && !Array.isArray(value) && hasOwn(value, name) ? (value[name] ?? null) : null);
    }
    case 'Literal': {
      const literal = node.value as JsonValue;
      return () => literal;
    }
    case 'Identity':
    case 'Current':
      return (value) => value;
    case 'Variable':
      return variable(node.name!);
    case 'Index': {
      const index = node.value as number;
      return (value) => (Array.isArray(value) ? (value[index < 0 ? value.length + index : index] ?? null) : null);
    }
    case 'Subexpression': {
      const [left, right] = two() ?? [];
      if (!left || !right) return undefined;
      return (value, scope) => {
        const result = left(value, scope);
        return result != null ? (right(result, scope) ?? null) : null;
      };
    }
    case 'IndexExpression':
    case 'Pipe': {
      const [left, right] = two() ?? [];
      return left && right ? (value, scope) => right(left(value, scope), scope) : undefined;
    }
    case 'Projection': {
      if (node.left?.type === 'IndexExpression' && node.left.right?.type === 'Slice') return undefined;
      const [left, right] = two() ?? [];
      if (!left || !right) return undefined;
      return (value, scope) => {
        const base = left(value, scope);
        if (!Array.isArray(base)) return null;
        const collected: JsonValue[] = [];
        for (const item of base) {
          const current = right(item, scope);
          if (current !== null) collected.push(current);
        }
        return collected;
      };
    }
    case 'FilterProjection': {
      const [left, right] = two() ?? [];
      const condition = sub(node.condition);
      if (!left || !right || !condition) return undefined;
      return (value, scope) => {
        const base = left(value, scope);
        if (!Array.isArray(base)) return null;
        const collected: JsonValue[] = [];
        for (const item of base) {
          if (isFalse(condition(item, scope))) continue;
          const current = right(item, scope);
          if (current !== null) collected.push(current);
        }
        return collected;
      };
    }
    case 'Flatten': {
      const child = sub(node.child);
      return child ? (value, scope) => {
        const original = child(value, scope);
        return Array.isArray(original) ? flatten(original) : null;
      } : undefined;
    }
    case 'OrExpression':
    case 'AndExpression': {
      const [left, right] = two() ?? [];
      if (!left || !right) return undefined;
      const or = node.type === 'OrExpression';
      return (value, scope) => {
        const result = left(value, scope);
        return isFalse(result) === or ? right(value, scope) : result;
      };
    }
    case 'NotExpression': {
      const child = sub(node.child);
      return child ? (value, scope) => isFalse(child(value, scope)) : undefined;
    }
    case 'Comparator': {
      const [left, right] = two() ?? [];
      if (!left || !right) return undefined;
      const op = node.name;
      return (value, scope) => {
        const a = left(value, scope);
        const b = right(value, scope);
        if (op === 'EQ') return deepEqual(a, b);
        if (op === 'NE') return !deepEqual(a, b);
        if (typeof a !== 'number' || typeof b !== 'number') return null;
        return op === 'GT' ? a > b : op === 'GTE' ? a >= b : op === 'LT' ? a < b : op === 'LTE' ? a <= b : null;
      };
    }
    case 'Ternary': {
      const condition = sub(node.condition);
      const yes = sub(node.trueExpr);
      const no = sub(node.falseExpr);
      return condition && yes && no ? (value, scope) => (isFalse(condition(value, scope)) ? no(value, scope) : yes(value, scope)) : undefined;
    }
    case 'MultiSelectList': {
      const items = (node.children ?? []).map(compileNode);
      if (items.some((item) => !item)) return undefined;
      return (value, scope) => (items as Evaluator[]).map((item) => item(value, scope));
    }
    case 'MultiSelectHash': {
      const pairs = (node.children ?? []).map((pair) => [pair.name!, sub(pair.value as Node)] as const);
      if (pairs.some(([, item]) => !item)) return undefined;
      return (value, scope) => {
        const out: Record<string, JsonValue> = {};
        for (const [key, item] of pairs) out[key] = item!(value, scope);
        return out;
      };
    }
    case 'LetExpression': {
      const bindings = (node.bindings ?? []).map((binding) => [binding.variable, compileNode(binding.reference)] as const);
      const body = sub(node.expression);
      if (!body || bindings.some(([, reference]) => !reference)) return undefined;
      return (value, scope) => {
        const vars: Record<string, JsonValue> = {};
        for (const [name, reference] of bindings) vars[name] = reference!(value, scope);
        return body(value, { vars, outer: scope });
      };
    }
    case 'Function': {
      const args = (node.children ?? []).map(compileNode);
      if (args.some((arg) => !arg)) return undefined;
      return call(node.name!, args as Evaluator[]);
    }
    default:
      return undefined;
  }
}
