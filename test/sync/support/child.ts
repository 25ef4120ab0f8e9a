import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { packageRoot } from '../../../plugin/paths.js';

/** A TypeScript entry of test/sync/support running in a node process of its own (one process: signals reach it directly). */
export interface Child {
  process: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Exit code and signal. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * Starts `node --import tsx test/sync/support/<entry> ...args`.
 *
 * @example
 * const child = startChild('sync-entry.ts', [JSON.stringify(options)]); await child.exited;
 */
export function startChild(entry: string, args: string[]): Child {
  const proc = spawn(process.execPath, ['--import', 'tsx', path.join(packageRoot(), 'test', 'sync', 'support', entry), ...args], {
    cwd: packageRoot(),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  proc.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  proc.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => proc.on('exit', (code, signal) => resolve({ code, signal })));
  return { process: proc, stdout: () => out, stderr: () => err, exited };
}

/**
 * Waits until `ready()` holds, polling every few milliseconds; fails after `ms`.
 *
 * @example
 * await until(() => existsSync(lockFile), 10_000, 'the lock file');
 */
export async function until(ready: () => boolean, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms;
  while (!ready()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
