/**
 * One thing wrong with a declaration file, located precisely enough to fix it.
 *
 * @example
 * { file: 'templates/steps/new/subscriber-lookup.json', pointer: '/request/headers/Authorization',
 *   rule: 'secrets-only-in-headers', message: '...', expected: '...', example: '...' }
 */
export interface Problem {
  /** File path relative to the plugin root. */
  file: string;
  /** JSON Pointer to the value at fault ('' for the whole file). */
  pointer: string;
  /** Name of the rule that found it (`schema` for JSON Schema errors). */
  rule: string;
  /** What is wrong. */
  message: string;
  /** What was expected instead. */
  expected?: string;
  /** An example of the valid form. */
  example?: string;
}

/** Escapes one JSON Pointer reference token (RFC 6901). */
export function pointerToken(token: string | number): string {
  return String(token).replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Builds a JSON Pointer from reference tokens. */
export function pointer(...tokens: Array<string | number>): string {
  return tokens.map((t) => '/' + pointerToken(t)).join('');
}

/** Formats a problem as the lines `validate` prints. */
export function formatProblem(problem: Problem): string {
  const lines = [`${problem.file}${problem.pointer ? ' at ' + problem.pointer : ''}: ${problem.message} [${problem.rule}]`];
  if (problem.expected) lines.push(`  expected: ${problem.expected}`);
  if (problem.example) lines.push(`  example:  ${problem.example}`);
  return lines.join('\n');
}
