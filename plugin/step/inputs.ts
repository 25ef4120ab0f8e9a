import type { VariableDeclaration } from '../generated/step-template.js';
import type { JsonValue } from '../json.js';
import { MissingInputError } from '../errors.js';
import { isBlank } from '../template/helpers.js';
import { propertyReader } from '../template/readers.js';
import { recordMaker } from '../template/records.js';
import { compileCoerce, Invalid, patternOf, type Coerce } from './coerce.js';
import { generateInputs } from './inputs-code.js';

/** Conversation variables, by name, as the bot builder holds them. */
export type Variables = Record<string, JsonValue | undefined>;

/** The result of checking inputs: the cleaned values, or the problems that make them invalid. */
export type CheckedInputs =
  | { ok: true; values: Variables }
  | { ok: false; invalid: Array<{ name: string; message: string }> };

/** Declared inputs compiled once: checks the given values (`template` names the step in a MissingInputError). */
export type InputsChecker = (given: Variables, template: string) => CheckedInputs;

/** A required input that is missing, as MissingInputError lists it. */
type Missing = { name: string; description: string; example: unknown };

/** Marks an input neither given nor defaulted: it is not among the values. */
const NOT_GIVEN = Symbol('not given');

interface Input {
  name: string;
  /** False when coercing can throw (a pattern that is not a valid expression). */
  safe: boolean;
  /** Reads the given value (`given[name]`). */
  read: (given: object) => unknown;
  decl: VariableDeclaration;
  /** Required and without a default: missing stops the step. */
  required: boolean;
  coerce: Coerce;
}

/**
 * Compiles declared inputs once into a checker (generated as one function by
 * `inputs-code.ts`, else closures): per input, its type, format, pattern and enum as one
 * coercion. Required inputs that are missing throw one MissingInputError
 * naming all of them, before any value is coerced; values of the wrong type or format
 * come back as `invalid`, every one of them.
 *
 * @example
 * compileInputs({ customer_email: { type: 'string', format: 'email', required: true, description: 'e' } })({ customer_email: ' Priya@Example.com ' }, 't')
 * // { ok: true, values: { customer_email: 'priya@example.com' } }
 */
export function compileInputs(declared: Record<string, VariableDeclaration>): InputsChecker {
  return generateInputs(declared) ?? closureInputs(declared);
}

/**
 * The closure form of `compileInputs` (where code generation is disallowed, or an input
 * is not generated).
 *
 * @example
 * closureInputs({ customer_email: { type: 'string', format: 'email', required: true, description: 'e' } })({ customer_email: 'p@x.com' }, 't')
 * // { ok: true, values: { customer_email: 'p@x.com' } }
 */
export function closureInputs(declared: Record<string, VariableDeclaration>): InputsChecker {
  const inputs: Input[] = Object.entries(declared).map(([name, decl]) => ({
    name,
    safe: decl.pattern === undefined || patternOf(decl.pattern) !== undefined,
    read: propertyReader(name),
    decl,
    required: Boolean(decl.required) && decl.default === undefined,
    coerce: compileCoerce(decl),
  }));
  // When no coercion can throw, one pass finds the missing inputs and checks the others.
  const safe = inputs.every((input) => input.safe);
  const makeValues = recordMaker(inputs.map((input) => input.name)) as (values: JsonValue[]) => Variables;
  const missingOf = (given: Variables): Missing[] | undefined => {
    let missing: Missing[] | undefined;
    for (const { read, name, decl, required } of inputs) {
      if (required && isBlank(read(given))) (missing ??= []).push({ name, description: decl.description, example: decl.example });
    }
    return missing;
  };
  return (given, template) => {
    let missing = safe ? undefined : missingOf(given);
    if (missing) throw new MissingInputError(template, missing);
    const values = new Array<JsonValue | typeof NOT_GIVEN>(inputs.length);
    let invalid: Array<{ name: string; message: string }> | undefined;
    let skipped = false;
    for (let i = 0; i < inputs.length; i++) {
      const { read, name, decl, required, coerce } = inputs[i]!;
      let raw = read(given) as JsonValue | undefined;
      if (isBlank(raw)) {
        if (required) {
          (missing ??= []).push({ name, description: decl.description, example: decl.example });
          continue;
        }
        raw = decl.default;
        if (raw === undefined || raw === null || isBlank(raw)) {
          skipped = true;
          values[i] = NOT_GIVEN;
          continue;
        }
      }
      // Once an input is missing the step stops: checking the others is wasted.
      if (missing) continue;
      const value = coerce(raw as JsonValue);
      if (value instanceof Invalid) (invalid ??= []).push({ name, message: value.message });
      values[i] = value instanceof Invalid ? NOT_GIVEN : value;
    }
    if (missing) throw new MissingInputError(template, missing);
    if (invalid) return { ok: false, invalid };
    if (!skipped) return { ok: true, values: makeValues(values as JsonValue[]) };
    // Only the inputs given (or defaulted) are values.
    const some: Variables = {};
    inputs.forEach(({ name }, i) => {
      const value = values[i]!;
      if (value !== NOT_GIVEN) some[name] = value;
    });
    return { ok: true, values: some };
  };
}

const checkers = new WeakMap<Record<string, VariableDeclaration>, InputsChecker>();

/**
 * Checks the given values against declared inputs, before anything is rendered.
 * Required inputs that are missing throw one MissingInputError naming all of them;
 * values of the wrong type or format come back as `invalid` (the step's `invalid_input`
 * outcome). Emails are trimmed and lower-cased; text of a non-text type is parsed as JSON.
 * Compiled once per declaration object (`compileInputs`).
 *
 * @example
 * checkInputs('t', { customer_email: { type: 'string', format: 'email', required: true, description: 'e' } },
 *   { customer_email: ' Priya@Example.com ' }) // { ok: true, values: { customer_email: 'priya@example.com' } }
 */
export function checkInputs(template: string, declared: Record<string, VariableDeclaration>, given: Variables): CheckedInputs {
  let check = checkers.get(declared);
  if (!check) checkers.set(declared, (check = compileInputs(declared)));
  return check(given, template);
}
