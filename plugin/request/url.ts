import { TemplateSyntaxError } from '../errors.js';
import { compileTemplate } from '../template/compile.js';
import { compileOrDefer } from '../template/defer.js';
import { scopeOfContext, type RenderScope } from '../template/scope.js';
import { tokenize } from '../template/tokenize.js';
import type { RenderContext } from './context.js';
import { encode, encodeSegment } from './encode.js';
import { InvalidValue, type Rendered } from './invalid.js';
import { compileQuery } from './query.js';

/** Kept here too: the export fields read it from this module. */
export { encodeSegment };

/** A URL template compiled once: renders over a step's scope, with the harness's base URL replacing the origin. */
export type UrlRenderer = (scope: RenderScope, baseUrl?: string) => Rendered<string>;

/** A templated path segment, and the literal path text that follows it (up to the next templated one). */
interface Piece {
  /** The segment's template text. */
  source: string;
  render: (scope: RenderScope) => string;
  after: string;
}

export interface CompiledPath {
  origin: string;
  /** The literal path before the first templated segment (`/api/subscribers/`). */
  head: string;
  pieces: Piece[];
}

/** Re-escapes literal text so it can stand in a template again. */
const escapeText = (text: string): string => text.replace(/<</g, '\\<<');

/**
 * Splits a URL template into its literal origin and its path segments, at the `/` of
 * the template text only (a placeholder value can never add a segment), and pre-joins
 * the literal segments: only the templated ones are rendered per step.
 */
export function compilePath(source: string): CompiledPath {
  const match = /^(https?:\/\/[^/<>?#]+)(\/.*)?$/.exec(source);
  if (!match?.[1]) {
    throw new TemplateSyntaxError(`URL must start with a literal https://host, got ${JSON.stringify(source)}`, source);
  }
  const segments: Array<{ text: string; templated: boolean }> = [];
  let current = '';
  let templated = false;
  const push = (): void => {
    segments.push({ text: current, templated });
    current = '';
    templated = false;
  };
  for (const token of tokenize((match[2] ?? '').slice(1))) {
    if (token.kind === 'tag') {
      current += `<<${token.value}>>`;
      templated = true;
      continue;
    }
    token.value.split('/').forEach((part, index) => {
      if (index > 0) push();
      current += escapeText(part);
    });
  }
  if (match[2]) push();
  const path: CompiledPath = { origin: match[1], head: '', pieces: [] };
  for (const { text, templated: isTemplate } of segments) {
    const last = path.pieces[path.pieces.length - 1];
    // A literal segment is copied as written; a templated one is rendered and encoded.
    const literal = isTemplate ? '/' : '/' + text;
    if (last) last.after += literal;
    else path.head += literal;
    if (isTemplate) path.pieces.push({ source: text, render: compileTemplate(text).renderScope, after: '' });
  }
  return path;
}

/** One segment rendered and encoded, or why it cannot be one. */
export function segment(source: string, value: string): string | InvalidValue {
  if (value === '' || value === '.' || value === '..') {
    return new InvalidValue('url', `a value in ${source} renders the path segment ${JSON.stringify(value)}, which is not allowed`);
  }
  const encoded = encode(encodeSegment, value);
  return encoded ?? new InvalidValue('url', `a value in ${source} is not well-formed text (it holds a lone UTF-16 surrogate)`);
}

/** The literal start of the URL for a base URL (its trailing `/` dropped), remembered for the last base URL seen. */
export function prefixer(path: CompiledPath): (baseUrl: string | undefined) => string {
  const own = path.origin + path.head;
  let lastBase = '';
  let lastPrefix = '';
  return (baseUrl) => {
    if (!baseUrl) return own;
    if (baseUrl !== lastBase) {
      lastPrefix = baseUrl.replace(/\/+$/, '') + path.head;
      lastBase = baseUrl;
    }
    return lastPrefix;
  };
}

/**
 * Compiles a URL template and its query once: the literal origin and segments are
 * pre-joined into one prefix; each templated segment is a renderer and an encoder.
 * A URL without a literal origin is a broken template: the renderer throws
 * TemplateSyntaxError when run.
 *
 * @example
 * compileUrl('https://connect.mailerlite.com/api/subscribers/<<customer_email>>')(scopeOf({ customer_email: 'priya@example.com' }, {}, {}))
 * // 'https://connect.mailerlite.com/api/subscribers/priya@example.com'
 */
export function compileUrl(source: string, query?: Record<string, string>): UrlRenderer {
  return compileOrDefer((): UrlRenderer => {
    const path = compilePath(source);
    const prefix = prefixer(path);
    const withQuery = compileQuery(query);
    const { pieces } = path;
    if (pieces.length === 1) {
      const [{ render, after }] = pieces as [Piece];
      return (scope, baseUrl) => {
        const encoded = segment(source, render(scope));
        if (typeof encoded !== 'string') return encoded;
        const url = prefix(baseUrl) + encoded + after;
        return withQuery ? withQuery(scope, url) : url;
      };
    }
    return (scope, baseUrl) => {
      let url = prefix(baseUrl);
      for (const { render, after } of pieces) {
        const encoded = segment(source, render(scope));
        if (typeof encoded !== 'string') return encoded;
        url += encoded + after;
      }
      return withQuery ? withQuery(scope, url) : url;
    };
  });
}

const NO_QUERY = {};
const renderers = new Map<string, WeakMap<object, UrlRenderer>>();

/**
 * Renders a URL template: each templated path segment becomes exactly one encoded
 * segment, the origin stays literal (or is replaced by `baseUrl`, the harness's target),
 * and query values are encoded as query values. Blank query values are left out.
 * Compiled once per URL text and query object (`compileUrl`).
 *
 * @example
 * renderUrl('https://connect.mailerlite.com/api/subscribers/<<customer_email>>', undefined, ctx)
 * // 'https://connect.mailerlite.com/api/subscribers/priya@example.com'
 */
export function renderUrl(
  source: string,
  query: Record<string, string> | undefined,
  context: RenderContext,
  baseUrl?: string,
): Rendered<string> {
  let byQuery = renderers.get(source);
  if (!byQuery) renderers.set(source, (byQuery = new WeakMap()));
  let render = byQuery.get(query ?? NO_QUERY);
  if (!render) byQuery.set(query ?? NO_QUERY, (render = compileUrl(source, query)));
  return render(scopeOfContext(context), baseUrl);
}
