import type { VariableDeclaration } from '../generated/manifest.js';
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

/** A template converted to the builder's plain `{{var}}` substitution. */
export interface Converted {
  pieces: Piece[];
  /** What our engine does here that plain substitution cannot (helpers, conditional text). */
  notes: string[];
}

const HELPER_NOTES: Record<string, (arg: string, rest: string[]) => string> = {
  first_name: (arg) => `our engine prints only the first word of ${arg} (Priya Sharma -> Priya); the builder prints the whole value`,
  lower: (arg) => `our engine lower-cases ${arg}; the builder prints it as captured`,
  upper: (arg) => `our engine upper-cases ${arg}; the builder prints it as captured`,
  trim: (arg) => `our engine trims the spaces around ${arg}; the builder prints it as captured`,
  default: (arg, rest) => `our engine writes ${rest[0] ?? 'a fallback text'} when ${arg} is empty; the builder prints nothing there`,
};

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
 * settingVariable('group_id', { taken: new Set() })           // 'group_id'
 * settingVariable('group_id', { taken: new Set(['group_id']) }) // 'setting_group_id'
 */
export function settingVariable(name: string, scope: Pick<ExportScope, 'taken'>): string {
  return scope.taken.has(name) ? `setting_${name}` : name;
}

/**
 * Converts a `<<placeholder>>` template to the builder's `{{var}}` text, piece by piece:
 * `<<customer_email>>` -> `{{customer_email}}`, `<<settings.group_id>>` -> `{{group_id}}`
 * (or the value given for the setting), `<<secrets.api_key>>` -> `YOUR_API_KEY`. Helpers
 * and `<<#if>>` blocks keep their variable and add a note, since plain substitution has
 * neither; an `<<else>>` branch is left out.
 *
 * @example
 * convertTemplate('Hi <<first_name customer_name>>', scope).pieces.map((p) => p.text).join('') // 'Hi {{customer_name}}'
 */
export function convertTemplate(source: string, scope: ExportScope): Converted {
  const pieces: Piece[] = [];
  const notes: string[] = [];
  const blocks: Array<{ head: string; arg: string; start: number; skipping: boolean }> = [];
  const skipping = (): boolean => blocks.some((b) => b.skipping);
  for (const token of tokenize(source)) {
    if (token.kind === 'text') {
      if (skipping()) continue;
      pieces.push({ kind: 'text', text: token.value });
      if (/\{\{|\}\}/.test(token.value)) notes.push('the text holds a literal "{{" or "}}", which the builder may read as a variable');
      continue;
    }
    const [head = '', ...args] = splitTag(token.value);
    if (head.startsWith('#')) {
      const arg = args[0] === undefined ? 'the value' : joinPieces(reference(args[0], scope));
      blocks.push({ head, arg, start: pieces.length, skipping: false });
    } else if (head.startsWith('/')) {
      const block = blocks.pop();
      if (block && !skipping()) notes.push(blockNote(block, joinPieces(pieces.slice(block.start))));
    } else if (head === 'else') {
      const block = blocks[blocks.length - 1];
      if (block) block.skipping = true;
    } else if (!skipping()) {
      if (args.length === 0) pieces.push(...reference(head, scope));
      else helperCall(head, args, scope, pieces, notes);
    }
  }
  return { pieces, notes };
}

function blockNote(block: { head: string; arg: string; skipping: boolean }, text: string): string {
  const when = block.head === '#unless' ? 'empty' : 'set';
  const other = block.skipping ? ', and the text our engine shows otherwise is left out' : '';
  return `our engine shows "${text}" only when ${block.arg} is ${when}; the builder always shows it${other}`;
}

function helperCall(helper: string, args: string[], scope: ExportScope, pieces: Piece[], notes: string[]): void {
  const [first = '', ...rest] = args;
  if (isQuoted(first)) {
    pieces.push({ kind: 'text', text: first.slice(1, -1) });
    return;
  }
  const placed = reference(first, scope);
  pieces.push(...placed);
  const shown = joinPieces(placed);
  const note = HELPER_NOTES[helper];
  notes.push(note ? note(shown, rest) : `our engine applies the helper ${helper} to ${shown}; the builder prints the plain value`);
}

/**
 * What one variable path becomes: a secret's placeholder, a setting's variable (or its
 * given value), a flow node's input, or the conversation variable of that name.
 *
 * @example
 * reference('settings.group_id', scope) // [{ kind: 'setting', name: 'group_id', text: '{{group_id}}' }]
 */
export function reference(path: string, scope: ExportScope): Piece[] {
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
 * joinPieces(convertTemplate('<<settings.group_id>>', scope).pieces) // '{{group_id}}'
 */
export function joinPieces(pieces: readonly Piece[], escape: (value: string) => string = (v) => v): string {
  return pieces.map((piece) => (piece.kind === 'value' ? escape(piece.text) : piece.text)).join('');
}

/**
 * Conversation variables a converted template reads (not settings, not secrets).
 *
 * @example
 * variablesOf(convertTemplate('<<customer_email>> <<settings.group_id>>', scope).pieces) // ['customer_email']
 */
export function variablesOf(pieces: readonly Piece[]): string[] {
  return [...new Set(pieces.flatMap((p) => (p.kind === 'variable' ? [p.path] : [])))];
}

function splitTag(tag: string): string[] {
  return tag.trim().match(/"[^"]*"|'[^']*'|\S+/g) ?? [];
}

function isQuoted(text: string): boolean {
  return /^(".*"|'.*')$/.test(text);
}
