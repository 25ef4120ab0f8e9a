/**
 * Markdown inline code for any text: the fence is one backtick longer than the longest run
 * of backticks inside, with a space of padding when the text starts or ends with one, so a
 * JMESPath literal such as `` `[]` `` survives.
 *
 * @example
 * code('data.id')        // '`data.id`'
 * code('a || `[]`')      // '`` a || `[]` ``'
 */
export function code(text: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = longest > 0 ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}
