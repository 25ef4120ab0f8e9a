/**
 * `npm run bench`: every benchmark, each printed as a ratio against a baseline measured in
 * the same run. Speed targets live here, not in timed unit tests.
 */
import type { BenchReport } from './bench/report.js';

/** The benchmarks, by name, loaded only when run. */
export const BENCHES: Record<string, () => Promise<BenchReport>> = {
  flow: async () => (await import('./bench/flow.js')).benchFlow(),
  preview: async () => (await import('./bench/preview.js')).benchPreview(),
  sync: async () => (await import('./bench/sync.js')).benchSync(),
  'sync-scale': async () => (await import('./bench/sync-scale.js')).benchSyncScale(),
};

/** Runs the named benchmarks (all by default) and prints each report; returns whether all met their goals. */
export async function runBenches(names: string[] = Object.keys(BENCHES)): Promise<boolean> {
  let allOk = true;
  for (const name of names) {
    const bench = BENCHES[name];
    if (!bench) throw new Error(`bench: unknown benchmark ${name}; known: ${Object.keys(BENCHES).join(', ')}`);
    const report = await bench();
    console.log(`\n## ${report.name} ${report.ok ? '(goal met)' : '(GOAL MISSED)'}`);
    for (const line of report.lines) console.log('  ' + line);
    allOk &&= report.ok;
  }
  return allOk;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const ok = await runBenches(process.argv.slice(2).length ? process.argv.slice(2) : undefined);
  process.exitCode = ok ? 0 : 1;
}
