import { TreeInterpreter } from '@jmespath-community/jmespath';
import type { Code, CodeBuilder } from '../template/code-builder.js';
import type { JmesNode as Node } from './jmespath-ast.js';
import { deepEqual, flatten, isFalse } from './jmespath-values.js';

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
 * `$name`: the innermost binding of the name. As in the interpreter (and the closures), a
 * name bound outside the innermost scope whose value is falsy in JavaScript (null, false,
 * 0, '') is an error, which maps the expression to null.
 */
function variableCode(name: string, scope: JmesCodeScope): Code | undefined {
  const frames = scope.frames ?? [];
  const innermost = frames[frames.length - 1];
  if (innermost?.has(name)) return { pre: '', value: innermost.get(name)! };
  let value: string | undefined;
  for (let i = frames.length - 2; i >= 0 && value === undefined; i--) value = frames[i]!.get(name);
  value ??= scope.variable(name);
  if (value === undefined) return undefined;
  if (frames.length === 0) return { pre: '', value };
  return { pre: `if (!${value}) throw new Error(${scope.code.text(`Error referencing undefined variable ${name}`)});\n`, value };
}

/** The names of a chain of fields (`data.groups`: Subexpressions of Fields), else undefined. */
function fieldNames(node: Node): string[] | undefined {
  if (node.type === 'Field') return [node.name!];
  if (node.type !== 'Subexpression' || !node.left || !node.right) return undefined;
  const left = fieldNames(node.left);
  const right = fieldNames(node.right);
  return left && right ? [...left, ...right] : undefined;
}

/**
 * Each field read: an object (not a list) holding the name as its own property, else null.
 * A name that Object.prototype does not have is read directly: a JSON value (parsed, or
 * made by the engine) inherits nothing else, and an object without a prototype reads
 * undefined. Names it has (`constructor`, `toString`, …) are checked to be own properties.
 * A chain starting at a value the scope already holds (`root.outputs`) starts there.
 */
function fieldChain(names: string[], input: string, scope: JmesCodeScope): Code {
  const { code } = scope;
  const start = scope.field?.(input, names[0]!);
  const rest = start === undefined ? names : names.slice(1);
  if (rest.length === 0) return { pre: '', value: start! };
  const out = code.local();
  let pre = `let ${out} = ${start ?? input};\n`;
  for (const name of rest) {
    const key = code.text(name);
    const own = name in Object.prototype ? ` && hop.call(${out}, ${key})` : '';
    pre += `${out} = ${out} !== null && typeof ${out} === 'object' && !Array.isArray(${out})${own} ? (${out}[${key}] ?? null) : null;\n`;
  }
  return { pre, value: out };
}

/** `item => right(item)` pushed into `out` unless null, as the statements of a loop body. */
function pushed(right: Node | undefined, item: string, out: string, scope: JmesCodeScope): string | undefined {
  const identity = right?.type === 'Identity' || right?.type === 'Current';
  if (identity) return `if (${item} !== null) ${out}.push(${item});\n`;
  const value = right ? jmesCode(right, item, scope) : undefined;
  return value && `${value.pre}if (${value.value} !== null) ${out}.push(${value.value});\n`;
}

