import { TreeInterpreter } from '@jmespath-community/jmespath';
import type { Code, CodeBuilder } from '../template/code-builder.js';
import type { JmesNode as Node } from './jmespath-ast.js';
import type { JmesCodeScope } from './jmespath-code.js';
import { deepEqual, isFalse } from './jmespath-values.js';

/** Generates a child node over the value named `from` (in `scope`, or the caller's). */
export type SubCode = (child: Node | undefined, from: string, scope?: JmesCodeScope) => Code | undefined;

/**
 * The names of a chain of fields (`data.groups`: Subexpressions of Fields), else undefined.
 *
 * @example
 * fieldNames(parseJmes('data.groups')) // ['data', 'groups']
 */
export function fieldNames(node: Node): string[] | undefined {
  if (node.type === 'Field') return [node.name!];
  if (node.type !== 'Subexpression' || !node.left || !node.right) return undefined;
  const left = fieldNames(node.left);
  const right = fieldNames(node.right);
  return left && right ? [...left, ...right] : undefined;
}

/**
 * Each field read: an object (not a list) holding the name as its own property, else null.
 * A chain starting at a value the scope already holds (`root.outputs`) starts there.
 *
 * @example
 * fieldChain(['data', 'id'], 'root', scope).value // 't0', holding root.data.id or null
 */
export function fieldChain(names: string[], input: string, scope: JmesCodeScope): Code {
  const { code } = scope;
  const start = scope.field?.(input, names[0]!);
  const rest = start === undefined ? names : names.slice(1);
  if (rest.length === 0) return { pre: '', value: start! };
  const out = code.local();
  let pre = `let ${out} = ${start ?? input};\n`;
  for (const name of rest) {
    pre += `if (${out} !== null && typeof ${out} === 'object' && !Array.isArray(${out})) {\n${ownRead(out, name, 'null', code)}} else ${out} = null;\n`;
  }
  return { pre, value: out };
}

/**
 * Statements that replace the value of `local` by its own property `name`, or by `missing`
 * (JavaScript text: `null`, `undefined`) when it has none; `local` is not null or undefined.
 * The property is read first (an inline-cached load); it is known to be the object's own
 * when the object is a plain one (its prototype is Object.prototype) and Object.prototype
 * has no such name, checked now, so a prototype polluted later is seen. Anything else
 * (an object made by a class or `Object.create`, a list, a text, a name such as
 * `constructor`) is checked with `hasOwnProperty`: as fast as an unchecked read for JSON,
 * where `hasOwnProperty` alone costs several times more.
 *
 * @example
 * ownRead('t0', 'id', 'null', code) // 'const t1 = t0["id"]; t0 = t1 === undefined ? null : …'
 */
export function ownRead(local: string, name: string, missing: string, code: CodeBuilder): string {
  const key = code.text(name);
  const plain = code.constant(Object.prototype);
  const value = code.local();
  return (
    `const ${value} = ${local}[${key}];\n` +
    `${local} = ${value} === undefined ? ${missing} : ` +
    `(typeof ${local} === 'object' && Object.getPrototypeOf(${local}) === ${plain} && !(${key} in ${plain})) || hop.call(${local}, ${key}) ? ${value} : ${missing};\n`
  );
}

/**
 * `$name`: the innermost binding of the name. As in the interpreter (and the closures), a
 * name bound outside the innermost scope whose value is falsy in JavaScript (null, false,
 * 0, '') is an error, which maps the expression to null. Undefined for a name not bound.
 *
 * @example
 * variableCode('settings', scope) // { pre: '', value: 'settings' }
 */
