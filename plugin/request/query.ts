import { compileTemplate } from '../template/compile.js';
import { compileOrDefer } from '../template/defer.js';
import { isBlankText } from '../template/helpers.js';
import type { RenderScope } from '../template/scope.js';
import { encode, encodeQueryValue } from './encode.js';
import { InvalidValue, type Rendered } from './invalid.js';

/** A query compiled once: appends the rendered parameters to a URL, or says which value cannot be placed. */
export type QueryRenderer = (scope: RenderScope, url: string) => Rendered<string>;

/**
 * The query compiled: keys literal, each value a template rendered and encoded as a query
 * value; a value that renders blank leaves its parameter out. A value template that does
 * not compile throws when its parameter is reached, as before.
 *
 * @example
 * compileQuery({ 'filter[name]': '<<group_name>>', limit: '100' })!(scopeOf({ group_name: 'Opt Ins' }, {}, {}), 'https://h/api/groups')
 * // 'https://h/api/groups?filter[name]=Opt%20Ins&limit=100'
 */
export function compileQuery(query: Record<string, string> | undefined): QueryRenderer | undefined {
  if (!query) return undefined;
  const params: Array<{ key: string; render: (scope: RenderScope) => string }> = [];
  for (const key in query) params.push({ key, render: compileOrDefer(() => compileTemplate(query[key]!).renderScope) });
  return (scope, url) => {
    let out = url;
    let separator = '?';
    for (const { key, render } of params) {
      const value = render(scope);
      if (isBlankText(value)) continue;
      const encoded = encode(encodeQueryValue, value);
      if (encoded === undefined) return new InvalidValue(`query.${key}`, `the value of query parameter ${key} is not well-formed text (it holds a lone UTF-16 surrogate)`);
      out += separator + key + '=' + encoded;
      separator = '&';
    }
    return out;
  };
}
