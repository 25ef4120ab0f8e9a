import { HELPER_NAMES } from '../../template/helpers.js';
import { tokenize } from '../../template/tokenize.js';
import type { Parts } from './spec.js';

/** A plain placeholder: one variable path (`customer_email`, `settings.group_id`). */
const PLAIN_TAG = /^\s*([a-z_][a-z0-9_]*(?:\.[a-z_][a-z0-9_]*)*)\s*$/i;

/** Words Handlebars reads as keywords or the context, never as a variable. */
const KEYWORDS = new Set(['this', 'true', 'false', 'null', 'undefined', 'else']);

/** A template as parts, or why it is outside the builder profile. */
export type PartsOrWhy = { ok: true; parts: Parts } | { ok: false; why: string };

/**
 * Splits a `<<placeholder>>` template into literal text and plain variable paths, as the
 * collection's script renders it; a helper, a block or a keyword is outside the profile.
 *
 * @example
 * templateParts('Hi <<customer_first_name>>!') // { ok: true, parts: ['Hi ', ['customer_first_name'], '!'] }
 * templateParts('<<first_name customer_name>>') // { ok: false, why: '<<first_name customer_name>> is a helper or a block, not a plain placeholder' }
 */
export function templateParts(source: string): PartsOrWhy {
  let tokens;
  try {
    tokens = tokenize(source);
  } catch (error) {
    return { ok: false, why: error instanceof Error ? error.message : String(error) };
  }
  const parts: Parts = [];
  const outside: string[] = [];
  for (const token of tokens) {
    if (token.kind === 'text') {
      parts.push(token.value);
      continue;
    }
    const path = PLAIN_TAG.exec(token.value)?.[1];
    const head = path?.split('.')[0] ?? '';
    if (path === undefined || KEYWORDS.has(head) || (!path.includes('.') && HELPER_NAMES.has(path))) outside.push(`<<${token.value}>>`);
    else parts.push(path.split('.'));
  }
  if (outside.length === 1) return { ok: false, why: `${outside[0]} is a helper or a block, not a plain placeholder` };
  if (outside.length > 1) return { ok: false, why: `${outside.join(', ')} are helpers or blocks, not plain placeholders` };
  return { ok: true, parts };
}

/** The variable paths a template's parts read. */
export function partPaths(parts: Parts): string[][] {
  return parts.filter((part): part is string[] => Array.isArray(part));
}

/** True when the parts are literal text only. */
export function isLiteral(parts: Parts): boolean {
  return partPaths(parts).length === 0;
}
