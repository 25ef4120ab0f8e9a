import type { StepTemplate } from '../generated/step-template.js';
import type { JsonValue } from '../json.js';
import { CodeBuilder, type Code } from '../template/code-builder.js';
import { compileTemplate } from '../template/compile.js';
import { literalKey } from '../template/codegen.js';
import { isBlank, isBlankText } from '../template/helpers.js';
import { printValue, type PlainPlan } from '../template/plain.js';
import { hasPlaceholders, soleVariable } from '../template/tokenize.js';
import { defineKey, quoteJson, toJson } from './body.js';
import type { RequestBuilder } from './build.js';
import { compileRow, redacting, refusal, secretsText, valueOf } from './header-rows.js';
import { compileQuery } from './query.js';
import { compilePath, prefixer, segment } from './url.js';

/** Marks a body leaf or container that is left out, in generated code. */
const DROP = Symbol('drop');

/** Reads a template path in the step's scope (`scope.vars`, or `scope.settings`/`scope.secrets` for those), own properties only. */
function readPath(keys: readonly string[], code: CodeBuilder): Code {
  const [first, ...rest] = keys;
  const inPart = first === 'settings' || first === 'secrets';
  const out = code.local();
  let pre = `let ${out} = scope.${inPart ? first : 'vars'};\n`;
  for (const key of inPart ? rest : keys) {
    const name = code.text(key);
    pre += `${out} = ${out} === null || ${out} === undefined || !hop.call(${out}, ${name}) ? undefined : ${out}[${name}];\n`;
  }
  return { pre, value: out };
}

/** A template rendered to text in the step's scope: a plain one inline, any other through its compiled renderer. */
function renderText(source: string, code: CodeBuilder): Code {
  const template = compileTemplate(source);
  const out = code.local();
  const plan: PlainPlan | undefined = template.plain;
  if (!plan || plan.some((part) => typeof part !== 'string' && part.length === 0)) {
    return { pre: `const ${out} = ${code.constant(template.renderScope)}(scope);\n`, value: out };
  }
  const print = code.constant(printValue);
  let pre = '';
  const parts = plan.map((part) => {
    if (typeof part === 'string') return code.text(part);
    const read = readPath(part, code);
    pre += read.pre;
    return `(typeof ${read.value} === 'string' ? ${read.value} : ${print}(${read.value}))`;
  });
  return { pre: `${pre}const ${out} = ${parts.length ? parts.join(' + ') : "''"};\n`, value: out };
}

/**
 * A body value's code, whether it can be left out, and its JSON text: `json.pre` computes
 * it (once the value is known not to be left out), `json.value` holds it. The text is
 * exactly what `JSON.stringify` writes for the value: keys in the value's own order
 * (which is the template's), texts through `quoteJson`, anything else through JSON.stringify.
 */