export function variableCode(name: string, scope: JmesCodeScope): Code | undefined {
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

/**
 * `let $a = x, $b = y in body`: each binding evaluated in the scope around the `let` (a
 * binding cannot see another), the body with all of them in a new innermost scope.
 *
 * @example
 * letCode(parseJmes('let $id = id in $id'), 'root', scope, sub)
 */
export function letCode(node: Node, input: string, scope: JmesCodeScope, sub: SubCode): Code | undefined {
  const bindings = node.bindings ?? [];
  const references = bindings.map((binding) => sub(binding.reference, input));
  if (references.some((reference) => !reference) || bindings.some((binding) => binding.variable === undefined)) return undefined;
  const frame = new Map<string, string>();
  let pre = '';
  bindings.forEach((binding, i) => {
    const local = scope.code.local();
    pre += `${references[i]!.pre}const ${local} = ${references[i]!.value};\n`;
    frame.set(binding.variable!, local);
  });
  const body = sub(node.expression, input, { ...scope, frames: [...(scope.frames ?? []), frame] });
  return body && { pre: pre + body.pre, value: body.value };
}

/** `right` over `item`, pushed into `out` unless null, as the statements of a loop body. */
function pushed(right: Node | undefined, item: string, out: string, sub: SubCode): string | undefined {
  if (right?.type === 'Identity' || right?.type === 'Current') return `if (${item} !== null) ${out}.push(${item});\n`;
  const value = sub(right, item);
  return value && `${value.pre}if (${value.value} !== null) ${out}.push(${value.value});\n`;
}

/**
 * `left[*].right` and `left[?condition].right`: `right` over each item of a list (whose
 * condition holds), nulls left out; null when not a list. `a[].b` is fused with its
 * flatten, so the flattened list is never built.
 *
 * @example
 * projectionCode(parseJmes('data.groups[].id'), 'root', scope, sub)
 */
export function projectionCode(node: Node, input: string, scope: JmesCodeScope, sub: SubCode): Code | undefined {
  const { code } = scope;
  const [out, i, item] = [code.local(), code.local(), code.local()];
  const fused = node.type === 'Projection' && node.left?.type === 'Flatten';
  const base = sub(fused ? node.left!.child : node.left, input);
  const condition = node.type === 'FilterProjection' ? sub(node.condition, item) : undefined;
  if (!base || (node.type === 'FilterProjection' && !condition)) return undefined;
  let body = pushed(node.right, item, out, sub);
  if (body === undefined) return undefined;
  if (condition) body = `${condition.pre}if (${code.constant(isFalse)}(${condition.value})) continue;\n${body}`;
  if (fused) {
    const inner = code.local();
    const overInner = pushed(node.right, inner, out, sub);
    if (overInner === undefined) return undefined;
    body = `if (Array.isArray(${item})) {\nfor (const ${inner} of ${item}) {\n${overInner}}\n} else {\n${body}}\n`;
  }
  return {
    pre:
      `${base.pre}let ${out} = null;\nif (Array.isArray(${base.value})) {\n${out} = [];\n` +
      `for (let ${i} = 0; ${i} < ${base.value}.length; ${i}++) {\nconst ${item} = ${base.value}[${i}];\n${body}}\n}\n`,
    value: out,
  };
}

/** The ordering comparators, by the parser's name. */
const ORDERING = new Map([
  ['GT', '>'],
  ['GTE', '>='],
  ['LT', '<'],
  ['LTE', '<='],
]);

/**
 * A comparison: `==`/`!=` as JMESPath equality, orderings only between numbers (else null).
 *
 * @example
 * comparatorCode(parseJmes('data.sent > `1`'), 'root', scope, sub)
 */
export function comparatorCode(node: Node, input: string, scope: JmesCodeScope, sub: SubCode): Code | undefined {
  const left = sub(node.left, input);
  const right = sub(node.right, input);
  if (!left || !right) return undefined;
  const { code } = scope;
  const out = code.local();
  const [a, b] = [left.value, right.value];
  const ordering = ORDERING.get(node.name ?? '');
  let value = 'null';
  if (node.name === 'EQ' || node.name === 'NE') value = `${node.name === 'NE' ? '!' : ''}${code.constant(deepEqual)}(${a}, ${b})`;
  else if (ordering) value = `typeof ${a} !== 'number' || typeof ${b} !== 'number' ? null : ${a} ${ordering} ${b}`;
  return { pre: `${left.pre}${right.pre}const ${out} = ${value};\n`, value: out };
}

/**
 * A function call: `contains` inline, any other through the library's function table
 * (which throws on a wrong type, as it does for the interpreter).
 *
 * @example
 * functionCode(parseJmes("contains(data.email, '@')"), 'root', scope, sub)
 */
export function functionCode(node: Node, input: string, scope: JmesCodeScope, sub: SubCode): Code | undefined {
  const args = (node.children ?? []).map((child) => sub(child, input));
  if (args.some((arg) => !arg)) return undefined;
  const all = args as Code[];
  const { code } = scope;
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