/**
 * Generates JavaScript for a JMESPath syntax tree with the semantics of the compiled
 * closures (`compile-jmespath.ts`, checked against the library's interpreter): the
 * statements compute the value of the expression over the value named `input`. Undefined
 * for what is not generated (slices, `let`, arithmetic, unknown variables): the closures
 * then run. Runtime errors (a function given the wrong type) throw, as in the closures;
 * the caller turns them into null.
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
      return pure(node.left) && pure(node.right);
    case 'Projection':
      return pure(node.left) && pure(node.right) && node.left?.right?.type !== 'Slice';
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
  const sub = (child: Node | undefined, from: string): Code | undefined => (child ? jmesCode(child, from, scope) : undefined);
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
    case 'LetExpression': {
      // Each binding is evaluated in the scope around the `let`; the body sees them all.
      const bindings = node.bindings ?? [];
      const references = bindings.map((binding) => (binding.reference ? sub(binding.reference, input) : undefined));
      if (references.some((reference) => !reference) || bindings.some((binding) => binding.variable === undefined)) return undefined;
      const frame = new Map<string, string>();
      let pre = '';
      bindings.forEach((binding, i) => {
        const local = code.local();
        pre += `${references[i]!.pre}const ${local} = ${references[i]!.value};\n`;
        frame.set(binding.variable!, local);
      });
      const body = node.expression ? jmesCode(node.expression, input, { ...scope, frames: [...(scope.frames ?? []), frame] }) : undefined;
      return body ? { pre: pre + body.pre, value: body.value } : undefined;
    }
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
    case 'Projection': {
      if (node.left?.type === 'IndexExpression' && node.left.right?.type === 'Slice') return undefined;
      const out = code.local();
      const i = code.local();
      const item = code.local();
      if (node.left?.type === 'Flatten') {
        // `a[].b`: fused, so the flattened list is never built.
        const base = sub(node.left.child, input);
        const inner = code.local();
        const overItem = pushed(node.right, item, out, scope);
        const overInner = pushed(node.right, inner, out, scope);
        if (!base || !overItem || !overInner) return undefined;
        return {
          pre:
            `${base.pre}let ${out} = null;\nif (Array.isArray(${base.value})) {\n${out} = [];\n` +
            `for (let ${i} = 0; ${i} < ${base.value}.length; ${i}++) {\nconst ${item} = ${base.value}[${i}];\n` +
            `if (Array.isArray(${item})) {\nfor (const ${inner} of ${item}) {\n${overInner}}\n} else {\n${overItem}}\n}\n}\n`,
          value: out,
        };
      }
      const base = sub(node.left, input);
      const body = pushed(node.right, item, out, scope);
      if (!base || !body) return undefined;
      return {
        pre: `${base.pre}let ${out} = null;\nif (Array.isArray(${base.value})) {\n${out} = [];\nfor (let ${i} = 0; ${i} < ${base.value}.length; ${i}++) {\nconst ${item} = ${base.value}[${i}];\n${body}}\n}\n`,
        value: out,
      };
    }
    case 'FilterProjection': {
      const base = sub(node.left, input);
      const out = code.local();
      const i = code.local();
      const item = code.local();
      const condition = sub(node.condition, item);
      const body = pushed(node.right, item, out, scope);
      if (!base || !condition || !body) return undefined;
      const isFalseFn = code.constant(isFalse);
      return {
        pre:
          `${base.pre}let ${out} = null;\nif (Array.isArray(${base.value})) {\n${out} = [];\n` +
          `for (let ${i} = 0; ${i} < ${base.value}.length; ${i}++) {\nconst ${item} = ${base.value}[${i}];\n` +
          `${condition.pre}if (${isFalseFn}(${condition.value})) continue;\n${body}}\n}\n`,
        value: out,
      };
    }
    case 'Flatten': {
      const child = sub(node.child, input);
      if (!child) return undefined;
      const out = code.local();
      return { pre: `${child.pre}const ${out} = Array.isArray(${child.value}) ? ${code.constant(flatten)}(${child.value}) : null;\n`, value: out };
    }
    case 'OrExpression':
    case 'AndExpression': {
      const left = sub(node.left, input);
      const right = sub(node.right, input);
      if (!left || !right) return undefined;
      const out = code.local();
      const test = `${node.type === 'OrExpression' ? '' : '!'}${code.constant(isFalse)}(${out})`;
      return { pre: `${left.pre}let ${out} = ${left.value};\nif (${test}) {\n${right.pre}${out} = ${right.value};\n}\n`, value: out };
    }
    case 'NotExpression': {
      const child = sub(node.child, input);
      if (!child) return undefined;
      const out = code.local();
      return { pre: `${child.pre}const ${out} = ${code.constant(isFalse)}(${child.value});\n`, value: out };
    }
    case 'Comparator': {
      const left = sub(node.left, input);
      const right = sub(node.right, input);
      if (!left || !right) return undefined;
      const out = code.local();
      const [a, b] = [left.value, right.value];
      const op = { EQ: '', NE: '!', GT: '>', GTE: '>=', LT: '<', LTE: '<=' }[node.name ?? ''];
      let value: string;
      if (op === undefined) value = 'null';
      else if (op === '' || op === '!') value = `${op}${code.constant(deepEqual)}(${a}, ${b})`;
      else value = `typeof ${a} !== 'number' || typeof ${b} !== 'number' ? null : ${a} ${op} ${b}`;
      return { pre: `${left.pre}${right.pre}const ${out} = ${value};\n`, value: out };
    }
    case 'Ternary': {
      const condition = sub(node.condition, input);
      const yes = sub(node.trueExpr, input);
      const no = sub(node.falseExpr, input);
      if (!condition || !yes || !no) return undefined;
      const out = code.local();
      return {
        pre: `${condition.pre}let ${out};\nif (${code.constant(isFalse)}(${condition.value})) {\n${no.pre}${out} = ${no.value};\n} else {\n${yes.pre}${out} = ${yes.value};\n}\n`,
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
      const pairs = (node.children ?? []).map((pair) => [pair.name!, sub(pair.value as Node, input)] as const);
      if (pairs.some(([, item]) => !item)) return undefined;
      const out = code.local();
      // Assigned one by one, in order, as the closures do (each value computed just before its key is set).
      const sets = pairs.map(([key, item]) => `${item!.pre}${out}[${code.text(key)}] = ${item!.value};\n`).join('');
      return { pre: `const ${out} = {};\n${sets}`, value: out };
    }
    case 'Function': {
      const args = (node.children ?? []).map((child) => sub(child, input));
      if (args.some((arg) => !arg)) return undefined;
      const all = args as Code[];
      const pre = all.map((arg) => arg.pre).join('');
      const out = code.local();
      if (node.name === 'contains' && all.length === 2) {
        const [within, sought] = [all[0]!.value, all[1]!.value];
        return {
          pre:
            `${pre}let ${out};\nif (Array.isArray(${within})) ${out} = ${within}.includes(${sought});\n` +
            `else if (typeof ${within} === 'string') ${out} = typeof ${sought} === 'string' ? ${within}.includes(${sought}) : null;\n` +
            `else throw new Error('invalid-type: contains() expects a string or an array');\n`,
          value: out,
        };
      }
      const runtime = code.constant(TreeInterpreter.runtime);
      return { pre: `${pre}const ${out} = ${runtime}.callFunction(${code.text(node.name!)}, [${all.map((arg) => arg.value).join(', ')}]);\n`, value: out };
    }
    default:
      return undefined;
  }
}
