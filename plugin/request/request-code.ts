import type { StepTemplate } from '../generated/step-template.js';
import type { JsonValue } from '../json.js';
import { CodeBuilder, tryGenerate } from '../template/code-builder.js';
import { compileTemplate } from '../template/compile.js';
import { isBlankText } from '../template/helpers.js';
import { bodyCode } from './body-code.js';
import type { RequestBuilder } from './build.js';
import { compileRow, redacting, refusal, secretsText, valueOf, type Row } from './header-rows.js';
import { compileQuery } from './query.js';
import { renderText } from './text-code.js';
import { compilePath, prefixer, segment } from './url.js';

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

/**
 * The headers' code: the objects sent and shown, rows in order, as `compileHeaders` builds
 * them. Every row is compiled first, as there: a row that does not compile leaves the
 * headers to the closures (which throw when a step reaches them), even after a literal row
 * that can never be sent.
 */
function headersCode(headers: Record<string, string> | undefined, code: CodeBuilder): string | undefined {
  const rows: Array<[string, Row, string]> = [];
  for (const name in headers) {
    if (name === '__proto__') return undefined;
    const row = compileRow(name, headers[name]!);
    if (row) rows.push([name, row, headers[name]!]);
  }
  let pre = '';
  const sent: Array<{ name: string; value: string; keep?: string }> = [];
  const shown: string[] = [];
  let redacted = false;
  for (const [name, row, source] of rows) {
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
    const keep = neverBlank(source) ? undefined : code.local();
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
  return tryGenerate(() => makeRequest(request));
}

function makeRequest(request: StepTemplate['request']): RequestBuilder | undefined {
  const code = new CodeBuilder();
  const method = code.text(request.method);
  const url = urlCode(request.url, request.query, code);
  const headers = headersCode(request.headers, code);
  if (headers === undefined) return undefined;
  const hasBody = request.body !== undefined;
  const body = hasBody ? bodyCode(request.body as JsonValue, code) : '';
  return code.build<RequestBuilder>(
    ['scope', 'baseUrl'],
    `${url}${headers}${body}return { ok: true, outgoing: { method: ${method}, url, headers: sent, body: ${hasBody ? 'text' : 'undefined'} }, ` +
      `shown: { method: ${method}, url, headers: shown, body: ${hasBody ? 'body' : 'null'} } };`,
  );
}
