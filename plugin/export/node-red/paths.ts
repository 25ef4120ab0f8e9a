import { str } from './jsonata.js';

/** One step of a plain path: a name, an index, or `[*]` (each item of a list). */
export type PathStep = { name: string } | { index: number } | { each: true };

const STEP = /\.?([A-Za-z_][A-Za-z0-9_]*)|\[(\d+)\]|\[\*\]/y;

/**
 * Splits a plain path (`data.groups[*].id`, `[0].name`, `message`) into its steps, or
 * undefined when the expression needs more than names, `[n]` and `[*]`.
 *
 * @example
 * parsePath('data[0].id') // [{ name: 'data' }, { index: 0 }, { name: 'id' }]
 * parsePath('length(data)') // undefined
 */
export function parsePath(expression: string): PathStep[] | undefined {
  const steps: PathStep[] = [];
  STEP.lastIndex = 0;
  while (STEP.lastIndex < expression.length) {
    const at = STEP.lastIndex;
    const match = STEP.exec(expression);
    if (!match) return undefined;
    const [whole, name, index] = match;
    // A name needs its dot, except as the first step.
    if (name !== undefined && !whole.startsWith('.') && at > 0) return undefined;
    if (name !== undefined && whole.startsWith('.') && at === 0) return undefined;
    steps.push(name !== undefined ? { name } : index !== undefined ? { index: Number(index) } : { each: true });
  }
  return steps.length > 0 ? steps : undefined;
}

/**
 * JSONata reading a plain path over a value the way JMESPath does: a name from an object,
 * an index from a list, null when absent; `[*]` applies the rest of the path to each item
 * of a list and keeps the results that are not null (null when it is no list).
 *
 * @example
 * readPath(parsePath('data.id')!, 'payload') // '$field($field(payload, "data"), "id")'
 */
export function readPath(steps: readonly PathStep[], from: string, depth = 0): string {
  let expr = from;
  for (const [i, step] of steps.entries()) {
    if ('name' in step) expr = `$field(${expr}, ${str(step.name)})`;
    else if ('index' in step) expr = `$index(${expr}, ${step.index})`;
    else {
      const item = `$item${depth}`;
      const rest = readPath(steps.slice(i + 1), item, depth + 1);
      return `($list${depth} := ${expr}; $type($list${depth}) = "array" ? $reduce($list${depth}, function($acc, ${item}){ ($r := ${rest}; $r = null ? $acc : $append($acc, $wrap($r))) }, []) : null)`;
    }
  }
  return expr;
}
