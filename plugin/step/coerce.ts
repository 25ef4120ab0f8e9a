import type { VariableDeclaration } from '../generated/step-template.js';
import type { JsonValue } from '../json.js';
import { checkFormat } from './formats.js';

/** One value coerced to its declared type and format, or why it is invalid. */
export type Coerced = { ok: true; value: JsonValue } | { ok: false; message: string };

/**
 * Coerces one value to its declared type and format: text given for a number, boolean,
 * list or object is read as JSON; a number or boolean given for text becomes text; the
 * format check may normalise (emails lower-cased); then the pattern and the enum.
 *
 * @example
 * coerce({ type: 'integer', description: 'n' }, '42') // { ok: true, value: 42 }
 */
export function coerce(decl: VariableDeclaration, raw: JsonValue): Coerced {
  if (decl.type !== 'string') {
    const typed = asJson(decl.type, raw);
    return typed.ok ? oneOf(decl, typed.value) : typed;
  }
  const text = typeof raw === 'number' || typeof raw === 'boolean' ? String(raw) : raw;
  if (typeof text !== 'string') return { ok: false, message: `expected string, got ${JSON.stringify(text)}` };
  const formatted = checkFormat(decl.format, text);
  if (!formatted.ok) return formatted;
  // A pattern that is not a valid expression throws here: a broken template.
  if (decl.pattern && !new RegExp(decl.pattern, 'u').test(formatted.value)) return { ok: false, message: `does not match ${decl.pattern}` };
  return oneOf(decl, formatted.value);
}

function asJson(type: VariableDeclaration['type'], raw: JsonValue): Coerced {
  let value: JsonValue = raw;
  // Text given for a number, boolean, list or object is read as JSON.
  if (typeof raw === 'string') {
    try {
      value = JSON.parse(raw) as JsonValue;
    } catch {
      return { ok: false, message: `expected ${type}, got text ${JSON.stringify(raw)}` };
    }
  }
  return hasType(type, value) ? { ok: true, value } : { ok: false, message: `expected ${type}, got ${JSON.stringify(value)}` };
}

function oneOf(decl: VariableDeclaration, value: JsonValue): Coerced {
  if (!decl.enum || decl.enum.some((allowed) => JSON.stringify(allowed) === JSON.stringify(value))) return { ok: true, value };
  return { ok: false, message: `expected one of ${decl.enum.map((v) => JSON.stringify(v)).join(', ')}` };
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
