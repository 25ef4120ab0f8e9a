import { redactingStream, type Secret } from '../../redact.js';

/** The streams and environment a command uses (tests pass their own). */
export interface Io {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
}

/** Writes lines to a stream. */
export function writeLines(stream: NodeJS.WritableStream, lines: readonly string[]): void {
  if (lines.length > 0) stream.write(lines.join('\n') + '\n');
}

/** The process's own streams and environment. */
export function processIo(): Io {
  return { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env };
}

/**
 * The same Io with the secrets redacted from everything written to stdout and stderr:
 * what a command prints once it holds a key (`run`, `chat`), even when a server echoes it.
 *
 * @example
 * const shown = redactedIo(io, targetSecrets(target))
 */
export function redactedIo(io: Io, secrets: readonly Secret[]): Io {
  return { ...io, stdout: redactingStream(io.stdout, secrets), stderr: redactingStream(io.stderr, secrets) };
}
