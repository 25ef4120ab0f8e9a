/**
 * Sync at scale (benchmark 4): a million rows (3% repeated emails, 1% unusable ones)
 * planned and sent to the simulator, each run in a node process of its own so its peak
 * memory (`process.resourceUsage().maxRSS`) is the sync's alone. Goal: at most 256 MB,
 * whatever the size of the file. The sync runs compiled, as users run it (the sources are
 * compiled into node_modules/.cache first: a TypeScript loader would add its own 35 MB),
 * with node's default flags. The simulator runs in this process, with a short rate-limit
 * minute so the 20,000 batches take about two minutes; the report is checked against
 * what the file holds.
 *
 * The classic API by default: the simulator answers the new API's count
 * (`GET /subscribers?limit=0`, the read-only item of every batch) by sorting every
 * subscriber after each write, so a million contacts take a quarter of an hour there
 * (`npx tsx scripts/bench/sync-scale.ts 1000000 new` runs it). The sync's memory is the
 * same code either way.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { packageRoot } from '../../plugin/paths.js';
import { startSimulator, type Simulator } from '../../plugin/simulator/index.js';
import type { ApiVersion } from '../../plugin/catalog.js';
import type { SyncOptions, SyncReport } from '../../plugin/sync/index.js';
import type { BenchReport } from './report.js';
import { writeRows, type GeneratedRows } from './sync-rows.js';

const GOAL_MB = 256;
/** The default seed's group, by API. */
const GROUP_ID: Record<ApiVersion, string> = { new: '123456789', classic: '3640549' };

/**
 * Compiles the sources (plugin/ and scripts/, as `npm run build` does) into
 * node_modules/.cache/mailerlite-steps-bench and returns the compiled child entry. Type
 * errors elsewhere in the tree do not stop the emit; a missing entry does.
 */
function compile(): string {
  const out = path.join(packageRoot(), 'node_modules', '.cache', 'mailerlite-steps-bench');
  const tsc = path.join(packageRoot(), 'node_modules', 'typescript', 'bin', 'tsc');
  const result = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json', '--outDir', out, '--declaration', 'false', '--sourceMap', 'false'], { cwd: packageRoot(), encoding: 'utf8' });
  const entry = path.join(out, 'scripts', 'bench', 'sync-child.js');
  if (!existsSync(entry)) throw new Error(`bench: compiling the sources did not give ${entry}:\n${result.stdout}${result.stderr}`);
  return entry;
}

/** What one child process did. */
interface ChildRun {
  code: number;
  peakMb: number;
  seconds: number;
  stdout: string;
}

