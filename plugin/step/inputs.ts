import type { VariableDeclaration } from '../generated/step-template.js';
import { setOwn, type JsonValue } from '../json.js';
import { MissingInputError } from '../errors.js';
import { isBlank } from '../template/helpers.js';
import { coerce } from './coerce.js';

/** Conversation variables, by name, as the bot builder holds them. */
export type Variables = Record<string, JsonValue | undefined>;

/** The result of checking inputs: the cleaned values, or the problems that make them invalid. */
export type CheckedInputs =
  | { ok: true; values: Record<string, JsonValue> }
  | { ok: false; invalid: Array<{ name: string; message: string }> };

/**
 * Checks the given values against declared inputs, before anything is rendered.
 * Required inputs that are missing throw one MissingInputError naming all of them;
 * values of the wrong type or format come back as `invalid`, every one of them (the
 * step's `invalid_input` outcome). Emails are trimmed and lower-cased; text of a non-text
 * type is parsed as JSON; a blank optional input takes its default or is left out.
 *
 * @example
 * checkInputs('t', { customer_email: { type: 'string', format: 'email', required: true, description: 'e' } },
 *   { customer_email: ' Priya@Example.com ' }) // { ok: true, values: { customer_email: 'priya@example.com' } }
 */
export function checkInputs(template: string, declared: Record<string, VariableDeclaration>, given: Variables): CheckedInputs {
  const entries = Object.entries(declared);
  const missing = entries
    .filter(([name, decl]) => decl.required && decl.default === undefined && isBlank(given[name]))
    .map(([name, decl]) => ({ name, description: decl.description, example: decl.example }));
  if (missing.length > 0) throw new MissingInputError(template, missing);
  const values: Record<string, JsonValue> = {};
  const invalid: Array<{ name: string; message: string }> = [];
  for (const [name, decl] of entries) {
    const raw = isBlank(given[name]) ? decl.default : given[name];
    if (raw === undefined || isBlank(raw)) continue;
    const checked = coerce(decl, raw);
    if (checked.ok) setOwn(values, name, checked.value);
    else invalid.push({ name, message: checked.message });
  }
  return invalid.length > 0 ? { ok: false, invalid } : { ok: true, values };
}
