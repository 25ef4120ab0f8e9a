import type { JsonValue } from '../json.js';
import type { Code, CodeBuilder } from '../template/code-builder.js';
import { compileTemplate } from '../template/compile.js';
import { literalKey } from '../template/codegen.js';
import { isBlank, isBlankText } from '../template/helpers.js';
import { hasPlaceholders, soleVariable } from '../template/tokenize.js';
import { defineKey, quoteJson, toJson } from './body.js';
import { readPath, renderText } from './text-code.js';

/** Marks a body leaf or container that is left out, in generated code. */
const DROP = Symbol('drop');

/**
 * A body value's code, whether it can be left out, and its JSON text: `json.pre` computes
 * it (once the value is known not to be left out), `json.value` holds it. The text is
 * exactly what `JSON.stringify` writes for the value: keys in the value's own order
 * (which is the template's), texts through `quoteJson`, anything else through JSON.stringify.
 */
export interface BodyCode extends Code {
  canDrop: boolean;
  json: Code;
}

function bodyLeaf(source: string, code: CodeBuilder): BodyCode {
  const drop = code.constant(DROP);
  const blankText = code.constant(isBlankText);
  const quote = code.constant(quoteJson);
  const text = code.local();
  const sole = soleVariable(source);
  if (sole !== undefined) {
    // A sole `<<path>>` keeps the value's JSON type; missing, null, blank and empty lists drop.
    const read = readPath(sole.split('.'), code);
    const v = read.value;
    return {
      pre: `${read.pre}${v} = typeof ${v} === 'string' ? (${blankText}(${v}) ? ${drop} : ${v}) : ${code.constant(isBlank)}(${v}) ? ${drop} : ${code.constant(toJson)}(${v});\n`,
      value: v,
      canDrop: true,
      json: { pre: `const ${text} = typeof ${v} === 'string' ? ${quote}(${v}) : JSON.stringify(${v});\n`, value: text },
    };
  }
  if (!hasPlaceholders(source)) {
    const literal = compileTemplate(source).render({});
    return { pre: '', value: code.text(literal), canDrop: false, json: { pre: '', value: code.text(JSON.stringify(literal)) } };
  }
  const rendered = renderText(source, code);
  const out = code.local();
  return {
    pre: `${rendered.pre}const ${out} = ${blankText}(${rendered.value}) ? ${drop} : ${rendered.value};\n`,
    value: out,
    canDrop: true,
    json: { pre: `const ${text} = ${quote}(${out});\n`, value: text },
  };
}

/** The JSON text of a list or object from its items' texts (`prefixes`: `"key":` for objects), items left out skipped. */
function containerJson(items: BodyCode[], prefixes: string[], open: string, close: string, code: CodeBuilder): Code {
  const drop = code.constant(DROP);
  const out = code.local();
  if (!items.some((item) => item.canDrop)) {
    const parts = items.map((item, i) => `${code.text((i ? ',' : '') + prefixes[i])} + ${item.json.value}`);
    return { pre: `${items.map((item) => item.json.pre).join('')}const ${out} = ${[code.text(open), ...parts, code.text(close)].join(' + ')};\n`, value: out };
  }
  // Each item kept adds its text, after a comma unless it is the first.
  const adds = items
    .map((item, i) => {
      const add = `${item.json.pre}${out} += (${out} === '' ? ${code.text(prefixes[i]!)} : ${code.text(',' + prefixes[i])}) + ${item.json.value};\n`;
      return item.canDrop ? `if (${item.value} !== ${drop}) {\n${add}}\n` : add;
    })
    .join('');
  return { pre: `let ${out} = '';\n${adds}${out} = ${code.text(open)} + ${out} + ${code.text(close)};\n`, value: out };
}

/**
 * A body node: the value built fresh each step, with the drop rules of `compileBody`, and its JSON text.
 *
 * @example
 * bodyNode({ email: '<<customer_email>>', status: 'active' }, code).canDrop // true
 */
export function bodyNode(node: JsonValue, code: CodeBuilder): BodyCode {
  if (typeof node === 'string') return bodyLeaf(node, code);
  const drop = code.constant(DROP);
  const out = code.local();
  if (Array.isArray(node)) {
    const items = node.map((item) => bodyNode(item, code));
    const pre = items.map((item) => item.pre).join('');
    const json = containerJson(items, items.map(() => ''), '[', ']', code);
    if (!items.some((item) => item.canDrop)) return { pre: `${pre}const ${out} = [${items.map((item) => item.value).join(', ')}];\n`, value: out, canDrop: false, json };
    // A list emptied by drops is dropped (one written empty cannot be: it has no item that drops).
    const kept = code.local();
    const pushes = items.map((item) => (item.canDrop ? `if (${item.value} !== ${drop}) ${kept}.push(${item.value});\n` : `${kept}.push(${item.value});\n`)).join('');
    return { pre: `${pre}const ${kept} = [];\n${pushes}const ${out} = ${kept}.length === 0 ? ${drop} : ${kept};\n`, value: out, canDrop: true, json };
  }
  if (node !== null && typeof node === 'object') {
    const keys = Object.keys(node);
    const values = keys.map((key) => bodyNode(node[key]!, code));
    const pre = values.map((value) => value.pre).join('');
    const json = containerJson(values, keys.map((key) => `${JSON.stringify(key)}:`), '{', '}', code);
    if (!values.some((value) => value.canDrop)) {
      return { pre: `${pre}const ${out} = { ${keys.map((key, i) => `${literalKey(key)}: ${values[i]!.value}`).join(', ')} };\n`, value: out, canDrop: false, json };
    }
    const define = code.constant(defineKey);
    const sets = keys
      .map((key, i) => {
        const { value, canDrop } = values[i]!;
        // A literal "__proto__" key stays a key (assignment would set the prototype).
        const set = key === '__proto__' ? `${define}(${out}, ${code.text(key)}, ${value});\n` : `${out}[${code.text(key)}] = ${value};\n`;
        return canDrop ? `if (${value} !== ${drop}) ${set}` : set;
      })
      .join('');
    // An object emptied by drops is dropped: possible only when every value can drop.
    const emptied = values.every((value) => value.canDrop) ? `if (${values.map((value) => `${value.value} === ${drop}`).join(' && ')}) ${out} = ${drop};\nelse {\n` : '{\n';
    return { pre: `${pre}let ${out};\n${emptied}${out} = {};\n${sets}}\n`, value: out, canDrop: true, json };
  }
  return { pre: '', value: code.constant(node), canDrop: false, json: { pre: '', value: code.text(JSON.stringify(node)) } };
}

/**
 * The statements that build the body (`body`, the value shown) and its JSON text (`text`,
 * what is sent); a body emptied by drops is `{}`.
 *
 * @example
 * bodyCode({ email: '<<customer_email>>' }, code) // 'let t1 = scope.vars; … let body, text; …'
 */
export function bodyCode(template: JsonValue, code: CodeBuilder): string {
  const node = bodyNode(template, code);
  if (!node.canDrop) return `${node.pre}${node.json.pre}const body = ${node.value}, text = ${node.json.value};\n`;
  return `${node.pre}let body, text;\nif (${node.value} === ${code.constant(DROP)}) {\nbody = {};\ntext = '{}';\n} else {\n${node.json.pre}body = ${node.value};\ntext = ${node.json.value};\n}\n`;
}
