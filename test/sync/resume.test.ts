import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { packageRoot } from '../../plugin/paths.js';
import { startSimulator, type Simulator } from '../../plugin/simulator/index.js';
import { hostname } from 'node:os';
import { lockFileOf, readJournal, runSync, type JournalState, type SyncOptions, type SyncReport } from '../../plugin/sync/index.js';
import { generateContacts, GROUP_ID, type Generated } from './support/contacts.js';
import { captureIo } from './support/io.js';

const KILL_AFTER_DONE_BATCHES = 25;

let dir: string;
let sim: Simulator;
let gen: Generated;
let options: SyncOptions;
let afterKill: JournalState;
let killed: { signal: NodeJS.Signals | null; doneLines: number };
/** The lock file as the killed run left it. */
let leftLock: { pid: number; host: string; startedAt: string } | undefined;

/** `done` lines in the journal so far (0 while it does not exist). */
function doneLines(file: string): number {
  if (!existsSync(file)) return 0;
  return readFileSync(file, 'utf8').split('\n').filter((l) => l.startsWith('{"type":"done"')).length;
}

/**
 * Runs the sync in a child process (`npx tsx`, in its own process group) and SIGKILLs the
 * whole group once `after` batches are answered: npx and tsx each start a process, and the
 * one doing the work must die too.
 */
function runAndKill(after: number): Promise<{ signal: NodeJS.Signals | null; doneLines: number }> {
  const entry = path.join(packageRoot(), 'test', 'sync', 'support', 'sync-entry.ts');
  const child = spawn('npx', ['tsx', entry, JSON.stringify(options)], { cwd: packageRoot(), stdio: ['ignore', 'ignore', 'pipe'], detached: true });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    const timer = setInterval(() => {
      if (doneLines(options.journal!) >= after) {
        clearInterval(timer);
        process.kill(-child.pid!, 'SIGKILL');
      }
    }, 2);
    child.on('exit', (code, signal) => {
      clearInterval(timer);
      if (signal === 'SIGKILL') resolve({ signal, doneLines: doneLines(options.journal!) });
      else reject(new Error(`the sync ended by itself (exit ${code}) before it was killed:\n${stderr}`));
    });
  });
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'sync-resume-'));
  gen = generateContacts(8_000);
  await writeFile(path.join(dir, 'optins.csv'), gen.csv);
  sim = await startSimulator({ port: 0, seed: gen.seed, minuteMs: 2000 });
  options = {
    file: path.join(dir, 'optins.csv'),
    group: GROUP_ID,
    baseUrl: sim.url,
    windowMs: 2000,
    journal: path.join(dir, 'journal.jsonl'),
    report: path.join(dir, 'report.json'),
    concurrency: 4,
  };
  killed = await runAndKill(KILL_AFTER_DONE_BATCHES);
  leftLock = existsSync(lockFileOf(options.journal!)) ? (JSON.parse(readFileSync(lockFileOf(options.journal!), 'utf8')) as typeof leftLock) : undefined;
  afterKill = await readJournal(options.journal!);
}, 40_000);

afterAll(async () => {
  await sim?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('a sync killed with SIGKILL mid-run resumes from its journal', () => {
  test('the kill landed mid-run', () => {
    expect(killed.signal).toBe('SIGKILL');
    expect(afterKill.settled.size).toBeGreaterThanOrEqual(KILL_AFTER_DONE_BATCHES * 49 - 49);
    expect(afterKill.settled.size).toBeLessThan(gen.subscribable.size);
  });

  test('the killed run left its lock behind, naming itself', () => {
    expect(leftLock).toMatchObject({ host: hostname() });
    expect(leftLock!.pid).not.toBe(process.pid);
  });

  test('resuming takes the dead run\'s lock over and finishes the file: every subscribable contact in the group once, never re-sent after a recorded result', async () => {
    const io = captureIo();
    const code = await runSync(options, io);
    expect(io.stderr.text).toContain('(resuming)');
    expect(code).toBe(0);
    expect(existsSync(lockFileOf(options.journal!))).toBe(false);

    const report = JSON.parse(await readFile(options.report!, 'utf8')) as SyncReport;
    expect(report.counts).toMatchObject({ contacts: gen.subscribable.size + gen.unsubscribed.size, cannotResubscribe: gen.unsubscribed.size, failed: 0, notSent: 0 });
    expect(report.counts.created + report.counts.updated).toBe(gen.subscribable.size);
    expect(report.counts.fromJournal).toBe(afterKill.settled.size);

    const subscribers = sim.state.snapshot().new?.subscribers ?? [];
    const inGroup = subscribers.filter((s) => s.groups?.includes(GROUP_ID)).map((s) => s.email);
    expect(new Set(inGroup).size).toBe(inGroup.length);
    expect(new Set(inGroup)).toEqual(gen.subscribable);

    // How often MailerLite received each email: once, except the contacts whose batch was
    // in flight (sent, no recorded answer) when the process died: those may arrive twice.
    const received = new Map<string, number>();
    for (const entry of sim.journal()) {
      const requests = (entry.body as { requests?: Array<{ body?: { email?: string } }> } | null)?.requests ?? [];
      for (const r of requests) if (r.body?.email) received.set(r.body.email, (received.get(r.body.email) ?? 0) + 1);
    }
    const twice = [...received].filter(([, n]) => n > 1).map(([email]) => email);
    for (const email of twice) expect(afterKill.inFlight.has(email), `${email} was sent again after a recorded result`).toBe(true);
    expect(Math.max(...received.values())).toBeLessThanOrEqual(2);
    expect(received.size).toBe(gen.subscribable.size + gen.unsubscribed.size);
  }, 20_000);

  test('running again with the finished journal sends nothing', async () => {
    const before = sim.journal().length;
    const io = captureIo();
    expect(await runSync(options, io)).toBe(0);
    expect(sim.journal().slice(before).map((e) => `${e.method} ${e.path}`)).toEqual(['GET /api/groups']);
    expect(io.stdout.lines()[2]).toMatch(/^ {2}created [\d,]+ · updated [\d,]+ · cannot re-subscribe [\d,]+ · invalid 0 · failed 0 \([\d,]+ from the journal\)$/);
  });

  test('a journal refuses another target', async () => {
    const io = captureIo();
    const other = await startSimulator({ port: 0, seed: gen.seed });
    try {
      expect(await runSync({ ...options, baseUrl: other.url }, io)).toBe(2);
    } finally {
      await other.close();
    }
    expect(io.stderr.text).toBe(
      `mailerlite-steps: --journal ${options.journal}: it records a sync to ${sim.url}, not ${other.url}; resume against the same target, or use a new journal file\n`,
    );
  });

  test('a journal refuses another input file', async () => {
    const other = path.join(dir, 'other.csv');
    await writeFile(other, 'email\npriya@example.com\n');
    const io = captureIo();
    const code = await runSync({ ...options, file: other }, io);
    expect(code).toBe(2);
    expect(io.stderr.text).toMatch(/^mailerlite-steps: --journal .*journal\.jsonl: it belongs to another input \(sha256 [0-9a-f]{12}… of .*optins\.csv; this file is [0-9a-f]{12}…\)/);
  });
});
