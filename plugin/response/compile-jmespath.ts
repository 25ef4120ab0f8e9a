import type { JsonValue } from '../json.js';
import type { JmesNode as Node } from './jmespath-ast.js';
import { ownReader } from '../template/readers.js';
import { call, filterProject, project, projectFlattened, variable, type Evaluator, type Scope } from './jmespath-closures.js';
import { deepEqual, flatten, isFalse } from './jmespath-values.js';

export { isFalse };

export type { Evaluator, Scope };


/** The names of a chain of fields (`data.groups`: Subexpressions of Fields), else undefined. */
function fieldNames(node: Node): string[] | undefined {
  if (node.type === 'Field') return [node.name!];
  if (node.type !== 'Subexpression' || !node.left || !node.right) return undefined;
  const left = fieldNames(node.left);
  const right = fieldNames(node.right);
  return left && right ? [...left, ...right] : undefined;
}

/** A chain of fields as one generated reader: each step reads an own property of an object, else null. */
const fieldPath = (names: string[]): Evaluator => ownReader(names, 'json') as Evaluator;

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
    case 'Field':
      return fieldPath([node.name!]);
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
      const names = fieldNames(node);
      if (names) return fieldPath(names);
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
      if (node.left?.type === 'Flatten') {
        // `a[].b`: fused, so the flattened list is never built.
        const child = sub(node.left.child);
        const right = sub(node.right);
        return child && right ? projectFlattened(child, right, node.right?.type === 'Identity' || node.right?.type === 'Current') : undefined;
      }
      const [left, right] = two() ?? [];
      return left && right ? project(left, right) : undefined;
    }
    case 'FilterProjection': {
      const [left, right] = two() ?? [];
      const condition = sub(node.condition);
      return left && right && condition ? filterProject(left, condition, right) : undefined;
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
      if (op === 'EQ') return (value, scope) => deepEqual(left(value, scope), right(value, scope));
      if (op === 'NE') return (value, scope) => !deepEqual(left(value, scope), right(value, scope));
      return (value, scope) => {
        const a = left(value, scope);
        const b = right(value, scope);
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
      const bindings = (node.bindings ?? []).map((binding) => [binding.variable!, binding.reference ? compileNode(binding.reference) : undefined] as const);
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
