import type { PathStep } from '../../declarations/plain.js';
import { str } from './jsonata.js';

/**
 * JSONata reading a plain path over a value the way JMESPath does: a name from an object,
 * an index from a list, null when absent; `[*]` applies the rest of the path to each item
 * of a list and keeps the results that are not null (null when it is no list).
 *
 * @example
 * readPath(plainPath('data.id')!, 'payload') // '$field($field(payload, "data"), "id")'
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
