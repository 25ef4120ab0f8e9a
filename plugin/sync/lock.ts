import { closeSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { UsageError } from '../errors.js';

/** Who holds a journal: written into its lock file. */
export interface LockHolder {
  pid: number;
  host: string;
  /** ISO time the run started. */
  startedAt: string;
}

/** A held lock: release it when the run ends. */
export interface JournalLock {
  readonly file: string;
  readonly holder: LockHolder;
  /** Removes the lock file (only if it is still this run's). */
  release(): void;
}

/**
 * The lock file of a journal.
 *
 * @example
 * lockFileOf('optins.journal.jsonl') // 'optins.journal.jsonl.lock'
 */
export const lockFileOf = (journal: string): string => `${journal}.lock`;

/**
 * Holds a journal for one run: creates `<journal>.lock` with O_EXCL, holding the pid, host
 * and start time. A lock whose process is gone (on this host, its pid is not alive) is
 * taken over: under a second O_EXCL file (`<journal>.lock.takeover`), so that two runs
 * finding the same dead lock cannot both take it, the dead lock is checked again,
 * removed, and created anew. A live holder, or one on another host (whose pid cannot be
 * checked from here), is a UsageError naming it.
 *
 * @example
 * const lock = acquireJournalLock('optins.journal.jsonl'); try { ... } finally { lock.release() }
 */
export function acquireJournalLock(journal: string, now: Date = new Date()): JournalLock {
  const file = lockFileOf(journal);
  const holder: LockHolder = { pid: process.pid, host: hostname(), startedAt: now.toISOString() };
  const text = JSON.stringify(holder) + '\n';
  for (let attempt = 0; attempt < 100; attempt++) {
    if (create(file, text, journal)) return held(file, holder, text);
    const found = readLock(file);
    if (found === 'gone') continue;
    const other = found.holder;
    if (other && (other.host !== holder.host || alive(other))) throw new UsageError(heldBy(journal, file, other, holder.host));
    // Unreadable and recent: its creator is still writing it.
    if (!other && found.ageMs < UNFINISHED_MS) pause(20);
    else takeOver(file, found.text, journal);
  }
  throw new UsageError(`--journal ${journal}: could not take its lock ${file} (other runs keep taking it); try again`);
}

/** A lock file that stays unreadable this long was left by a run killed while creating it. */
const UNFINISHED_MS = 2000;

/** Creates the lock file if there is none; false when one exists. */
function create(file: string, text: string, journal: string): boolean {
  let fd: number;
  try {
    fd = openSync(file, 'wx');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    throw new UsageError(`--journal ${journal}: cannot create its lock file ${file} (${code ?? String(error)})`);
  }
  try {
    writeSync(fd, text);
  } finally {
    closeSync(fd);
  }
  return true;
}

/** A lock file's text, the holder it names (absent when unreadable) and its age; `gone` when it vanished meanwhile. */
function readLock(file: string): { text: string; holder?: LockHolder; ageMs: number } | 'gone' {
  let text: string;
  let ageMs: number;
  try {
    ageMs = Date.now() - statSync(file).mtimeMs;
    text = readFileSync(file, 'utf8');
  } catch {
    return 'gone';
  }
  try {
    const value = JSON.parse(text) as Partial<LockHolder> | null;
    if (value && typeof value.pid === 'number' && typeof value.host === 'string' && typeof value.startedAt === 'string') {
      return { text, holder: { pid: value.pid, host: value.host, startedAt: value.startedAt }, ageMs };
    }
  } catch {
    // unreadable: see the caller
  }
  return { text, ageMs };
}

/**
 * True when the holder's process still runs on this host (EPERM: it exists, run by someone
 * else). On Linux, a zombie (killed, not yet reaped) is not running, and a pid reused by a
 * process started after the lock was written does not count.
 */
function alive(holder: LockHolder): boolean {
  const { pid } = holder;
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const proc = procStat(pid);
  if (!proc) return true;
  const locked = Date.parse(holder.startedAt);
  return proc.state !== 'Z' && proc.state !== 'X' && (Number.isNaN(locked) || proc.startedMs <= locked + 2000);
}

/** A process's state letter and start time (epoch ms), from /proc on Linux; undefined elsewhere. */
function procStat(pid: number): { state: string; startedMs: number } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // After "pid (name) ": state is field 3, start time (clock ticks since boot) field 22.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[19]);
    const boot = Number(/^btime (\d+)$/m.exec(readFileSync('/proc/stat', 'utf8'))?.[1]);
    // Clock ticks are 1/100 s on Linux (USER_HZ).
    if (!fields[0] || !Number.isFinite(ticks) || !Number.isFinite(boot) || boot <= 0) return undefined;
    return { state: fields[0], startedMs: boot * 1000 + ticks * 10 };
  } catch {
    return undefined;
  }
}

/**
 * Removes a dead holder's lock: under the takeover file, so that only one run does it, and
 * only if the lock still holds the text judged dead (not a lock another run just created).
 */
function takeOver(file: string, deadText: string, journal: string): void {
  const guard = `${file}.takeover`;
  const mine = JSON.stringify({ pid: process.pid, host: hostname(), startedAt: new Date().toISOString() }) + '\n';
  if (!create(guard, mine, journal)) {
    const other = readLock(guard);
    // A run killed in the moment it held the guard left it behind: clear it, then retry.
    if (other !== 'gone' && (other.holder ? other.holder.host === hostname() && !alive(other.holder) : other.ageMs >= UNFINISHED_MS)) removeIf(guard, other.text);
    else pause(20);
    return;
  }
  try {
    removeIf(file, deadText);
  } finally {
    removeIf(guard, mine);
  }
}

/** Deletes a file if it still holds exactly `expected`. */
function removeIf(file: string, expected: string): void {
  try {
    if (readFileSync(file, 'utf8') === expected) unlinkSync(file);
  } catch {
    // gone already
  }
}

function held(file: string, holder: LockHolder, text: string): JournalLock {
  let released = false;
  return {
    file,
    holder,
    release() {
      if (released) return;
      released = true;
      removeIf(file, text);
    },
  };
}

function heldBy(journal: string, file: string, other: LockHolder, host: string): string {
  const where = other.host === host ? `process ${other.pid}` : `process ${other.pid} on ${other.host}`;
  return (
    `--journal ${journal}: another sync is using it (${where}, started ${other.startedAt}); ` +
    `wait for it to finish or stop it, then run this again (it resumes). If that run is over, delete ${file}`
  );
}

/** Waits a little without returning to the event loop (the lock is taken before anything runs). */
function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
