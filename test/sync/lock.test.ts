import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { UsageError } from '../../plugin/errors.js';
import { acquireJournalLock, lockFileOf } from '../../plugin/sync/index.js';
import { startChild } from './support/child.js';

let dir: string;
let n = 0;
const journal = () => path.join(dir, `j${++n}.jsonl`);

/** The pid of a process that has exited (and been reaped). */
async function deadPid(): Promise<number> {
  const child = startChild('lock-entry.ts', [path.join(dir, 'unused.jsonl'), '0']);
  await child.exited;
  return child.process.pid!;
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'sync-lock-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('one sync per journal', () => {
  test('the lock names its holder; a second taker is refused with who holds it; release frees it', () => {
    const file = journal();
    const now = new Date();
    const lock = acquireJournalLock(file, now);
    expect(JSON.parse(readFileSync(lockFileOf(file), 'utf8'))).toEqual({ pid: process.pid, host: hostname(), startedAt: now.toISOString() });
    const refused = (() => {
      try {
        acquireJournalLock(file);
      } catch (error) {
        return error;
      }
    })();
    expect(refused).toBeInstanceOf(UsageError);
    expect((refused as Error).message).toBe(
      `--journal ${file}: another sync is using it (process ${process.pid}, started ${now.toISOString()}); ` +
        `wait for it to finish or stop it, then run this again (it resumes). If that run is over, delete ${file}.lock`,
    );
    lock.release();
    expect(existsSync(lockFileOf(file))).toBe(false);
    acquireJournalLock(file).release();
  });

  test.runIf(process.platform === 'linux')('a lock naming a pid that now belongs to a process started after it was written is taken over (the pid was reused)', () => {
    const file = journal();
    // A lock written an hour ago naming this process's pid: this process started after it, so it is another one.
    const lock = acquireJournalLock(file, new Date(Date.now() - 3_600_000));
    const second = acquireJournalLock(file);
    expect(JSON.parse(readFileSync(lockFileOf(file), 'utf8')).startedAt).not.toBe(lock.holder.startedAt);
    second.release();
  });

  test('a lock left by a process that is gone is taken over', async () => {
    const file = journal();
    const pid = await deadPid();
    await writeFile(lockFileOf(file), JSON.stringify({ pid, host: hostname(), startedAt: '2026-01-05T14:30:00.000Z' }) + '\n');
    const lock = acquireJournalLock(file);
    expect(JSON.parse(readFileSync(lockFileOf(file), 'utf8')).pid).toBe(process.pid);
    lock.release();
  });

  test('a lock held on another host is refused: its process cannot be checked from here', async () => {
    const file = journal();
    await writeFile(lockFileOf(file), JSON.stringify({ pid: 1, host: 'laptop-7', startedAt: '2026-01-05T14:30:00.000Z' }) + '\n');
    expect(() => acquireJournalLock(file)).toThrow(`another sync is using it (process 1 on laptop-7, started 2026-01-05T14:30:00.000Z)`);
  });

  test('a lock file left empty by a run killed while creating it is taken over once it is old', async () => {
    const file = journal();
    await writeFile(lockFileOf(file), '');
    const old = new Date(Date.now() - 60_000);
    await utimes(lockFileOf(file), old, old);
    const lock = acquireJournalLock(file);
    expect(JSON.parse(readFileSync(lockFileOf(file), 'utf8')).pid).toBe(process.pid);
    lock.release();
  });

  test('release leaves a lock that another run took meanwhile', async () => {
    const file = journal();
    const lock = acquireJournalLock(file);
    const other = JSON.stringify({ pid: 1, host: 'laptop-7', startedAt: '2026-01-05T14:30:00.000Z' }) + '\n';
    await writeFile(lockFileOf(file), other);
    lock.release();
    expect(readFileSync(lockFileOf(file), 'utf8')).toBe(other);
  });

  test('processes racing for a dead lock: exactly one takes it', async () => {
    for (let round = 0; round < 3; round++) {
      const file = journal();
      await writeFile(lockFileOf(file), JSON.stringify({ pid: await deadPid(), host: hostname(), startedAt: '2026-01-05T14:30:00.000Z' }) + '\n');
      const racers = Array.from({ length: 4 }, () => startChild('lock-entry.ts', [file, '3000']));
      await Promise.all(racers.map((r) => r.exited));
      const answers = racers.map((r) => r.stdout().trim());
      expect(answers.filter((a) => a === 'took'), answers.join('\n')).toHaveLength(1);
      for (const answer of answers.filter((a) => a !== 'took')) expect(answer).toMatch(/^refused: --journal .*: another sync is using it \(process \d+, started /);
      expect(existsSync(lockFileOf(file))).toBe(false);
      expect(existsSync(`${lockFileOf(file)}.takeover`)).toBe(false);
    }
  }, 60_000);
});
