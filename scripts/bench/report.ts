/**
 * What one benchmark reports: its name, human-readable lines, the measured ratio to its
 * baseline, the goal that ratio must stay under, and whether it did.
 *
 * @example
 * const report: BenchReport = { name: 'engine', lines: ['lookup: 1.2x'], ratio: 1.2, goal: 1.5, ok: true };
 */
export interface BenchReport {
  name: string;
  lines: string[];
  ratio: number;
  goal: number;
  ok: boolean;
}

/**
 * The median of a non-empty list of numbers.
 *
 * @example
 * median([3, 1, 2]) // 2
 */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
