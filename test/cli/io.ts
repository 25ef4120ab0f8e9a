import { PassThrough, Readable } from 'node:stream';
import type { Io } from '../../plugin/harness/cli/io.js';
import { main } from '../../plugin/harness/cli/main.js';

/** What one CLI run printed and returned. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

function collector(): { stream: PassThrough; text: () => string } {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  return { stream, text: () => Buffer.concat(chunks).toString('utf8') };
}

/** Runs the CLI in-process with in-memory streams (not a TTY, so no colour). */
export async function cli(argv: string[], options: { stdin?: string; env?: NodeJS.ProcessEnv } = {}): Promise<CliRun> {
  const out = collector();
  const err = collector();
  const io: Io = {
    stdout: out.stream,
    stderr: err.stream,
    stdin: Readable.from(options.stdin === undefined ? [] : [options.stdin]),
    env: { PATH: process.env.PATH, ...options.env },
  };
  const code = await main(argv, io);
  return { code, stdout: out.text(), stderr: err.text() };
}
