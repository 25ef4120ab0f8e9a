import type { StepNode } from '../../generated/flow.js';
import type { StepTemplate, VariableDeclaration } from '../../generated/step-template.js';
import { formatRegExp } from '../../step/format-patterns.js';
import { any, literal, msg, NOTHING, regex, str } from './jsonata.js';
import { FLOW_SCOPE, lookup, value } from './placeholders.js';

/** The formats whose check the export reproduces (the engine's `checkFormat`). */
const FORMATS: Record<string, { clean: (text: string) => string; test: RegExp; message: string }> = {
  email: { clean: (t) => `$lowercase($strip(${t}))`, test: formatRegExp('email'), message: 'not a valid email address' },
  phone: { clean: (t) => `$strip(${t})`, test: formatRegExp('phone'), message: 'not an E.164 phone number' },
  id: { clean: (t) => `$strip(${t})`, test: formatRegExp('id'), message: 'not an id of digits' },
};

/** Why the export cannot check an input as the engine does, if it cannot. */
export function inputProblem(name: string, decl: VariableDeclaration): string | undefined {
  if (decl.type === 'array' || decl.type === 'object') return `input "${name}" is a ${decl.type}: the Node-RED export checks inputs of type string, number, integer and boolean`;
  if (decl.format !== undefined && !(decl.format in FORMATS)) return `input "${name}" has the format ${decl.format}: the Node-RED export checks email, phone and id`;
  if (decl.format !== undefined && decl.type !== 'string') return `input "${name}" has a format but is no string`;
  return undefined;
}

/** The value an input is given: the node's mapping over the conversation, else the variable of its name. */
function given(name: string, node: StepNode): string {
  const mapped = node.inputs?.[name];
  return mapped === undefined ? lookup(name, FLOW_SCOPE) : value(mapped, FLOW_SCOPE);
}

const invalid = (message: string): string => `{"invalid": ${str(message)}}`;

/** Pattern and enum over the checked text `$v`, then the value. */
function textChecks(decl: VariableDeclaration): string {
  let result = '{"value": $v}';
  const allowed = decl.enum?.filter((v): v is string => typeof v === 'string');
  if (decl.enum) result = `$v in ${literal(allowed ?? [])} ? ${result} : ${invalid('not one of the allowed values')}`;
  if (decl.pattern) result = `$contains($v, ${regex(new RegExp(decl.pattern, 'u'))}) ? (${result}) : ${invalid(`does not match ${decl.pattern}`)}`;
  return result;
}

function coerceText(decl: VariableDeclaration): string {
  const format = decl.format === undefined ? undefined : FORMATS[decl.format];
  const checked = format
    ? `($v := ${format.clean('$s')}; $contains($v, ${regex(format.test)})${decl.format === 'email' ? ' and $length($v) <= 254' : ''} ? (${textChecks(decl)}) : ${invalid(format.message)})`
    : `($v := $s; ${textChecks(decl)})`;
  return `($s := $type($raw) in ["number", "boolean"] ? $string($raw) : $raw; $type($s) != "string" ? ${invalid('expected string')} : ${checked})`;
}

/** Numbers and booleans given as text are read as JSON, like the engine's `coerce`. */
function coerceScalar(decl: VariableDeclaration): string {
  const parse = `($t := $strip($raw); $contains($t, /^-?(0|[1-9]\\d*)(\\.\\d+)?([eE][+-]?\\d+)?$/) ? $number($t) : $t = "true" ? true : $t = "false" ? false : ${NOTHING})`;
  const typed = { number: '$type($p) = "number"', integer: '$type($p) = "number" and $p = $floor($p)', boolean: '$type($p) = "boolean"' }[decl.type as 'number' | 'integer' | 'boolean'];
  const allowed = decl.enum ? `$string($p) in ${literal(decl.enum.map((v) => JSON.stringify(v)))} ? {"value": $p} : ${invalid('not one of the allowed values')}` : '{"value": $p}';
  return `($p := $type($raw) = "string" ? ${parse} : $raw; ${typed} ? (${allowed}) : ${invalid(`expected ${decl.type}`)})`;
}

/**
 * The check of one input, as the engine's `checkInputs` does it: a required input that is
 * blank (without a default) is missing; a blank one takes its default or is left out;
 * otherwise the value is coerced and checked (emails trimmed and lower-cased). Gives
 * `{"value": v}`, `{"invalid": why}`, or no value.
 */
function checkOne(name: string, decl: VariableDeclaration, node: StepNode): string {
  const fallback = decl.default === undefined ? NOTHING : literal(decl.default);
  const coerce = decl.type === 'string' ? coerceText(decl) : coerceScalar(decl);
  const rest = `($raw := $blank($g) ? ${fallback} : $g; $blank($raw) ? ${NOTHING} : ${coerce})`;
  const missing = decl.required && decl.default === undefined;
  return `($g := ${given(name, node)}; ${missing ? `$blank($g) ? ${invalid('missing')} : ` : ''}${rest})`;
}

/** The JSONata a step's input check is made of: `check` per input, then `input` and `invalid` from it. */
export interface InputCheck {
  check: string;
  input: string;
  invalid: string;
}

/**
 * The input check of a step node: each declared input from the node's mapping or the
 * conversation, checked and normalised; `input` holds the checked values (what the request
 * is rendered over), `invalid` is true when one is missing or invalid (the outcome
 * `invalid_input`, no request).
 *
 * @example
 * inputCheck(lookupTemplate, node).invalid // '($exists($get($get($lookup($$, "check"), "customer_email"), "invalid")))'
 */
export function inputCheck(template: StepTemplate, node: StepNode): InputCheck {
  const names = Object.keys(template.inputs);
  const field = (name: string, key: string): string => `$get($get(${msg('check')}, ${str(name)}), ${str(key)})`;
  return {
    check: `{${names.map((name) => `${str(name)}: ${checkOne(name, template.inputs[name]!, node)}`).join(', ')}}`,
    input: `{${names.map((name) => `${str(name)}: ${field(name, 'value')}`).join(', ')}}`,
    invalid: any(names.map((name) => `$exists(${field(name, 'invalid')})`)),
  };
}
