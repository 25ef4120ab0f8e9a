import type { VariableDeclaration } from '../generated/step-template.js';
import type { JsonValue } from '../json.js';
import { compileFormat, FormatFailure } from './formats.js';

/**
 * Why a value is invalid (what a compiled coercion returns instead of the value).
 *
 * @example
 * compileCoerce({ type: 'number', description: 'n' })('abc') instanceof Invalid // true
 */
export class Invalid {
  constructor(readonly message: string) {}
}

/** One value coerced to its declared type and format, or why it is invalid. */
export type Coerce = (raw: JsonValue) => JsonValue | Invalid;

/**
 * A pattern's expression, or undefined when it is not a valid one (it then throws where it
 * is used, as before).
 *
 * @example
 * patternOf('^[a-z]+$')?.test('abc') // true; patternOf('(') // undefined
 */
export function patternOf(pattern: string | undefined): RegExp | undefined {
  try {
    return pattern ? new RegExp(pattern, 'u') : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Coerces one value to its declared type and format, compiled once per declaration: text
 * given for a number, boolean, list or object is read as JSON; a number or boolean given
 * for text becomes text; the format check may normalise (emails lower-cased).
 *
 * @example
 * compileCoerce({ type: 'integer', description: 'n' })('42') // 42
 */
export function compileCoerce(decl: VariableDeclaration): Coerce {
  const { type, pattern } = decl;
  const format = compileFormat(decl.format);
  let regex = patternOf(pattern);
  const allowed = decl.enum?.map((value) => JSON.stringify(value));
  const text = (value: string): string | Invalid => {
    const formatted = format(value);
    if (formatted instanceof FormatFailure) return new Invalid(formatted.message);
    // A pattern that is not a valid expression throws here, where it always did.
    if (pattern && !(regex ??= new RegExp(pattern, 'u')).test(formatted)) return new Invalid(`does not match ${pattern}`);
    return formatted;
  };
  const oneOf = (value: JsonValue): JsonValue | Invalid =>
    allowed && !allowed.includes(JSON.stringify(value)) ? new Invalid(`expected one of ${decl.enum!.map((v) => JSON.stringify(v)).join(', ')}`) : value;
  if (type === 'string') {
    return (raw) => {
      const value = typeof raw === 'number' || typeof raw === 'boolean' ? String(raw) : raw;
      if (typeof value !== 'string') return new Invalid(`expected string, got ${JSON.stringify(value)}`);
      const checked = text(value);
      return checked instanceof Invalid || !allowed ? checked : oneOf(checked);
    };
  }
  return (raw) => {
    let value: JsonValue = raw;
    // Text given for a number, boolean, list or object is read as JSON.
    if (typeof raw === 'string') {
      try {
        value = JSON.parse(raw) as JsonValue;
      } catch {
        return new Invalid(`expected ${type}, got text ${JSON.stringify(raw)}`);
      }
    }
    if (!hasType(type, value)) return new Invalid(`expected ${type}, got ${JSON.stringify(value)}`);
    return oneOf(value);
  };
}

function hasType(type: VariableDeclaration['type'], value: JsonValue): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'integer':
      return Number.isInteger(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'array':
      return Array.isArray(value);
    case 'object':
      return typeof value === 'object' && value !== null && !Array.isArray(value);
  }
}