interface BodyCode extends Code {
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

/** A body node: the value built fresh each step, with the drop rules of `compileBody`, and its JSON text. */
function bodyNode(node: JsonValue, code: CodeBuilder): BodyCode {
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

/** The URL's code: literal prefix, each templated segment rendered and encoded, then the query. */
function urlCode(source: string, query: Record<string, string> | undefined, code: CodeBuilder): string {
  const path = compilePath(source);
  let pre = `let url = ${code.constant(prefixer(path))}(baseUrl);\n`;
  for (const piece of path.pieces) {
    const text = renderText(piece.source, code);
    const encoded = code.local();
    pre += `${text.pre}const ${encoded} = ${code.constant(segment)}(${code.text(source)}, ${text.value});\nif (typeof ${encoded} !== 'string') return { ok: false, invalid: ${encoded} };\n`;
    pre += `url += ${encoded}${piece.after ? ` + ${code.text(piece.after)}` : ''};\n`;
  }
  const withQuery = compileQuery(query);
  if (withQuery) pre += `url = ${code.constant(withQuery)}(scope, url);\nif (typeof url !== 'string') return { ok: false, invalid: url };\n`;
  return pre;
}

/** True when a header template always renders some non-blank text (literal text around its values). */
function neverBlank(source: string): boolean {
  const plan = compileTemplate(source).plain;
  return plan !== undefined && plan.some((part) => typeof part === 'string' && !isBlankText(part));
}

/** The headers' code: the objects sent and shown, rows in order, as `compileHeaders` builds them. */
function headersCode(headers: Record<string, string> | undefined, code: CodeBuilder): string | undefined {
  let pre = '';
  const sent: Array<{ name: string; value: string; keep?: string }> = [];
  const shown: string[] = [];
  let redacted = false;
  for (const name in headers) {
    if (name === '__proto__') return undefined;
    const row = compileRow(name, headers[name]!);
    if (!row) continue;
    const key = code.text(name);
    if (row.literal !== undefined) {
      if (row.refused) {
        pre += `return { ok: false, invalid: ${code.constant(refusal)}(${key}, ${code.text(row.literal)}) };\n`;
        break;
      }
      sent.push({ name, value: code.text(row.literal) });
      shown.push(code.text(row.literal));
      continue;
    }
    const r = code.constant(row);
    const value = code.local();
    const show = code.local();
    pre += `${code.constant(valueOf)}(${r}, scope);\nconst ${value} = ${r}.lastValue;\nif (${r}.lastVerdict === 'refused') return { ok: false, invalid: ${code.constant(refusal)}(${key}, ${value}) };\n`;
    const keep = neverBlank(headers[name]!) ? undefined : code.local();
    if (keep) pre += `const ${keep} = ${r}.lastVerdict !== 'blank';\n`;
    let shownText: string;
    if (row.showAs === 'same') shownText = value;
    else if (row.showAs === 'secrets') shownText = `${code.constant(secretsText)}(${r}, scope)`;
    else {
      redacted = true;
      shownText = `${r}.render(redacted ??= ${code.constant(redacting)}(scope))`;
    }
    pre += `const ${show} = ${keep ? `${keep} ? ${shownText} : ''` : shownText};\n`;
    sent.push({ name, value, ...(keep ? { keep } : {}) });
    shown.push(show);
  }
  if (redacted) pre = `let redacted;\n${pre}`;
  if (sent.every((row) => !row.keep)) {
    const object = (values: string[]): string => `{ ${sent.map((row, i) => `${code.text(row.name)}: ${values[i]}`).join(', ')} }`;
    return `${pre}const sent = ${object(sent.map((row) => row.value))}, shown = ${object(shown)};\n`;
  }
  const sets = sent
    .map((row, i) => {
      const set = `sent[${code.text(row.name)}] = ${row.value};\nshown[${code.text(row.name)}] = ${shown[i]};\n`;
      return row.keep ? `if (${row.keep}) {\n${set}}\n` : set;
    })
    .join('');
  return `${pre}const sent = {}, shown = {};\n${sets}`;
}

/**
 * A template's request generated as one function, with the semantics of `compileRequest`:
 * the URL (literal prefix, each templated segment rendered and encoded, the query), the
 * header rows in order, then the body built as a value with its drop rules and written as
 * JSON text by code made for its shape (the text JSON.stringify would write), and the
 * request sent and shown. Values are only ever read and passed to the same escaping
 * helpers the closures use; no conversation value becomes code. Undefined when a part
 * does not compile (it then throws where the closures throw), a header is named
 * `__proto__`, or code generation is disallowed.
 *
 * @example
 * generateRequest(lookup.request)?.(scopeOf({ customer_email: 'priya@example.com' }, {}, { api_key: 'k' }))
 * // { ok: true, outgoing: { method: 'GET', url: 'https://connect.mailerlite.com/api/subscribers/priya@example.com', ... }, shown: { ... } }
 */
export function generateRequest(request: StepTemplate['request']): RequestBuilder | undefined {
  const code = new CodeBuilder();
  let body: string;
  try {
    const url = urlCode(request.url, request.query, code);
    const headers = headersCode(request.headers, code);
    if (headers === undefined) return undefined;
    const method = code.text(request.method);
    let value = 'undefined';
    let built = '';
    if (request.body !== undefined) {
      const node = bodyNode(request.body as JsonValue, code);
      const drop = code.constant(DROP);
      // A body emptied by drops is `{}`.
      built = node.canDrop
        ? `${node.pre}let body, text;\nif (${node.value} === ${drop}) {\nbody = {};\ntext = '{}';\n} else {\n${node.json.pre}body = ${node.value};\ntext = ${node.json.value};\n}\n`
        : `${node.pre}${node.json.pre}const body = ${node.value}, text = ${node.json.value};\n`;
      value = 'body';
    }
    body =
      `${url}${headers}${built}return { ok: true, outgoing: { method: ${method}, url, headers: sent, body: ${value === 'undefined' ? 'undefined' : 'text'} }, ` +
      `shown: { method: ${method}, url, headers: shown, body: ${value === 'undefined' ? 'null' : 'body'} } };`;
  } catch {
    return undefined;
  }
  return code.build<RequestBuilder>(['scope', 'baseUrl'], body);
}
