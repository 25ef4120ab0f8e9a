import { code } from './code.js';
import type { BuilderVariable, Caveat, FieldName } from './types.js';

/**
 * A Markdown table cell: pipes escaped (also inside code), line breaks as `<br>`.
 *
 * @example
 * cell('a || b') // 'a \\|\\| b'
 */
export function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
}

/**
 * A Markdown table.
 *
 * @example
 * table(['Header', 'Value'], [['Accept', 'application/json']])
 * // '| Header | Value |\n|---|---|\n| Accept | application/json |'
 */
export function table(head: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const line = (cells: readonly string[]): string => `| ${cells.map(cell).join(' | ')} |`;
  return [line(head), `|${head.map(() => '---').join('|')}|`, ...rows.map(line)].join('\n');
}

/**
 * A fenced code block whose fence is longer than any backtick run inside.
 *
 * @example
 * block('data.id -> subscriber_id') // '```text\ndata.id -> subscriber_id\n```'
 */
export function block(text: string, language = 'text'): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${language}\n${text}\n${fence}`;
}

/**
 * The caveats of one field, as quoted paragraphs placed right under it: what to do in
 * the builder there.
 *
 * @example
 * caveatLines(caveats, 'body') // ['> **Caveat:** Our engine escapes quotes ...', '']
 */
export function caveatLines(caveats: readonly Caveat[], field: FieldName): string[] {
  return caveats.filter((c) => c.field === field).flatMap((c) => [`> **Caveat:** ${c.text}`, '']);
}

const SOURCES: Record<BuilderVariable['source'], string> = {
  conversation: 'conversation variable (captured in the chat)',
  setting: 'plugin setting (type it once)',
  'step output': 'written by a step (response mapping)',
  'set step': 'written by a set step',
};

/**
 * The variables table of a page: builder variable, where it comes from, required, example.
 *
 * @example
 * variablesTable(step.variables).split('\n')[0] // '| Variable | Comes from | Required | Example | What it is |'
 */
export function variablesTable(variables: readonly BuilderVariable[]): string {
  const rows = variables.map((v) => [
    code(v.builder),
    SOURCES[v.source],
    v.required ? 'yes' : 'no',
    v.example === undefined ? '' : code(typeof v.example === 'string' ? v.example : JSON.stringify(v.example)),
    v.description,
  ]);
  return table(['Variable', 'Comes from', 'Required', 'Example', 'What it is'], rows);
}
