import { isDateTime } from '../dates.js';
import type { SeedProblem } from './types.js';

/** Append a key or index to a JSON Pointer, escaping `~` and `/` (RFC 6901). */
export function pointer(base: string, key: string | number): string {
  return `${base}/${String(key).replace(/~/g, '~0').replace(/\//g, '~1')}`;
}

/** A short description of a received value for error messages. */
export function describe(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'an object';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

/**
 * Collects seed problems. Each check reports "expected X, e.g. Y; got Z" at a JSON
 * Pointer and returns whether the value passed, so callers can keep checking the rest
 * and report every problem at once.
 */
export class Checker {
  readonly problems: SeedProblem[] = [];

  fail(at: string, message: string): false {
    this.problems.push({ pointer: at, message });
    return false;
  }

  private expected(at: string, what: string, example: string, got: unknown): false {
    return this.fail(at, `expected ${what}, e.g. ${example}; got ${describe(got)}`);
  }

  /** A JSON object whose keys are all in `allowed`. */
  object(value: unknown, at: string, allowed: readonly string[], example: string): value is Record<string, unknown> {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      return this.expected(at, 'an object', example, value);
    }
    for (const key of Object.keys(value)) {
      if (!allowed.includes(key)) this.fail(pointer(at, key), `unknown key "${key}"; allowed keys: ${allowed.join(', ')}`);
    }
    return true;
  }

  array(value: unknown, at: string, example: string): value is unknown[] {
    return Array.isArray(value) || this.expected(at, 'an array', example, value);
  }

  string(value: unknown, at: string, example: string, max = 255): value is string {
    if (typeof value !== 'string' || value.trim() === '') return this.expected(at, 'a non-empty string', example, value);
    return value.length <= max || this.fail(at, `expected at most ${max} characters; got ${value.length}`);
  }

  /** A string of digits (new-API ids). */
  digits(value: unknown, at: string, example: string): value is string {
    return (typeof value === 'string' && /^[1-9]\d{0,19}$/.test(value)) || this.expected(at, 'an id as a string of digits', example, value);
  }

  /** A positive safe integer (classic ids). */
  positiveInt(value: unknown, at: string, example: string): value is number {
    return (Number.isSafeInteger(value) && (value as number) > 0) || this.expected(at, 'a positive integer id', example, value);
  }

  count(value: unknown, at: string): value is number {
    return (Number.isSafeInteger(value) && (value as number) >= 0) || this.expected(at, 'a whole number >= 0', '3', value);
  }

  fraction(value: unknown, at: string): value is number {
    return (typeof value === 'number' && value >= 0 && value <= 1) || this.expected(at, 'a number from 0 to 1', '0.25', value);
  }

  percent(value: unknown, at: string): value is number {
    return (typeof value === 'number' && value >= 0 && value <= 100) || this.expected(at, 'a percentage from 0 to 100', '50', value);
  }

  boolean(value: unknown, at: string): value is boolean {
    return typeof value === 'boolean' || this.expected(at, 'true or false', 'false', value);
  }

  oneOf<T extends string>(value: unknown, at: string, values: readonly T[]): value is T {
    if (typeof value === 'string' && (values as readonly string[]).includes(value)) return true;
    return this.fail(at, `expected one of ${values.map((v) => JSON.stringify(v)).join(', ')}; got ${describe(value)}`);
  }

  dateTime(value: unknown, at: string, nullable = false): value is string {
    if (nullable && value === null) return true;
    return isDateTime(value) || this.expected(at, `a date-time "YYYY-MM-DD HH:mm:ss"${nullable ? ' or null' : ''}`, '"2024-08-13 09:49:51"', value);
  }

  textOrNull(value: unknown, at: string, example: string): value is string | null {
    return value === null || typeof value === 'string' || this.expected(at, 'a string or null', example, value);
  }

  /** A field value: string, number or null. */
  fieldValue(value: unknown, at: string): boolean {
    const ok = value === null || typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value));
    return ok || this.expected(at, 'a string, number or null', '"Priya Sharma"', value);
  }

  /** Report the second and later occurrences of the same key. */
  unique(seen: Map<string, string>, key: string, at: string, what: string): void {
    const first = seen.get(key);
    if (first === undefined) seen.set(key, at);
    else this.fail(at, `duplicate ${what} ${JSON.stringify(key)} (already used at ${first})`);
  }
}

/** Run `check` on each present key of `obj` listed in `checks`. */
export function optional(obj: Record<string, unknown>, at: string, checks: Record<string, (value: unknown, at: string) => unknown>): void {
  for (const [key, check] of Object.entries(checks)) {
    if (obj[key] !== undefined) check(obj[key], pointer(at, key));
  }
}
