import { TemplateSyntaxError } from '../errors.js';
import { compileTemplate, type CompiledTemplate } from '../template/compile.js';
import { tokenize } from '../template/tokenize.js';
import type { RenderContext } from './context.js';
import { InvalidValue, type Rendered } from './invalid.js';

interface Segment {
  /** A literal segment is copied as written; a templated one is rendered and encoded. */
  literal: string | undefined;
  template: CompiledTemplate | undefined;
}

interface ParsedUrl {
  origin: string;
  segments: Segment[];
}

const cache = new Map<string, ParsedUrl>();

/** Re-escapes literal text so it can stand in a template again. */
const escapeText = (text: string): string => text.replace(/<</g, '\\<<');

/**
 * Splits a URL template into its literal origin and its path segments, at the `/` of
 * the template text only: a placeholder value can never add a segment.
 */
function parse(source: string): ParsedUrl {
  const hit = cache.get(source);
  if (hit) return hit;
  const match = /^(https?:\/\/[^/<>?#]+)(\/.*)?$/.exec(source);
  if (!match?.[1]) {
    throw new TemplateSyntaxError(`URL must start with a literal https://host, got ${JSON.stringify(source)}`, source);
  }
  const segments: Segment[] = [];
  let current = '';
  let templated = false;
  const flush = (): void => {
    segments.push(templated ? { literal: undefined, template: compileTemplate(current) } : { literal: current, template: undefined });
    current = '';
    templated = false;
  };
  for (const token of tokenize((match[2] ?? '').slice(1))) {
    if (token.kind === 'tag') {
      current += `<<${token.value}>>`;
      templated = true;
      continue;
    }
    const parts = token.value.split('/');
    parts.forEach((part, index) => {
      if (index > 0) flush();
      current += escapeText(part);
    });
  }
  if (match[2]) flush();
  const parsed = { origin: match[1], segments };
  cache.set(source, parsed);
  return parsed;
}

/** Runs an encoder; undefined when the text holds a lone surrogate (URIError), which no URL can carry. */
function encode(encoder: (text: string) => string, value: string): string | undefined {
  try {
    return encoder(value);
  } catch (error) {
    if (error instanceof URIError) return undefined;
    throw error;
  }
}

/** Encodes a value as one path segment; `@` stays readable, as in MailerLite's own examples. */
export function encodeSegment(value: string): string {
  const encoded = encodeURIComponent(value);
  return encoded.includes('%40') ? encoded.replaceAll('%40', '@') : encoded;
}

/**
 * Renders a URL template: each templated path segment becomes exactly one encoded
 * segment, the origin stays literal (or is replaced by `baseUrl`, the harness's target),
 * and query values are encoded as query values. Blank query values are left out.
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
  const parsed = parse(source);
  let url = baseUrl ? baseUrl.replace(/\/+$/, '') : parsed.origin;
  for (const segment of parsed.segments) {
    if (segment.template === undefined) {
      url += '/' + (segment.literal ?? '');
      continue;
    }
    const value = segment.template.render(context);
    if (value === '' || value === '.' || value === '..') {
      return new InvalidValue('url', `a value in ${source} renders the path segment ${JSON.stringify(value)}, which is not allowed`);
    }
    const encoded = encode(encodeSegment, value);
    if (encoded === undefined) return new InvalidValue('url', `a value in ${source} is not well-formed text (it holds a lone UTF-16 surrogate)`);
    url += '/' + encoded;
  }
  if (!query) return url;
  const pairs: string[] = [];
  for (const key in query) {
    const value = compileTemplate(query[key]!).render(context);
    if (value.trim() === '') continue;
    const encoded = encode(encodeURIComponent, value);
    if (encoded === undefined) return new InvalidValue(`query.${key}`, `the value of query parameter ${key} is not well-formed text (it holds a lone UTF-16 surrogate)`);
    pairs.push(`${key}=${encoded}`);
  }
  return pairs.length > 0 ? `${url}?${pairs.join('&')}` : url;
}
