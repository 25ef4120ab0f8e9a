import { TemplateSyntaxError } from '../errors.js';
import { renderText } from '../template/compile.js';
import { isBlankText } from '../template/helpers.js';
import { tokenize } from '../template/tokenize.js';
import type { RenderContext } from './context.js';
import { encode, encodeSegment } from './encode.js';
import { InvalidValue, type Rendered } from './invalid.js';

/** Kept here too: the export fields read it from this module. */
export { encodeSegment };

/** One path segment: literal text, or a template rendered into exactly one encoded segment. */
export type UrlSegment = { literal: string } | { template: string };

/** A URL template split once: its literal origin and its path segments. */
export interface ParsedUrl {
  origin: string;
  segments: UrlSegment[];
}

const parsed = new Map<string, ParsedUrl>();

/**
 * Splits a URL template into its literal origin and its path segments, at the `/` of the
 * template text only (a placeholder value can never add a segment). Cached by text; the
 * exports to other engines place segments the same way. Throws TemplateSyntaxError for a
 * URL without a literal origin.
 *
 * @example
 * parseUrl('https://connect.mailerlite.com/api/subscribers/<<customer_email>>')
 * // { origin: 'https://connect.mailerlite.com', segments: [{ literal: 'api' }, { literal: 'subscribers' }, { template: '<<customer_email>>' }] }
 */
export function parseUrl(source: string): ParsedUrl {
  const hit = parsed.get(source);
  if (hit) return hit;
  const match = /^(https?:\/\/[^/<>?#]+)(\/.*)?$/.exec(source);
  if (!match?.[1]) throw new TemplateSyntaxError(`URL must start with a literal https://host, got ${JSON.stringify(source)}`, source);
  const segments: UrlSegment[] = [];
  if (match[2] !== undefined) {
    let text = '';
    let template = '';
    let templated = false;
    const push = (): void => {
      segments.push(templated ? { template } : { literal: text });
      text = template = '';
      templated = false;
    };
    for (const token of tokenize(match[2].slice(1))) {
      if (token.kind === 'tag') {
        template += `<<${token.value}>>`;
        templated = true;
        continue;
      }
      token.value.split('/').forEach((part, index) => {
        if (index > 0) push();
        text += part;
        // Re-escaped so the segment stays a template whose text is literal.
        template += part.replace(/<</g, '\\<<');
      });
    }
    push();
  }
  const url = { origin: match[1], segments };
  parsed.set(source, url);
  return url;
}

/** One templated segment rendered and encoded, or why it cannot be one. */
function segment(source: string, value: string): string | InvalidValue {
  if (value === '' || value === '.' || value === '..') {
    return new InvalidValue('url', `a value in ${source} renders the path segment ${JSON.stringify(value)}, which is not allowed`);
  }
  return encode(encodeSegment, value) ?? new InvalidValue('url', `a value in ${source} is not well-formed text (it holds a lone UTF-16 surrogate)`);
}

/** The query rendered: keys literal, values encoded as query values; a blank value leaves its parameter out. */
function renderQuery(query: Record<string, string>, context: RenderContext): Rendered<string> {
  const params: string[] = [];
  for (const [key, template] of Object.entries(query)) {
    const value = renderText(template, context);
    if (isBlankText(value)) continue;
    const encoded = encode(encodeURIComponent, value);
    if (encoded === undefined) return new InvalidValue(`query.${key}`, `the value of query parameter ${key} is not well-formed text (it holds a lone UTF-16 surrogate)`);
    params.push(`${key}=${encoded}`);
  }
  return params.length === 0 ? '' : '?' + params.join('&');
}

/**
 * Renders a URL template: each templated path segment becomes exactly one encoded
 * segment, the origin stays literal (or is replaced by `baseUrl`, the harness's target),
 * and query values are encoded as query values. Blank query values are left out.
 * A URL without a literal origin is a broken template: TemplateSyntaxError.
 *
 * @example
 * renderUrl('https://connect.mailerlite.com/api/subscribers/<<customer_email>>', undefined, ctx)
 * // 'https://connect.mailerlite.com/api/subscribers/priya@example.com'
 */
export function renderUrl(source: string, query: Record<string, string> | undefined, context: RenderContext, baseUrl?: string): Rendered<string> {
  const { origin, segments } = parseUrl(source);
  let url = baseUrl ? baseUrl.replace(/\/+$/, '') : origin;
  for (const part of segments) {
    if ('literal' in part) {
      url += '/' + part.literal;
      continue;
    }
    const encoded = segment(source, renderText(part.template, context));
    if (encoded instanceof InvalidValue) return encoded;
    url += '/' + encoded;
  }
  if (!query) return url;
  const search = renderQuery(query, context);
  return search instanceof InvalidValue ? search : url + search;
}
