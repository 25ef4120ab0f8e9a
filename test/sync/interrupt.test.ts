import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startSimulator, type Simulator } from '../../plugin/simulator/index.js';
import { lockFileOf, readJournal, runSync, type SyncOptions, type SyncReport } from '../../plugin/sync/index.js';
import { cli } from '../cli/io.js';
import { startChild, until } from './support/child.js';
import { generateContacts, GROUP_ID, type Generated } from './support/contacts.js';
import { captureIo } from './support/io.js';

let dir: string;
let gen: Generated;
let file: string;
const sims: Simulator[] = [];

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'sync-interrupt-'));
  gen = generateContacts(6000);
  file = path.join(dir, 'optins.csv');
  await writeFile(file, gen.csv);
});
afterAll(async () => {
  await Promise.all(sims.map((s) => s.close()));
  await rm(dir, { recursive: true, force: true });
});

/** A fresh simulator with a two-second minute (6,000 contacts take about three seconds) and options for a run against it. */
async function setUp(name: string): Promise<{ sim: Simulator; options: SyncOptions }> {
  const sim = await startSimulator({ port: 0, seed: gen.seed, minuteMs: 2000 });
  sims.push(sim);
  const options = { file, group: GROUP_ID, baseUrl: sim.url, windowMs: 2000, journal: path.join(dir, `${name}.jsonl`), report: path.join(dir, `${name}.report.json`) };
  return { sim, options };
}

const doneLines = (journal: string): number => (existsSync(journal) ? readFileSync(journal, 'utf8').split('\n').filter((l) => l.startsWith('{"type":"done"')).length : 0);

/** How many times MailerLite received each email in a batch. */
function received(sim: Simulator): Map<string, number> {
  const times = new Map<string, number>();
  for (const entry of sim.journal()) {
    const requests = (entry.body as { requests?: Array<{ body?: { email?: string } }> } | null)?.requests ?? [];
    for (const r of requests) if (r.body?.email) times.set(r.body.email, (times.get(r.body.email) ?? 0) + 1);
  }
  return times;
}

function inGroup(sim: Simulator): string[] {
  return (sim.state.snapshot().new?.subscribers ?? []).filter((s) => s.groups?.includes(GROUP_ID)).map((s) => s.email);
}

describe('Ctrl-C', () => {
  test('stops after the batches in flight, writes the report and prints the exact command that resumes; that command finishes the file', async () => {
    const { sim, options } = await setUp('once');
    const child = startChild('sync-entry.ts', [JSON.stringify(options)]);
    await until(() => doneLines(options.journal!) >= 10, 20_000, 'ten answered batches');
    child.process.kill('SIGINT');
    const { code } = await child.exited;
    expect(code, child.stderr()).toBe(130);

    const command = `mailerlite-steps sync ${file} --group ${GROUP_ID} --base-url ${sim.url} --minute-ms 2000 --journal ${options.journal} --report ${options.report}`;
    expect(child.stderr()).toContain('sync: stopping (Ctrl-C): no new batch goes out; waiting for those in flight (Ctrl-C again stops at once)\n');
    expect(child.stderr().trimEnd().split('\n').slice(-2)).toEqual(['sync: stopped (Ctrl-C); nothing is lost. Resume with:', `  ${command}`]);
    expect(existsSync(lockFileOf(options.journal!))).toBe(false);
    const report = JSON.parse(readFileSync(options.report!, 'utf8')) as SyncReport;
    expect(report.interrupted).toBe(true);
    expect(report.counts.notSent).toBeGreaterThan(0);
    expect(report.counts.created + report.counts.updated + report.counts.cannotResubscribe + report.counts.notSent).toBe(report.counts.contacts);
    // The batches in flight were answered before it stopped.
    expect((await readJournal(options.journal!)).unanswered).toBe(0);

    const resumed = await cli(command.split(' ').slice(1));
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stderr).toContain('(resuming)');
    expect(new Set(inGroup(sim))).toEqual(gen.subscribable);
    expect(Math.max(...received(sim).values())).toBe(1);
  }, 40_000);

  test('twice stops at once; the resume stays exact', async () => {
    const { sim, options } = await setUp('twice');
    const child = startChild('sync-entry.ts', [JSON.stringify(options)]);
    await until(() => doneLines(options.journal!) >= 10, 20_000, 'ten answered batches');
    child.process.kill('SIGINT');
    await until(() => child.stderr().includes('sync: stopping (Ctrl-C)'), 5000, 'the first Ctrl-C to be seen');
    child.process.kill('SIGINT');
    const { code } = await child.exited;
    expect(code).toBe(130);
    expect(child.stderr()).toContain('sync: stopped at once; the batches in flight are sent again on resume. Resume with:\n  mailerlite-steps sync ');
    expect(existsSync(lockFileOf(options.journal!))).toBe(false);

    const afterStop = await readJournal(options.journal!);
    const io = captureIo();
    expect(await runSync(options, io)).toBe(0);
    expect(new Set(inGroup(sim))).toEqual(gen.subscribable);
    for (const [email, times] of received(sim)) if (times > 1) expect(afterStop.inFlight.has(email), `${email} sent again after a recorded answer`).toBe(true);
  }, 40_000);
});

describe('one sync per journal', () => {
  test('a second run on a journal in use exits 2 naming the process that holds it, and sends nothing', async () => {
    const { sim, options } = await setUp('two');
    const first = startChild('sync-entry.ts', [JSON.stringify(options)]);
    await until(() => doneLines(options.journal!) >= 2, 20_000, 'the first run to send');
    const batchesBefore = sim.journal().filter((e) => e.path === '/api/batch').length;
    const io = captureIo();
    const code = await runSync({ ...options, report: path.join(dir, 'two-second.report.json') }, io);
    expect(code).toBe(2);
    expect(io.stderr.text).toMatch(
      new RegExp(`^mailerlite-steps: --journal ${options.journal}: another sync is using it \\(process ${first.process.pid}, started \\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z\\); wait for it to finish or stop it`),
    );
    expect(io.stdout.text).toBe('');
    first.process.kill('SIGINT');
    await first.exited;
    // Only the first run's batches reached MailerLite while both were running.
    const sentByFirst = (await readJournal(options.journal!)).lastBatch;
    expect(sim.journal().filter((e) => e.path === '/api/batch').length).toBe(sentByFirst);
    expect(sentByFirst).toBeGreaterThanOrEqual(batchesBefore);
  }, 40_000);
});
