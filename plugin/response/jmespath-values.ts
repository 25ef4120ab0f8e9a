import type { JsonValue } from '../json.js';

/**
 * True when `key` is the object's own property (never one inherited from its prototype).
 *
 * @example
 * hasOwn({}, 'constructor') // false
 */
export const hasOwn = (value: object, key: string): boolean => Object.prototype.hasOwnProperty.call(value, key);

/**
 * JMESPath falsiness: null, false, '', [] and {}.
 *
 * @example
 * isFalse([]) // true; isFalse(0) // false
 */
export function isFalse(value: unknown): boolean {
  if (value === null || value === undefined || value === false || value === '') return true;
  if (typeof value === 'object') return Array.isArray(value) ? value.length === 0 : Object.keys(value).length === 0;
  return false;
}

/**
 * JMESPath equality: same type and, for lists and objects, equal items and keys.
 *
 * @example
 * deepEqual({ a: [1] }, { a: [1] }) // true
 */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, i) => deepEqual(item, b[i]));
  }
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const keys = Object.keys(x);
  return keys.length === Object.keys(y).length && keys.every((key) => hasOwn(y, key) && deepEqual(x[key], y[key]));
}

/**
 * One level of flattening, as `Array.prototype.flat()` does, without its cost.
 *
 * @example
 * flatten([[1], 2, [[3]]]) // [1, 2, [3]]
 */
export function flatten(items: JsonValue[]): JsonValue[] {
  const out: JsonValue[] = [];
  for (const item of items) {
    if (Array.isArray(item)) for (const inner of item) out.push(inner);
    else out.push(item);
  }
  return out;
}

