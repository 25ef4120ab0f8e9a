import type { StepTemplate } from '../../generated/step-template.js';
import type { JsonValue } from '../../json.js';
import { parseUrl } from '../../request/url.js';
import { hasPlaceholders, tokenize } from '../../template/tokenize.js';
import { any, env, NOTHING, str } from './jsonata.js';
import { text, value, type Scope } from './placeholders.js';

/** The environment variable that replaces the URL's origin (the simulator, a proxy). */
export const BASE_URL_VARIABLE = 'MAILERLITE_BASE_URL';

/** The JSONata of a step's request: URL, headers, body, and whether a value cannot be placed. */
export interface RequestParts {
  url: string;
  headers: string;
  /** Undefined when the template has no body (nothing is sent). */
  body: string | undefined;
  /** True when a value cannot be placed: a path segment that is blank, `.` or `..`, or holds a lone surrogate; a header with a line break, NUL or a character beyond U+00FF. */
  unplaceable: string;
}

/**
 * The request of a template as JSONata over the checked inputs (`msg.input`), the settings
 * and the secrets from the environment: each templated path segment one encoded segment,
 * query values encoded and left out when blank, header values refused when they hold a
 * line break, left out when blank, and the body built as a JSON value (blank optional
 * values drop their key). The origin comes from `MAILERLITE_BASE_URL`, else the template's.
 */
export function requestParts(template: StepTemplate, scope: Scope): RequestParts {
  const { url, query, headers, body } = template.request;
  const { origin, segments } = parseUrl(url);
  const rendered = segments.map((segment) => ('literal' in segment ? undefined : text(segment.template, scope)));
  const path = segments.map((segment, i) => {
    const seg = rendered[i];
    return seg === undefined ? str('/' + ('literal' in segment ? segment.literal : '')) : `"/" & ($t := ${seg}; $lone($t) ? "" : $seg($t))`;
  });
  const params = Object.entries(query ?? {}).map(
    ([key, template]) => `($t := ${text(template, scope)}; $blank($t) or $lone($t) ? ${NOTHING} : ${str(`${key}=`)} & $encodeUrlComponent($t))`,
  );
  const search = params.length === 0 ? '""' : `($q := [${params.join(', ')}]; $count($q) = 0 ? "" : "?" & $join($q, "&"))`;
  const base = `($b := ${env(BASE_URL_VARIABLE)}; $blank($b) ? ${str(origin)} : $replace($b, /\\/+$/, ""))`;
  const headerTexts = Object.entries(headers ?? {}).map(([name, template]) => [name, text(template, scope)] as const);
  const badSegments = rendered.flatMap((seg) => (seg === undefined ? [] : [`($t := ${seg}; $t in ["", ".", ".."] or $lone($t))`]));
  const badQuery = Object.values(query ?? {}).map((template) => `$lone(${text(template, scope)})`);
  const badHeaders = headerTexts.map(([, expr]) => `$contains(${expr}, /[\\r\\n\\u0000]|[^\\u0000-\\u00ff]/)`);
  return {
    url: [base, ...path, search].join(' & '),
    headers: `{${headerTexts.map(([name, expr]) => `${str(name)}: ($h := ${expr}; $blank($h) ? ${NOTHING} : $h)`).join(', ')}}`,
    body: body === undefined ? undefined : `($body := ${bodyValue(body, scope)}; $exists($body) ? $body : {})`,
    unplaceable: any([...badSegments, ...badQuery, ...badHeaders]),
  };
}

/**
 * A JSON body template as JSONata building the same value as the engine's `renderBody`:
 * string leaves are templates (a sole `<<variable>>` keeps its type, a blank one is no
 * value), literal text stays as written, a list or object emptied by drops is dropped.
 */
export function bodyValue(node: JsonValue, scope: Scope): string {
  if (typeof node === 'string') return hasPlaceholders(node) ? value(node, scope) : str(tokenize(node).map((t) => t.value).join(''));
  if (Array.isArray(node)) {
    if (node.length === 0) return '[]';
    const items = node.reduce<string>((acc, item) => `$append(${acc}, $wrap(${bodyValue(item, scope)}))`, '[]');
    return `($a := ${items}; $count($a) = 0 ? ${NOTHING} : $a)`;
  }
  if (node !== null && typeof node === 'object') {
    const keys = Object.keys(node);
    if (keys.length === 0) return '{}';
    const fields = keys.map((key) => `${str(key)}: ${bodyValue(node[key]!, scope)}`).join(', ');
    return `($o := {${fields}}; $count($keys($o)) = 0 ? ${NOTHING} : $o)`;
  }
  return JSON.stringify(node);
}
