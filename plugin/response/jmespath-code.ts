import type { Code, CodeBuilder } from '../template/code-builder.js';
import type { JmesNode as Node } from './jmespath-ast.js';
import { comparatorCode, fieldChain, fieldNames, functionCode, letCode, projectionCode, variableCode, type SubCode } from './jmespath-code-parts.js';
import { flatten, isFalse } from './jmespath-values.js';

/**
 * Where generated JMESPath code runs: the builder, and the identifier holding each
 * `$variable` the expression may read (undefined: not known here, the expression is not
 * generated).
 */
export interface JmesCodeScope {
  code: CodeBuilder;
  variable: (name: string) => string | undefined;
  /** The identifier already holding field `name` of the value `input` (e.g. a condition root's `outputs`), if any. */
  field?: (input: string, name: string) => string | undefined;
  /**
   * Shares values that cannot throw and are computed from the function's own top-level
   * values (field chains, projections of them), so two expressions reading `data.groups[].id`
   * compute it once. Given: `inputs` the identifiers such values may start from, `prelude`
   * where their statements go (before any expression's own code).
   */
  shared?: { inputs: Set<string>; prelude: string[]; values: Map<string, string> };
  /** The `let` scopes around the code (innermost last): each name bound, and the local holding its value. */
  frames?: ReadonlyArray<ReadonlyMap<string, string>>;
}

/**
 * Generates JavaScript for a JMESPath syntax tree with the semantics of the compiled
 * closures (`compile-jmespath.ts`, checked against the library's interpreter): the
 * statements compute the value of the expression over the value named `input`. Undefined
 * for what is not generated (slices, arithmetic, `$` root, `&expr`, unknown variables):
 * the closures then run. Runtime errors (a function given the wrong type) throw, as in the
 * closures; the caller turns them into null.
 *
 * @example
 * jmesCode(parseJmes('data.id'), 'root', { code, variable: () => undefined })
 * // { pre: 'let t0 = root;\nt0 = … "data" …;\nt0 = … "id" …;\n', value: 't0' }
 */
export function jmesCode(node: Node, input: string, scope: JmesCodeScope): Code | undefined {
  const { shared } = scope;
  if (!shared || !shared.inputs.has(input) || !pure(node)) return nodeCode(node, input, scope);
  const names = fieldNames(node);
  if (names) return sharedChain(names, input, scope, shared);
  const key = `${input}\0${JSON.stringify(node)}`;
  let value = shared.values.get(key);
  if (value === undefined) {
    const made = nodeCode(node, input, scope);
    if (!made) return undefined;
    shared.prelude.push(made.pre);
    value = made.value;
    shared.values.set(key, value);
    shared.inputs.add(value);
  }
  return { pre: '', value };
}

/** True for a node that cannot throw and reads only (fields, indexes, projections of them): safe to compute once, up front. */
function pure(node: Node | undefined): boolean {
  if (!node) return false;
  switch (node.type) {
    case 'Field':
    case 'Identity':
    case 'Current':
    case 'Literal':
    case 'Index':
      return true;
    case 'Subexpression':
    case 'IndexExpression':
    case 'Pipe':
    case 'Projection':
      return pure(node.left) && pure(node.right);
    case 'Flatten':
      return pure(node.child);
    default:
      return false;
  }
}

/** A field chain read once per prefix: `data.id` and `data.status` read `data` once. */
function sharedChain(names: string[], input: string, scope: JmesCodeScope, shared: NonNullable<JmesCodeScope['shared']>): Code {
  let from = input;
  for (let i = 0; i < names.length; i++) {
    const key = `${input}\0${JSON.stringify(names.slice(0, i + 1))}`;
    let value = shared.values.get(key);
    if (value === undefined) {
      const step = fieldChain([names[i]!], from, i === 0 ? scope : { ...scope, field: undefined });
      shared.prelude.push(step.pre);
      value = step.value;
      shared.values.set(key, value);
      shared.inputs.add(value);
    }
    from = value;
  }
  return { pre: '', value: from };
}

