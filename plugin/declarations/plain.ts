import { HELPER_NAMES } from '../template/helpers.js';

/**
 * What the builder profile (decision 006) calls plain, parsed once for `validate` and
 * every export: plain output paths and plain `<<variable>>` placeholders.
 */

/** One step of a plain path: a name, an index, or `[*]` (each item of a list). */
export type PathStep = { name: string } | { index: number } | { each: true };

const STEP = /\.?([A-Za-z_][A-Za-z0-9_]*)|\[(\d+)\]|\[\*\]/y;

/**
 * Splits a plain path (`data.groups[*].id`, `data[0].id`, `[0].name`, `message`) into its
 * steps, or undefined when the expression needs more than names, `[n]` and `[*]`
 * (JMESPath functions, filters, `||`, flatten projections, ...).
 *
 * @example
 * plainPath('data[0].id')   // [{ name: 'data' }, { index: 0 }, { name: 'id' }]
 * plainPath('length(data)') // undefined
 */
export function plainPath(expression: string): PathStep[] | undefined {
  const steps: PathStep[] = [];
  STEP.lastIndex = 0;
  while (STEP.lastIndex < expression.length) {
    const at = STEP.lastIndex;
    const match = STEP.exec(expression);
    if (!match) return undefined;
    const [whole, name, index] = match;
    // A name needs its dot, except as the first step; an index or [*] never has one.
    if (name !== undefined && whole.startsWith('.') !== (at > 0)) return undefined;
    steps.push(name !== undefined ? { name } : index !== undefined ? { index: Number(index) } : { each: true });
  }
  return steps.length > 0 ? steps : undefined;
}

/** One variable path: variable names (decision 006: lower case), dot-separated. */
const VARIABLE_PATH = /^\s*([a-z_][a-z0-9_]*(?:\.[a-z_][a-z0-9_]*)*)\s*$/;
/** Words Handlebars reads as literals or the context, not as variables. */
const KEYWORDS = new Set(['this', 'true', 'false', 'null', 'undefined', 'else']);

/**
 * The variable path a `<<tag>>` reads when it is a plain placeholder (one variable path,
 * `settings.<name>` and `secrets.<name>` included; no helper, no block, no keyword),
 * as its segments; else undefined. `tag` is the text between `<<` and `>>`.
 *
 * @example
 * plainVariable(' settings.group_id ')         // ['settings', 'group_id']
 * plainVariable('first_name customer_name')    // undefined (a helper)
 * plainVariable('#if customer_name')           // undefined (a block)
 */
export function plainVariable(tag: string): string[] | undefined {
  const path = VARIABLE_PATH.exec(tag)?.[1];
  if (path === undefined) return undefined;
  const segments = path.split('.');
  const head = segments[0] ?? '';
  // A bare helper name calls the helper (Handlebars), it reads no variable.
  if (KEYWORDS.has(head) || (segments.length === 1 && HELPER_NAMES.has(head))) return undefined;
  return segments;
}
