import { TreeInterpreter, type JSONValue } from '@jmespath-community/jmespath';
import type { JsonValue } from '../json.js';
import { isFalse } from './jmespath-values.js';

/** Variables in scope: `$name` looks here first, then outward (as the interpreter's scope chain). */
export interface Scope {
  vars: Record<string, JsonValue>;
  outer?: Scope;
}

/** A JMESPath expression turned into a function of the current value and scope. */
export type Evaluator = (value: JsonValue, scope: Scope) => JsonValue;

/** Called inline (not through a helper) in each closure: much faster where a closure sees many shapes. */
const hop = Object.prototype.hasOwnProperty;

/**
 * `$name`: the innermost binding of the name; an unbound name is a runtime error.
 *
 * @example
 * variable('settings')(null, { vars: { settings: { group_id: '1' } } }) // { group_id: '1' }
 */
export function variable(name: string): Evaluator {
  return (_, scope) => {
    let found: JsonValue = null;
    for (let s: Scope | undefined = scope; s; s = s.outer) {
      if (hop.call(s.vars, name)) {
        found = s.vars[name]!;
        break;
      }
    }
    if (!found && !hop.call(scope.vars, name)) throw new Error(`Error referencing undefined variable ${name}`);
    return found;
  };
}

/**
 * A function call: `contains` runs inline, any other through the library's function table.
 *
 * @example
 * call('length', [() => 'abc'])(null, { vars: {} }) // 3
 */
export function call(name: string, args: Evaluator[]): Evaluator {
  if (name === 'contains' && args.length === 2) {
    const [subject, search] = args as [Evaluator, Evaluator];
    return (value, scope) => {
      const within = subject(value, scope);
      const sought = search(value, scope);
      if (Array.isArray(within)) return within.includes(sought);
      if (typeof within === 'string') return typeof sought === 'string' ? within.includes(sought) : null;
      throw new Error('invalid-type: contains() expects a string or an array');
    };
  }
  const runtime = TreeInterpreter.runtime;
  return (value, scope) => runtime.callFunction(name, args.map((arg) => arg(value, scope)) as JSONValue[]) as JsonValue;
}

/**
 * `left[*].right`: `right` over each item of a list, nulls left out; null when not a list.
 * The result is sized for the items and cut to what was collected, never regrown.
 *
 * @example
 * project((v) => v, (item) => item)([1, null, 2], { vars: {} }) // [1, 2]
 */
export function project(left: Evaluator, right: Evaluator): Evaluator {
  return (value, scope) => {
    const base = left(value, scope);
    if (!Array.isArray(base)) return null;
    const collected = new Array<JsonValue>(base.length);
    let count = 0;
    for (let i = 0; i < base.length; i++) {
      const current = right(base[i]!, scope);
      if (current !== null) collected[count++] = current;
    }
    if (count !== collected.length) collected.length = count;
    return collected;
  };
}

/**
 * `left[?condition].right`: the projection of the items whose condition holds.
 *
 * @example
 * filterProject((v) => v, (item) => item === 2, (item) => item)([1, 2], { vars: {} }) // [2]
 */
export function filterProject(left: Evaluator, condition: Evaluator, right: Evaluator): Evaluator {
  return (value, scope) => {
    const base = left(value, scope);
    if (!Array.isArray(base)) return null;
    const collected = new Array<JsonValue>(base.length);
    let count = 0;
    for (let i = 0; i < base.length; i++) {
      const item = base[i]!;
      if (isFalse(condition(item, scope))) continue;
      const current = right(item, scope);
      if (current !== null) collected[count++] = current;
    }
    if (count !== collected.length) collected.length = count;
    return collected;
  };
}

/**
 * `child[].right`: a projection over the child flattened one level, fused so the flattened
 * list is never built (same items in the same order, nulls left out). `identity`: the right
 * side is `@`.
 *
 * @example
 * projectFlattened((v) => v, (item) => item, true)([[1], 2], { vars: {} }) // [1, 2]
 */
export function projectFlattened(child: Evaluator, right: Evaluator, identity: boolean): Evaluator {
  return (value, scope) => {
    const base = child(value, scope);
    if (!Array.isArray(base)) return null;
    // Sized for the common case (no nested list) and cut to what was collected.
    const collected = new Array<JsonValue>(base.length);
    let count = 0;
    for (let i = 0; i < base.length; i++) {
      const item = base[i]!;
      if (Array.isArray(item)) {
        for (const inner of item) {
          const current = identity ? inner : right(inner, scope);
          if (current !== null) collected[count++] = current;
        }
      } else {
        const current = identity ? item : right(item, scope);
        if (current !== null) collected[count++] = current;
      }
    }
    if (count !== collected.length) collected.length = count;
    return collected;
  };
}
