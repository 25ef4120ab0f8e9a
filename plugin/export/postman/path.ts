import type { PathStep } from './spec.js';

const STEP = /^(?:\.?([A-Za-z_][A-Za-z0-9_]*)|\[(\d+|\*)\])/;

/**
 * Parses a plain output path (names, `[n]` indexes and `[*]` for each item of a list, as
 * the builder profile allows) into steps; undefined for anything more (JMESPath functions,
 * filters, `||`, ...).
 *
 * @example
 * plainPathSteps('data.groups[*].id') // ['data', 'groups', '*', 'id']
 * plainPathSteps('[0].name')          // [0, 'name']
 * plainPathSteps('length(data)')      // undefined
 */
export function plainPathSteps(expression: string): PathStep[] | undefined {
  const steps: PathStep[] = [];
  let rest = expression;
  while (rest.length > 0) {
    const match = STEP.exec(rest);
    // A name follows a dot except at the start; an index or [*] never needs one.
    if (!match || (match[0].startsWith('.') && steps.length === 0) || (match[1] !== undefined && steps.length > 0 && !match[0].startsWith('.'))) return undefined;
    if (match[1] !== undefined) steps.push(match[1]);
    else steps.push(match[2] === '*' ? '*' : Number(match[2]));
    rest = rest.slice(match[0].length);
  }
  return steps.length > 0 ? steps : undefined;
}
