import path from 'node:path';
import { MailerliteStepsError } from '../errors.js';
import { packBundle } from './pack.js';

/** Options of `mailerlite-steps pack`. */
export interface RunPackOptions {
  /** Folder the bundle is written to. */
  out: string;
  /** Plugin folder to pack. Default: this package's own folder. */
  root?: string;
}

/** Where `pack` writes, and the environment it checks for the key. */
export interface PackIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  /** Default: `process.env`. */
  env?: NodeJS.ProcessEnv;
}

/**
 * Runs `mailerlite-steps pack --out DIR` and returns the exit status: 0 when the bundle
 * was written (its path, size and sha256 on stdout), 2 when the pack was refused (each
 * reason with file and JSON Pointer on stderr; a secret's value is never printed) or the
 * file could not be written.
 *
 * @example
 * process.exitCode = await runPack({ out: 'out' }, { stdout: process.stdout, stderr: process.stderr });
 * // out/mailerlite-steps-0.1.0.plugin.json
 * //   size:   48213 bytes
 * //   sha256: 3f1c...
 */
export async function runPack(options: RunPackOptions, io: PackIo): Promise<number> {
  try {
    const result = await packBundle({ outDir: options.out, ...(options.root === undefined ? {} : { root: options.root }), ...(io.env ? { env: io.env } : {}) });
    io.stdout.write(`${shownPath(result.file)}\n  size:   ${result.bytes} bytes\n  sha256: ${result.sha256}\n`);
    return 0;
  } catch (error) {
    if (error instanceof MailerliteStepsError) io.stderr.write(`mailerlite-steps: ${error.message}\n`);
    else io.stderr.write(`mailerlite-steps: pack: cannot write the bundle to ${options.out}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
}

/** A written file's path as the user would type it: relative to the working folder when inside it. */
function shownPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}
