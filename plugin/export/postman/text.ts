import { plainVariable } from '../../declarations/plain.js';
import { tokenize } from '../../template/tokenize.js';
import type { Parts } from './spec.js';

/**
 * Splits a `<<placeholder>>` template into literal text and plain variable paths, as the
 * collection's script renders it; undefined when the text does not parse or holds a
 * helper, a block or a keyword (outside the builder profile: the export's profile check,
 * `plugin/declarations/profile.ts`, names each).
 *
 * @example
 * templateParts('Hi <<customer_first_name>>!')  // ['Hi ', ['customer_first_name'], '!']
 * templateParts('<<first_name customer_name>>') // undefined
 */
export function templateParts(source: string): Parts | undefined {
  let tokens;
  try {
    tokens = tokenize(source);
  } catch {
    return undefined;
  }
  const parts: Parts = [];
  for (const token of tokens) {
    const part = token.kind === 'text' ? token.value : plainVariable(token.value);
    if (part === undefined) return undefined;
    parts.push(part);
  }
  return parts;
}

/** The variable paths a template's parts read. */
export function partPaths(parts: Parts): string[][] {
  return parts.filter((part): part is string[] => Array.isArray(part));
}

/** True when the parts are literal text only. */
export function isLiteral(parts: Parts): boolean {
  return partPaths(parts).length === 0;
}
