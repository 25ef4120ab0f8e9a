import type { VariableDeclaration } from '../generated/step-template.js';
import type { JsonValue } from '../json.js';
import { MissingInputError } from '../errors.js';
import { isBlank } from '../template/helpers.js';
import { checkFormat } from './formats.js';

/** Conversation variables, by name, as the bot builder holds them. */
export type Variables = Record<string, JsonValue | undefined>;

/** The result of checking inputs: the cleaned values, or the problems that make them invalid. */
export type CheckedInputs =
  | { ok: true; values: Variables }
  | { ok: false; invalid: Array<{ name: string; message: string }> };

/**
 * Checks the given values against declared inputs, before anything is rendered.
 * Required inputs that are missing throw one MissingInputError naming all of them;
 * values of the wrong type or format come back as `invalid` (the step's `invalid_input`
 * outcome). Emails are trimmed and lower-cased; text of a non-text type is parsed as JSON.
 *
 * @example
 * checkInputs('t', { customer_email: { type: 'string', format: 'email', required: true, description: 'e' } },
 *   { customer_email: ' Priya@Example.com ' }) // { ok: true, values: { customer_email: 'priya@example.com' } }
 */
export function checkInputs(template: string, declared: Record<string, VariableDeclaration>, given: Variables): CheckedInputs {
  const entries = entriesOf(declared);
  let missing: Array<{ name: string; description: string; example: unknown }> | undefined;
  for (const [name, decl] of entries) {
    if (decl.required && decl.default === undefined && isBlank(given[name])) (missing ??= []).push({ name, description: decl.description, example: decl.example });
  }
  if (missing) throw new MissingInputError(template, missing);

  const values: Variables = {};
  let invalid: Array<{ name: string; message: string }> | undefined;
  for (const [name, decl] of entries) {
    const raw = isBlank(given[name]) ? decl.default : given[name];
    if (raw === undefined || raw === null || isBlank(raw)) continue;
    const result = coerce(decl, raw);
    if (result.ok) values[name] = result.value;
    else (invalid ??= []).push({ name, message: result.message });
  }
  return invalid ? { ok: false, invalid } : { ok: true, values };
}

const entryCache = new WeakMap<Record<string, VariableDeclaration>, Array<[string, VariableDeclaration]>>();

/** The declared inputs as a list, made once per declaration object. */
function entriesOf(declared: Record<string, VariableDeclaration>): Array<[string, VariableDeclaration]> {
  let entries = entryCache.get(declared);
  if (!entries) {
    entries = Object.entries(declared);
    entryCache.set(declared, entries);
  }
  return entries;
}

type Coerced = { ok: true; value: JsonValue } | { ok: false; message: string };

const fail = (message: string): Coerced => ({ ok: false, message });

/** Coerces one value to its declared type and format. */
function coerce(decl: VariableDeclaration, raw: JsonValue): Coerced {
  let value: JsonValue = raw;
  if (decl.type !== 'string' && typeof raw === 'string') {
    try {
      value = JSON.parse(raw) as JsonValue;
    } catch {
      return fail(`expected ${decl.type}, got text ${JSON.stringify(raw)}`);
    }
  }
  if (decl.type === 'string' && (typeof value === 'number' || typeof value === 'boolean')) value = String(value);
  if (!hasType(decl.type, value)) return fail(`expected ${decl.type}, got ${JSON.stringify(value)}`);
  if (typeof value === 'string') {
    const formatted = checkFormat(decl.format, value);
    if (!formatted.ok) return fail(formatted.message);
    value = formatted.value;
    if (decl.pattern && !new RegExp(decl.pattern, 'u').test(value)) return fail(`does not match ${decl.pattern}`);
  }
  if (decl.enum && !decl.enum.some((allowed) => JSON.stringify(allowed) === JSON.stringify(value))) {
    return fail(`expected one of ${decl.enum.map((v) => JSON.stringify(v)).join(', ')}`);
  }
  return { ok: true, value };
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
