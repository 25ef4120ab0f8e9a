import type { VariableDeclaration } from '../generated/step-template.js';
import type { JsonValue } from '../json.js';
import { soleVariable } from '../template/tokenize.js';
import { convertTemplate, joinPieces, variablesOf, type ExportScope } from './placeholders.js';
import type { Caveat } from './types.js';

/** The body as typed into the builder's body field, and what plain substitution cannot keep. */
export interface BodyText {
  text: string;
  /** Conversation variables placed in the body, in order. */
  variables: string[];
  caveats: Caveat[];
}

interface Walk {
  scope: ExportScope;
  inputs: Record<string, VariableDeclaration>;
  variables: string[];
  caveats: Caveat[];
}

/**
 * Prints a JSON body template as the builder's body text, laid out like the guide (two
 * spaces, short lists on one line), with `{{variables}}` in the string values. Adds a
 * caveat for each optional value (what to do so an empty one never blanks a field
 * MailerLite holds), and for each value to insert as raw JSON.
 *
 * @example
 * printBody({ email: '<<customer_email>>', groups: ['<<settings.group_id>>'] }, scope, inputs).text
 * // '{\n  "email": "{{customer_email}}",\n  "groups": ["{{group_id}}"]\n}'
 */
export function printBody(body: JsonValue, scope: ExportScope, inputs: Record<string, VariableDeclaration>): BodyText {
  const walk: Walk = { scope, inputs, variables: [], caveats: [] };
  const text = print(body, '', [], walk);
  return { text, variables: [...new Set(walk.variables)], caveats: walk.caveats };
}

function print(node: JsonValue, indent: string, at: Array<string | number>, walk: Walk): string {
  if (typeof node === 'string') return leaf(node, at, walk);
  if (Array.isArray(node)) {
    const items = node.map((item, index) => print(item, indent + '  ', [...at, index], walk));
    if (items.length === 0) return '[]';
    if (node.every((item) => item === null || typeof item !== 'object')) return `[${items.join(', ')}]`;
    return `[\n${items.map((item) => indent + '  ' + item).join(',\n')}\n${indent}]`;
  }
  if (node !== null && typeof node === 'object') {
    const entries = Object.entries(node);
    if (entries.length === 0) return '{}';
    const lines = entries.map(([key, value]) => `${indent}  ${JSON.stringify(key)}: ${print(value, indent + '  ', [...at, key], walk)}`);
    return `{\n${lines.join(',\n')}\n${indent}}`;
  }
  return JSON.stringify(node);
}

function leaf(source: string, at: Array<string | number>, walk: Walk): string {
  const pieces = convertTemplate(source, walk.scope);
  const place = bodyPath(at);
  const variables = variablesOf(pieces);
  walk.variables.push(...variables);
  for (const name of variables) {
    const declared = walk.inputs[name];
    if (declared && declared.required !== true) {
      walk.caveats.push({
        field: 'body',
        about: place,
        text: `\`${place}\`: when {{${name}}} is empty the builder sends it empty, which blanks the value MailerLite holds (our engine leaves the row out). Make sure {{${name}}} is always filled where it is captured (a required ask, or the builder's contact field), or delete this row from the body.`,
      });
    }
  }
  const sole = soleVariable(source);
  const type = sole === undefined ? undefined : walk.inputs[sole]?.type;
  if (sole !== undefined && type !== undefined && type !== 'string') {
    walk.caveats.push({ field: 'body', about: place, text: `\`${place}\`: {{${sole}}} is a ${type}: insert it without quotes, as above, so it travels as JSON.` });
    return joinPieces(pieces);
  }
  return JSON.stringify(joinPieces(pieces));
}

/**
 * A body path for people.
 *
 * @example
 * bodyPath(['fields', 'name']) // 'fields.name'
 * bodyPath(['groups', 0])      // 'groups[0]'
 */
function bodyPath(at: ReadonlyArray<string | number>): string {
  return at.map((token, index) => (typeof token === 'number' ? `[${token}]` : index === 0 ? token : `.${token}`)).join('') || '(body)';
}
