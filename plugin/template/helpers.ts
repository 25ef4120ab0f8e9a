import type { HelperOptions } from 'handlebars';

/** Turns a helper argument into text the way Handlebars prints a value. */
function text(value: unknown): string {
  if (value === undefined || value === null) return '';
  return String(value);
}

/**
 * True for text that is empty or white space only.
 *
 * @example
 * isBlankText(' \n') // true; isBlankText(' Priya') // false
 */
export function isBlankText(text: string): boolean {
  return text.trim() === '';
}

/**
 * True for a value that counts as not given: missing, null, empty or blank text, or an empty list.
 *
 * @example
 * isBlank('  ') // true; isBlank(0) // false; isBlank([]) // true
 */
export function isBlank(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return isBlankText(value);
  if (Array.isArray(value)) return value.length === 0;
  return false;
}

/**
 * The helpers every `<<placeholder>>` template can call, besides Handlebars' own
 * `if`, `unless`, `each`, `with` and `lookup`.
 *
 * @example
 * <<first_name customer_name>>   Priya Sharma -> Priya
 * <<default customer_name "there">>
 */
export const HELPERS: Record<string, (...args: unknown[]) => unknown> = {
  /** First word of a name: `Priya Sharma` → `Priya`. */
  first_name: (name: unknown) => text(name).trim().split(/\s+/u)[0] ?? '',
  /** Lower-cased text. */
  lower: (value: unknown) => text(value).toLowerCase(),
  /** Upper-cased text. */
  upper: (value: unknown) => text(value).toUpperCase(),
  /** Text without leading and trailing white space. */
  trim: (value: unknown) => text(value).trim(),
  /** The value, or the fallback when the value is blank. */
  default: (value: unknown, fallback: unknown) => (isBlank(value) ? text(fallback) : text(value)),
};

/** Names of all helpers, our own and Handlebars' built-in ones. */
export const HELPER_NAMES: ReadonlySet<string> = new Set([
  ...Object.keys(HELPERS),
  'if',
  'unless',
  'each',
  'with',
  'lookup',
  'log',
]);

/** The helper that prints a literal text piece of a template (internal). */
export function literalHelper(index: unknown, options: HelperOptions): string {
  const texts = (options.data as { texts?: string[] } | undefined)?.texts;
  return texts?.[Number(index)] ?? '';
}
