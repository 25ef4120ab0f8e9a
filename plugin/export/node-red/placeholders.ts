import { plainVariable } from '../../declarations/plain.js';
import { DeclarationError } from '../../errors.js';
import { soleVariable, tokenize } from '../../template/tokenize.js';
import { msg, env, str, NOTHING } from './jsonata.js';

/** Where the placeholders of a text read their values. */
export interface Scope {
  /** The message property holding the variables (`vars` in a flow, `input` in a request). */
  variables: string;
  /** The environment variable of each secret; secrets are allowed only where this is given. */
  secrets?: Record<string, string>;
}

/** The variables a flow's texts read: the conversation variables and the settings. */
export const FLOW_SCOPE: Scope = { variables: 'vars' };

/** The path a plain placeholder reads (`settings.group_id`), or undefined (a helper, a block, a keyword). */
function variablePath(tag: string): string | undefined {
  return plainVariable(tag)?.join('.');
}

/**
 * The value a placeholder path reads, or no value: `customer_email` from the scope's
 * variables, `settings.group_id` from the settings, `secrets.api_key` from the
 * environment (only where the scope allows secrets).
 *
 * @example
 * lookup('settings.group_id', FLOW_SCOPE) // '$get($lookup($$, "settings"), "group_id")'
 */
export function lookup(path: string, scope: Scope): string {
  const [root = '', ...rest] = path.split('.');
  if (root === 'secrets') {
    const name = rest.join('.');
    const variable = scope.secrets?.[name];
    if (variable === undefined) throw new DeclarationError(`<<${path}>>: a secret is read only in a request header`);
    return env(variable);
  }
  const [base, keys] = root === 'settings' ? [msg('settings'), rest] : [msg(scope.variables), [root, ...rest]];
  return keys.reduce((expr, key) => `$get(${expr}, ${str(key)})`, base);
}

/**
 * A template rendered as text, as the engine's `renderText` does with plain placeholders:
 * literal pieces as written, each value as Handlebars prints it.
 *
 * @example
 * text('Hi <<customer_name>>!', FLOW_SCOPE) // '"Hi " & $text($get($lookup($$, "vars"), "customer_name")) & "!"'
 */
export function text(source: string, scope: Scope): string {
  const pieces = tokenize(source).map((token) => {
    if (token.kind === 'text') return str(token.value);
    const path = variablePath(token.value);
    if (path === undefined) throw new DeclarationError(`<<${token.value}>> is not a plain placeholder`);
    return `$text(${lookup(path, scope)})`;
  });
  return pieces.length === 0 ? str('') : pieces.join(' & ');
}

/**
 * A template as a JSON value, as the engine's `renderValue` does: literal text as written,
 * a sole `<<variable>>` keeping its JSON type, anything else as text; a blank value is no value.
 *
 * @example
 * value('<<group_id>>', FLOW_SCOPE) // '($v := $get(...); $blank($v) ? () : $v)'
 */
export function value(source: string, scope: Scope): string {
  const tokens = tokenize(source);
  if (!tokens.some((t) => t.kind === 'tag')) return str(tokens.map((t) => t.value).join(''));
  const sole = soleVariable(source);
  if (sole !== undefined && variablePath(sole) !== undefined) return `($v := ${lookup(sole, scope)}; $blank($v) ? ${NOTHING} : $v)`;
  return `($t := ${text(source, scope)}; $blank($t) ? ${NOTHING} : $t)`;
}
