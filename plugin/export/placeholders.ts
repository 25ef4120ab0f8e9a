import { DeclarationError } from '../errors.js';
import type { VariableDeclaration } from '../generated/manifest.js';
import { plainVariable } from '../declarations/plain.js';
import { tokenize } from '../template/tokenize.js';

/** What a `<<placeholder>>` becomes in the builder, and the names in scope. */
export interface ExportScope {
  /** The manifest's settings, by name. */
  settings: Record<string, VariableDeclaration>;
  /** Setting values given for the export (`--set group_id=123456789`): written as they are. */
  values: Record<string, string>;
  /** What some variables become instead (a flow node's inputs, already converted), by variable name. */
  inputs: Record<string, Piece[]>;
  /** Conversation variable names in scope: a setting of the same name becomes `{{setting_<name>}}`. */
  taken: ReadonlySet<string>;
}

/** A piece of converted text: literal text, or what a placeholder became. */
export type Piece =
  | { kind: 'text'; text: string }
  | { kind: 'variable'; path: string; text: string }
  | { kind: 'setting'; name: string; text: string }
  | { kind: 'secret'; name: string; text: string }
  /** A setting value given for the export: the caller escapes it for its place. */
  | { kind: 'value'; name: string; text: string };

/**
 * The builder's placeholder for a secret, typed into its auth field instead of the key.
 *
 * @example
 * secretPlaceholder('api_key') // 'YOUR_API_KEY'
 */
export function secretPlaceholder(name: string): string {
  return `YOUR_${name.toUpperCase()}`;
}

/**
 * The builder variable name of a setting: its own name, unless a conversation variable has it.
 *
 * @example
 * settingVariable('group_id', { taken: new Set() })             // 'group_id'
 * settingVariable('group_id', { taken: new Set(['group_id']) }) // 'setting_group_id'
 */
export function settingVariable(name: string, scope: Pick<ExportScope, 'taken'>): string {
  return scope.taken.has(name) ? `setting_${name}` : name;
}

/**
 * Converts a `<<placeholder>>` template to the builder's `{{var}}` text, piece by piece:
 * `<<customer_email>>` -> `{{customer_email}}`, `<<settings.group_id>>` -> `{{group_id}}`
 * (or the value given for the setting), `<<secrets.api_key>>` -> `YOUR_API_KEY`. The
 * declarations hold plain placeholders only (the builder profile, checked by `validate`);
 * a helper or block is a DeclarationError.
 *
 * @example
 * joinPieces(convertTemplate('You are now subscribed, <<customer_first_name>>!', scope)) // 'You are now subscribed, {{customer_first_name}}!'
 */
export function convertTemplate(source: string, scope: ExportScope): Piece[] {
  return tokenize(source).flatMap((token): Piece[] => {
    if (token.kind === 'text') return [{ kind: 'text', text: token.value }];
    const path = plainVariable(token.value)?.join('.');
    if (path === undefined) throw new DeclarationError(`<<${token.value}>> is not a plain placeholder, which the builder's text cannot hold (run \`mailerlite-steps validate\`)`);
    return reference(path, scope);
  });
}

/**
 * What one variable path becomes: a secret's placeholder, a setting's variable (or its
 * given value), a flow node's input, or the conversation variable of that name.
 *
 * @example
 * reference('settings.group_id', scope) // [{ kind: 'setting', name: 'group_id', text: '{{group_id}}' }]
 */
function reference(path: string, scope: ExportScope): Piece[] {
  const [root = '', ...more] = path.split('.');
  const name = more.join('.');
  if (root === 'secrets') return [{ kind: 'secret', name, text: secretPlaceholder(name) }];
  if (root === 'settings') {
    const value = scope.values[name];
    if (value !== undefined) return [{ kind: 'value', name, text: value }];
    return [{ kind: 'setting', name, text: `{{${settingVariable(name, scope)}}}` }];
  }
  return scope.inputs[path] ?? [{ kind: 'variable', path, text: `{{${path}}}` }];
}

/**
 * Joins converted pieces into text; `escape` is applied to given setting values only
 * (the caller's place: a path segment, a query value).
 *
 * @example
 * joinPieces(convertTemplate('<<settings.group_id>>', scope)) // '{{group_id}}'
 */
export function joinPieces(pieces: readonly Piece[], escape: (value: string) => string = (v) => v): string {
  return pieces.map((piece) => (piece.kind === 'value' ? escape(piece.text) : piece.text)).join('');
}

/**
 * Conversation variables a converted template reads (not settings, not secrets).
 *
 * @example
 * variablesOf(convertTemplate('<<customer_email>> <<settings.group_id>>', scope)) // ['customer_email']
 */
export function variablesOf(pieces: readonly Piece[]): string[] {
  return [...new Set(pieces.flatMap((p) => (p.kind === 'variable' ? [p.path] : [])))];
}

/**
 * Settings a converted template reads, by manifest name (given as a value or as a variable).
 *
 * @example
 * settingsOf(convertTemplate('<<settings.group_id>>', scope)) // ['group_id']
 */
export function settingsOf(pieces: readonly Piece[]): string[] {
  return [...new Set(pieces.flatMap((p) => (p.kind === 'setting' || p.kind === 'value' ? [p.name] : [])))];
}
