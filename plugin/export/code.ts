/**
 * Markdown inline code for any text: the fence is one backtick longer than the longest run
 * of backticks inside, padded with a space when there is one, so a reply or question
 * holding a backtick survives.
 *
 * @example
 * code('data.id')        // '`data.id`'
 * code('say `JOIN`')     // '`` say `JOIN` ``'
 */
export function code(text: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = longest > 0 ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}
