import { TemplateSyntaxError } from '../errors.js';

/** A piece of a `<<placeholder>>` template: literal text, or the inside of one `<<...>>` tag. */
export type Token = { kind: 'text'; value: string } | { kind: 'tag'; value: string };

/**
 * Splits a template into literal text and `<<...>>` tags, scanning left to right.
 * `\<<` is a literal `<<`; `{{` and `}}` are ordinary text. A tag ends at the first `>>`.
 *
 * @example
 * tokenize('Hi <<first_name customer_name>>!')
 * // [{kind:'text',value:'Hi '},{kind:'tag',value:'first_name customer_name'},{kind:'text',value:'!'}]
 */
export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let text = '';
  let i = 0;
  while (i < source.length) {
    if (source.startsWith('\\<<', i)) {
      text += '<<';
      i += 3;
      continue;
    }
    if (!source.startsWith('<<', i)) {
      text += source[i];
      i += 1;
      continue;
    }
    const close = source.indexOf('>>', i + 2);
    if (close < 0) {
      throw new TemplateSyntaxError(`unclosed "<<" at character ${i + 1}: add ">>", or write "\\<<" for a literal "<<"`, source);
    }
    const body = source.slice(i + 2, close);
    if (body.trim() === '') throw new TemplateSyntaxError(`empty placeholder "<<>>" at character ${i + 1}`, source);
    if (body.includes('{{') || body.includes('}}') || body.includes('<<')) {
      throw new TemplateSyntaxError(`placeholder "<<${body}>>" may not contain "{{", "}}" or "<<"`, source);
    }
    if (text) tokens.push({ kind: 'text', value: text });
    text = '';
    tokens.push({ kind: 'tag', value: body });
    i = close + 2;
  }
  if (text) tokens.push({ kind: 'text', value: text });
  return tokens;
}

const parsed = new Map<string, Token[]>();

/** The tokens of a template, split once per text (the same text is parsed once). */
function tokensOf(source: string): readonly Token[] {
  let tokens = parsed.get(source);
  if (!tokens) parsed.set(source, (tokens = tokenize(source)));
  return tokens;
}

/** True when the template has at least one `<<...>>` tag. */
export function hasPlaceholders(source: string): boolean {
  return tokensOf(source).some((t) => t.kind === 'tag');
}

const KEYWORDS = new Set(['this', 'true', 'false', 'null', 'undefined', 'else']);

const SIMPLE_PATH = /^\s*([a-z_][a-z0-9_]*(?:\.[a-z_][a-z0-9_]*)*)\s*$/i;

/**
 * The variable path when the whole template is exactly one plain `<<path>>` (no helper,
 * no text around it), else undefined. Such a JSON body leaf keeps the variable's JSON type.
 */
export function soleVariable(source: string): string | undefined {
  const tokens = tokensOf(source);
  const only = tokens[0];
  if (tokens.length !== 1 || only?.kind !== 'tag') return undefined;
  const path = SIMPLE_PATH.exec(only.value)?.[1];
  // Handlebars reads these as keywords or the context itself, not as variables.
  return path === undefined || KEYWORDS.has(path.split('.')[0]!) ? undefined : path;
}