/** The code of one node, its children through `jmesCode` (so they may be shared). */
function nodeCode(node: Node, input: string, scope: JmesCodeScope): Code | undefined {
  const { code } = scope;
  const sub: SubCode = (child, from, inner = scope) => (child ? jmesCode(child, from, inner) : undefined);
  const isFalseFn = (): string => code.constant(isFalse);
  switch (node.type) {
    case 'Field':
      return fieldChain([node.name!], input, scope);
    case 'Literal':
      return { pre: '', value: code.constant(node.value) };
    case 'Identity':
    case 'Current':
      return { pre: '', value: input };
    case 'Variable':
      return variableCode(node.name!, scope);
    case 'LetExpression':
      return letCode(node, input, scope, sub);
    case 'Index': {
      const index = node.value;
      // The parser gives an integer; anything else is left to the closures.
      if (typeof index !== 'number' || !Number.isInteger(index)) return undefined;
      const out = code.local();
      const at = index < 0 ? `${input}.length + ${index}` : String(index);
      return { pre: `const ${out} = Array.isArray(${input}) ? (${input}[${at}] ?? null) : null;\n`, value: out };
    }
    case 'Subexpression': {
      const names = fieldNames(node);
      if (names) return fieldChain(names, input, scope);
      const left = sub(node.left, input);
      const right = left && sub(node.right, left.value);
      if (!left || !right) return undefined;
      const out = code.local();
      return { pre: `${left.pre}let ${out} = null;\nif (${left.value} != null) {\n${right.pre}${out} = ${right.value} ?? null;\n}\n`, value: out };
    }
    case 'IndexExpression':
    case 'Pipe': {
      const left = sub(node.left, input);
      const right = left && sub(node.right, left.value);
      return left && right ? { pre: left.pre + right.pre, value: right.value } : undefined;
    }
    case 'Projection':
    case 'FilterProjection':
      return projectionCode(node, input, scope, sub);
    case 'Flatten': {
      const child = sub(node.child, input);
      if (!child) return undefined;
      const out = code.local();
      return { pre: `${child.pre}const ${out} = Array.isArray(${child.value}) ? ${code.constant(flatten)}(${child.value}) : null;\n`, value: out };
    }
    case 'OrExpression':
    case 'AndExpression': {
      // The right side runs only when the left does not decide: `||` when it is false, `&&` when it is not.
      const left = sub(node.left, input);
      const right = sub(node.right, input);
      if (!left || !right) return undefined;
      const out = code.local();
      const test = `${node.type === 'OrExpression' ? '' : '!'}${isFalseFn()}(${out})`;
      return { pre: `${left.pre}let ${out} = ${left.value};\nif (${test}) {\n${right.pre}${out} = ${right.value};\n}\n`, value: out };
    }
    case 'NotExpression': {
      const child = sub(node.child, input);
      if (!child) return undefined;
      const out = code.local();
      return { pre: `${child.pre}const ${out} = ${isFalseFn()}(${child.value});\n`, value: out };
    }
    case 'Comparator':
      return comparatorCode(node, input, scope, sub);
    case 'Ternary': {
      const condition = sub(node.condition, input);
      const yes = sub(node.trueExpr, input);
      const no = sub(node.falseExpr, input);
      if (!condition || !yes || !no) return undefined;
      const out = code.local();
      return {
        pre: `${condition.pre}let ${out};\nif (${isFalseFn()}(${condition.value})) {\n${no.pre}${out} = ${no.value};\n} else {\n${yes.pre}${out} = ${yes.value};\n}\n`,
        value: out,
      };
    }
    case 'MultiSelectList': {
      const items = (node.children ?? []).map((child) => sub(child, input));
      if (items.some((item) => !item)) return undefined;
      const out = code.local();
      const all = items as Code[];
      return { pre: `${all.map((item) => item.pre).join('')}const ${out} = [${all.map((item) => item.value).join(', ')}];\n`, value: out };
    }
    case 'MultiSelectHash': {
      const pairs = (node.children ?? []).map((pair) => [pair.name, sub(pair.value as Node, input)] as const);
      if (pairs.some(([key, item]) => typeof key !== 'string' || !item)) return undefined;
      const out = code.local();
      // Assigned one by one, in order, as the closures do (each value computed just before its key is set).
      const sets = pairs.map(([key, item]) => `${item!.pre}${out}[${code.text(key!)}] = ${item!.value};\n`).join('');
      return { pre: `const ${out} = {};\n${sets}`, value: out };
    }
    case 'Function':
      return typeof node.name === 'string' ? functionCode(node, input, scope, sub) : undefined;
    default:
      return undefined;
  }
}