/** Runs one sync (or, with `file: '--idle'`, only loads the code) in a child process; an exit status other than 0 throws with its output. */
async function child(entry: string, options: SyncOptions, resultFile: string): Promise<ChildRun> {
  const started = performance.now();
  const proc = spawn(process.execPath, [entry, JSON.stringify(options), resultFile], { cwd: packageRoot(), stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  proc.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  // Progress lines, notes and errors: the last few are enough to say what went wrong.
  proc.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  const exit = await new Promise<number>((resolve) => proc.on('exit', (code) => resolve(code ?? -1)));
  const result = JSON.parse(await readFile(resultFile, 'utf8').catch(() => '{}')) as { code?: number; maxRssKb?: number };
  const code = result.code ?? exit;
  if (result.maxRssKb === undefined || (code !== 0 && options.file !== '--idle')) {
    throw new Error(`bench: the sync process exited ${code}:\n${stdout}${stderr}`);
  }
  return { code, peakMb: result.maxRssKb / 1024, seconds: (performance.now() - started) / 1000, stdout };
}

/** What is wrong with a report of the generated file (empty when nothing). */
function check(report: SyncReport, rows: GeneratedRows, inGroup: number): string[] {
  const c = report.counts;
  const wrong: string[] = [];
  const expect = (what: string, got: number, want: number) => got !== want && wrong.push(`${what}: ${got}, expected ${want}`);
  expect('rows', c.rows, rows.rows);
  expect('contacts', c.contacts, rows.contacts);
  expect('duplicate rows', c.duplicateRows, rows.duplicateRows);
  expect('invalid rows', c.invalidRows, rows.invalidRows);
  expect('created + updated', c.created + c.updated, rows.contacts);
  expect('failed + not sent', c.failed + c.notSent, 0);
  expect('problems listed', report.problems.length, rows.invalidRows);
  expect('warnings listed', report.warnings.length, rows.warnings);
  expect('duplicates listed', report.duplicates.length, rows.duplicateRows);
  expect('subscribers in the group', inGroup, rows.contacts);
  return wrong;
}

/**
 * Generates the file, measures a process that only loads the code, a dry run and a full
 * run, and reports the peak memory of each against the goal.
 *
 * @example
 * const report = await benchSyncScale(); console.log(report.lines.join('\n'))
 */
export async function benchSyncScale(rows = 1_000_000, api: ApiVersion = 'classic', minuteMs = api === 'new' ? 240 : 120): Promise<BenchReport> {
  const entry = compile();
  const dir = await mkdtemp(path.join(tmpdir(), 'bench-sync-scale-'));
  const sim = await startSimulator({ port: 0, minuteMs, journalLimit: 20 });
  try {
    const file = path.join(dir, 'optins.csv');
    const generated = await writeRows(file, rows);
    const base: SyncOptions = { file, group: GROUP_ID[api], api, baseUrl: sim.url, windowMs: minuteMs };
    const idle = await child(entry, { ...base, file: '--idle' }, path.join(dir, 'idle.json'));
    const dry = await child(entry, { ...base, dryRun: true }, path.join(dir, 'dry.json'));
    const reportFile = path.join(dir, 'report.json');
    const journal = path.join(dir, 'journal.jsonl');
    const full = await child(entry, { ...base, journal, report: reportFile }, path.join(dir, 'full.json'));
    const report = JSON.parse(await readFile(reportFile, 'utf8')) as SyncReport;
    const inGroup = groupSize(sim.state.snapshot(), api, GROUP_ID[api]);
    const wrong = check(report, generated, inGroup);
    const journalBytes = (await stat(journal)).size;
    const peak = Math.max(dry.peakMb, full.peakMb);
    const f = (n: number) => Math.round(n).toLocaleString('en-US');
    const mb = (n: number) => `${n.toFixed(0)} MB`;
    return {
      name: 'sync at scale',
      lines: [
        `${f(rows)} rows (${f(generated.duplicateRows)} repeated emails, ${f(generated.invalidRows)} unusable): ${f(report.counts.contacts)} contacts, ` +
          `${f(report.requests.batches)} batch requests (${api} API), a simulated minute of ${f(minuteMs)} ms`,
        `peak memory, dry run:  ${mb(dry.peakMb)} in ${dry.seconds.toFixed(1)} s (goal: at most ${GOAL_MB} MB)`,
        `peak memory, full run: ${mb(full.peakMb)} in ${full.seconds.toFixed(1)} s (goal: at most ${GOAL_MB} MB)`,
        `the same process only loading the code: ${mb(idle.peakMb)} (node ${process.version}, default flags)`,
        `journal: ${(journalBytes / 1024 / 1024).toFixed(1)} MB, ${f(journalBytes / Math.max(1, report.requests.batches))} bytes per batch (a "sent" and a "done" line each)`,
        wrong.length === 0
          ? `report checked: ${f(report.counts.created + report.counts.updated)} in the group, ${f(report.problems.length)} invalid rows and ${f(report.warnings.length)} warnings with their lines, ${f(report.duplicates.length)} repeated emails`
          : `REPORT WRONG: ${wrong.join('; ')}`,
      ],
      ratio: Number((peak / GOAL_MB).toFixed(3)),
      goal: 1,
      ok: peak <= GOAL_MB && wrong.length === 0,
    };
  } finally {
    await sim.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/** Subscribers in a group of the simulator's state. */
function groupSize(state: ReturnType<Simulator['state']['snapshot']>, api: ApiVersion, group: string): number {
  if (api === 'new') return (state.new?.subscribers ?? []).filter((s) => s.groups?.includes(group)).length;
  return (state.classic?.subscribers ?? []).filter((s) => s.groups?.some((g) => String(g) === group)).length;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [rows = '1000000', api = 'classic', minute] = process.argv.slice(2);
  const report = await benchSyncScale(Number(rows), api === 'new' ? 'new' : 'classic', minute === undefined ? undefined : Number(minute));
  console.log(report.lines.join('\n'));
}
