import type { Problem } from '../declarations/problem.js';

/**
 * Problems in a stable order: by file, then by JSON Pointer (array indexes compared as
 * numbers, so `/outcomes/2` comes before `/outcomes/10`), then by rule and message.
 *
 * @example
 * sortProblems([{ file: 'b.json', pointer: '', rule: 'x', message: '' }, { file: 'a.json', pointer: '/id', rule: 'x', message: '' }])
 * // a.json first
 */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) => compareText(a.file, b.file) || comparePointers(a.pointer, b.pointer) || compareText(a.rule, b.rule) || compareText(a.message, b.message),
  );
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function comparePointers(a: string, b: string): number {
  const left = a.split('/');
  const right = b.split('/');
  for (let i = 0; i < Math.min(left.length, right.length); i += 1) {
    const x = left[i] ?? '';
    const y = right[i] ?? '';
    if (x === y) continue;
    if (/^\d+$/.test(x) && /^\d+$/.test(y)) return Number(x) - Number(y);
    return compareText(x, y);
  }
  return left.length - right.length;
}
