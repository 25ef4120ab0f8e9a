import type { VariableDeclaration } from '../generated/step-template.js';
import { MissingInputError } from '../errors.js';
import { isBlank, isBlankText } from '../template/helpers.js';
import { CodeBuilder, tryGenerate } from '../template/code-builder.js';
import { literalKey } from '../template/codegen.js';
import { compileCoerce, Invalid, patternOf } from './coerce.js';
import { compileFormat, FormatFailure } from './formats.js';
import type { InputsChecker } from './inputs.js';

/** Marks an input neither given nor defaulted in generated code. */
const NOT_GIVEN = Symbol('not given');

/** Statements that coerce `value` (an input given, not blank) in place, or record why it is invalid. */
function coerceCode(decl: VariableDeclaration, key: string, value: string, code: CodeBuilder): string {
  const invalid = (message: string): string => `(invalid ??= []).push({ name: ${key}, message: ${message} });\n${value} = ${code.constant(NOT_GIVEN)};\n`;
  if (decl.type !== 'string' || decl.enum !== undefined) {
    // Other types and enums: the compiled coercion, as it is.
    const coerced = code.local();
    return `const ${coerced} = ${code.constant(compileCoerce(decl))}(${value});\nif (${coerced} instanceof ${code.constant(Invalid)}) {\n${invalid(`${coerced}.message`)}} else ${value} = ${coerced};\n`;
  }
  // Text: a number or boolean becomes text; then the format check (which may normalise), then the pattern.
  let checks = '';
  if (decl.format !== undefined) {
    const format = compileFormat(decl.format);
    // A format that is not one of ours (an unvalidated template): the closures report it.
    if (typeof format !== 'function') throw new TypeError(`unknown format ${JSON.stringify(decl.format)}`);
    const checked = code.local();
    checks +=
      `const ${checked} = ${code.constant(format)}(${value});\n` +
      `if (${checked} instanceof ${code.constant(FormatFailure)}) {\n${invalid(`${checked}.message`)}} else ${value} = ${checked};\n`;
  }
  if (decl.pattern !== undefined) {
    const test = `${code.constant(patternOf(decl.pattern))}.test(${value})`;
    const check = `if (!${test}) {\n${invalid(code.text(`does not match ${decl.pattern}`))}}\n`;
    checks += decl.format !== undefined ? `if (${value} !== ${code.constant(NOT_GIVEN)}) {\n${check}}\n` : check;
  }
  return (
    `if (typeof ${value} === 'number' || typeof ${value} === 'boolean') ${value} = String(${value});\n` +
    `if (typeof ${value} !== 'string') {\n${invalid(`'expected string, got ' + JSON.stringify(${value})`)}} else {\n${checks}}\n`
  );
}

/**
 * Declared inputs generated as one function, with the semantics of `compileInputs`: per
 * input, in declared order, the given value read, a blank one counted missing (required)
 * or replaced by its default, the others coerced (one compiled coercion per input);
 * missing inputs throw one MissingInputError, invalid ones come back together. Undefined
 * when an input's pattern is not a valid expression, a name is `__proto__`, or code
 * generation is disallowed: `compileInputs` then uses its closures.
 *
 * @example
 * generateInputs({ customer_email: { type: 'string', format: 'email', required: true, description: 'e' } })?.({ customer_email: ' Priya@Example.com ' }, 't')
 * // { ok: true, values: { customer_email: 'priya@example.com' } }
 */
export function generateInputs(declared: Record<string, VariableDeclaration>): InputsChecker | undefined {
  return tryGenerate(() => makeInputs(declared));
}

function makeInputs(declared: Record<string, VariableDeclaration>): InputsChecker | undefined {
  const names = Object.keys(declared);
  if (names.includes('__proto__')) return undefined;
  if (names.some((name) => declared[name]!.pattern !== undefined && patternOf(declared[name]!.pattern) === undefined)) return undefined;
  const code = new CodeBuilder();
  const notGiven = code.constant(NOT_GIVEN);
  const blankText = code.constant(isBlankText);
  let body = 'let missing, invalid;\n';
  // An input that is required, or has a default that is not blank, is among the values whenever they are valid.
  let always = true;
  const values: string[] = [];
  for (const name of names) {
    const decl = declared[name]!;
    const key = code.text(name);
    const value = code.local();
    const required = Boolean(decl.required) && decl.default === undefined;
    const fallback = decl.default;
    const defaulted = !required && fallback !== undefined && fallback !== null && !isBlank(fallback);
    if (!required && !defaulted) always = false;
    let whenBlank: string;
    if (required) whenBlank = `(missing ??= []).push({ name: ${key}, description: ${code.constant(decl.description)}, example: ${code.constant(decl.example)} });\n${value} = ${notGiven};\n`;
    else if (defaulted) whenBlank = `${value} = ${code.constant(fallback)};\n`;
    else whenBlank = `${value} = ${notGiven};\n`;
    const blankTest = `${value} === undefined || ${value} === null || (typeof ${value} === 'string' ? ${blankText}(${value}) : Array.isArray(${value}) && ${value}.length === 0)`;
    body +=
      `let ${value} = given[${key}];\nif (${blankTest}) {\n${whenBlank}}\n` +
      // Once an input is missing the step stops: checking the others is wasted.
      `if (${value} !== ${notGiven} && missing === undefined) {\n${coerceCode(decl, key, value, code)}}\n`;
    values.push(value);
  }
  body += `if (missing !== undefined) throw new ${code.constant(MissingInputError)}(template, missing);\nif (invalid !== undefined) return { ok: false, invalid };\n`;
  if (always) {
    body += `return { ok: true, values: { ${names.map((name, i) => `${literalKey(name)}: ${values[i]}`).join(', ')} } };`;
  } else {
    // Only the inputs given (or defaulted) are values.
    body += `const values = {};\n${names.map((name, i) => `if (${values[i]} !== ${notGiven}) values[${code.text(name)}] = ${values[i]};\n`).join('')}return { ok: true, values };`;
  }
  return code.build<InputsChecker>(['given', 'template'], body);
}
