/**
 * Cold start of `mailerlite-steps preview` as a ratio to `node -e 0`, both measured in
 * the same run (goal at most 2x). Needs the compiled CLI (`npm run build`).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { packageRoot } from '../../plugin/paths.js';
import type { BenchReport } from './report.js';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function timeRuns(args: string[], runs: number): number[] {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = process.hrtime.bigint();
    const result = spawnSync(process.execPath, args, { stdio: 'pipe', env: { ...process.env, NO_COLOR: '1' } });
    if (result.status !== 0) throw new Error(`bench: ${args.join(' ')} exited ${result.status}: ${result.stderr.toString()}`);
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return times;
}

/**
 * Measures both commands `runs` times, interleaved after a warm-up, and reports medians.
 *
 * @example
 * const report = await benchPreview(15); console.log(report.lines.join('\n'))
 */
export async function benchPreview(runs = 15): Promise<BenchReport> {
  const bin = path.join(packageRoot(), 'bin', 'mailerlite-steps.js');
  if (!existsSync(path.join(packageRoot(), 'dist', 'plugin', 'harness', 'cli', 'main.js'))) {
    throw new Error('bench: the CLI is not built; run `npm run build` first');
  }
  const preview = [bin, 'preview', 'mailerlite.subscriber.upsert', '--var', 'customer_email=priya@example.com', '--var', 'customer_name=Priya Sharma', '--set', 'group_id=123456789', '--format', 'curl'];
  timeRuns(['-e', '0'], 2);
  timeRuns(preview, 2);
  const baseline: number[] = [];
  const measured: number[] = [];
  for (let i = 0; i < runs; i++) {
    baseline.push(...timeRuns(['-e', '0'], 1));
    measured.push(...timeRuns(preview, 1));
  }
  const ratio = median(measured) / median(baseline);
  const goal = 2;
  return {
    name: 'preview cold start',
    lines: [
      `node -e 0:                 ${median(baseline).toFixed(1)} ms (median of ${runs})`,
      `mailerlite-steps preview:  ${median(measured).toFixed(1)} ms (median of ${runs})`,
      `ratio:                     ${ratio.toFixed(2)}x (goal ≤ ${goal}x)`,
    ],
    ratio,
    goal,
    ok: ratio <= goal,
  };
}
