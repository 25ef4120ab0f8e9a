import type { JsonValue } from '../../json.js';

/**
 * JSONata text for the Node-RED export. Every value from a declaration enters an
 * expression as a literal written by `JSON.stringify` (JSONata's string, number, true,
 * false and null literals are JSON's), never pasted as text; variables are read with
 * `$lookup`, so a name can never be read as an operator or a keyword.
 */

/**
 * A JSONata string literal.
 *
 * @example
 * str('say "hi"') // '"say \\"hi\\""'
 */
export function str(text: string): string {
  return JSON.stringify(text);
}

/**
 * A JSONata literal of a JSON scalar, or of a list or object of them (arrays written
 * item by item through `$wrap`, so a list inside a list stays a list).
 *
 * @example
 * literal(['a', 1]) // '$append($append([], $wrap("a")), $wrap(1))'
 */
export function literal(value: JsonValue): string {
  if (Array.isArray(value)) return value.reduce<string>((acc, item) => `$append(${acc}, $wrap(${literal(item)}))`, '[]');
  if (value !== null && typeof value === 'object') return `{${Object.entries(value).map(([k, v]) => `${str(k)}: ${literal(v)}`).join(', ')}}`;
  return JSON.stringify(value);
}

/**
 * A JSONata regular expression literal with the same source; JSONata knows the `i` and
 * `m` flags only (the others change nothing for the patterns used here).
 *
 * @example
 * regex(/^\d+$/) // '/^\\d+$/'
 */
export function regex(pattern: RegExp): string {
  const flags = [...pattern.flags].filter((f) => f === 'i' || f === 'm').join('');
  // A `/` inside a character class is left bare by `source`; JSONata's literal ends at a bare `/`.
  let source = '';
  for (let i = 0; i < pattern.source.length; i++) {
    const char = pattern.source[i]!;
    if (char === '\\') {
      source += char + (pattern.source[i + 1] ?? '');
      i++;
    } else source += char === '/' ? '\\/' : char;
  }
  return `/${source}/${flags}`;
}

/** The message property `name`, read as stored (a list of one stays a list). */
export function msg(name: string): string {
  return `$lookup($$, ${str(name)})`;
}

/** An environment variable of the Node-RED process (Node-RED's `$env`). */
export function env(name: string): string {
  return `$env(${str(name)})`;
}

/** No value: a key whose value is this is left out of an object, an item out of a list. */
export const NOTHING = '()';

/**
 * The helper functions an expression may call, each a JSONata lambda:
 * - `$blank(v)`: missing, null, blank text or an empty list (the engine's `isBlank`).
 * - `$text(v)`: the text a placeholder prints (Handlebars: numbers and booleans as written,
 *   lists joined by commas, null or missing as "").
 * - `$astext(v)`: the text a condition compares (decision 006: JSON text for non-text values).
 * - `$wrap(v)`: `[v]` to append as one item, a list included.
 * - `$get(o, k)`: own property `k` of an object, else no value.
 * - `$field(o, k)` / `$index(a, i)`: a plain path's steps: JMESPath's, null when absent.
 * - `$strip(t)`: JavaScript's trim (JSONata's own also squeezes inner white space).
 * - `$seg(t)`: one URL path segment (`encodeURIComponent`, `%40` back to `@`).
 * - `$lone(t)`: text holding a lone UTF-16 surrogate, which no URL can carry.
 */
const HELPERS: ReadonlyArray<readonly [string, string]> = [
  ['$blank', `function($v){ $type($v) = "string" ? $contains($v, /^\\s*$/) : $type($v) = "array" ? $count($v) = 0 : $not($exists($v)) or $type($v) = "null" }`],
  [
    '$text',
    `function($v){ $type($v) = "string" ? $v : $type($v) in ["number", "boolean"] ? $string($v) : $type($v) = "array" ? ($j := $join($map($v, function($i){ $text($i) }), ","); $exists($j) ? $j : "") : $type($v) = "object" ? "[object Object]" : "" }`,
  ],
  ['$astext', `function($v){ $type($v) = "string" ? $v : $exists($v) and $type($v) != "null" ? $string($v) : "" }`],
  ['$wrap', `function($v){ $type($v) = "array" ? [[$v]] : [$v] }`],
  ['$get', `function($o, $k){ $type($o) = "object" and $k in $keys($o) ? $lookup($o, $k) : () }`],
  ['$field', `function($o, $k){ $type($o) = "object" and $k in $keys($o) ? $lookup($o, $k) : null }`],
  ['$index', `function($a, $i){ $type($a) = "array" and $i < $count($a) ? $single($a, function($v, $n){ $n = $i }) : null }`],
  ['$strip', `function($t){ $replace($t, /^\\s+|\\s+$/, "") }`],
  ['$seg', `function($t){ $replace($encodeUrlComponent($t), "%40", "@") }`],
  ['$lone', `function($t){ $contains($t, /[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])|(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]/) }`],
];

/**
 * A whole expression: the helpers it calls (and those they call) defined first, in a block.
 *
 * @example
 * program('$blank(vars)') // '($blank := function($v){ ... }; $blank(vars))'
 */
export function program(body: string): string {
  const used = new Set<string>();
  const visit = (text: string): void => {
    for (const [name, source] of HELPERS) {
      if (used.has(name) || !text.includes(`${name}(`)) continue;
      used.add(name);
      visit(source);
    }
  };
  visit(body);
  if (used.size === 0) return body;
  const definitions = HELPERS.filter(([name]) => used.has(name)).map(([name, source]) => `${name} := ${source};`);
  return `(\n  ${definitions.join('\n  ')}\n  ${body}\n)`;
}

/**
 * `a and b and ...` (true for none).
 *
 * @example
 * all(['x', 'y']) // '(x) and (y)'
 */
export function all(parts: string[]): string {
  return parts.length === 0 ? 'true' : parts.map((p) => `(${p})`).join(' and ');
}

/**
 * `a or b or ...` (false for none).
 *
 * @example
 * any(['x', 'y']) // '(x) or (y)'
 */
export function any(parts: string[]): string {
  return parts.length === 0 ? 'false' : parts.map((p) => `(${p})`).join(' or ');
}
