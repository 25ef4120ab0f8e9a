import { MailerliteStepsError, UsageError } from '../../errors.js';
import { isLoopback, parseBaseUrl } from '../../target.js';
import { palette } from '../format/color.js';
import { startWebServer, type WebServerOptions } from './server.js';

/** Where `serve` writes, and what stops it. */
export interface ServeIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  /** Resolves when the server should stop (default: the first SIGINT or SIGTERM). */
  stop?: Promise<unknown>;
}

/** Resolves on the first SIGINT or SIGTERM, then stops listening for them. */
function untilSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const done = (signal: NodeJS.Signals) => {
      process.off('SIGINT', done);
      process.off('SIGTERM', done);
      resolve(signal);
    };
    process.once('SIGINT', done);
    process.once('SIGTERM', done);
  });
}

/**
 * Runs `mailerlite-steps serve [--port 8787] [--target sim|live]`: starts the web
 * harness, prints its URL (and a warning when it sends to live MailerLite or to a
 * `--base-url` that is not a loopback simulator), stays up
 * until SIGINT/SIGTERM, then closes cleanly. Returns the exit code: 0 after a clean
 * stop, 2 for a usage problem (port in use, live without a key), 1 otherwise.
 *
 * @example
 * process.exitCode = await runServe({ port: 8787 }, { stdout: process.stdout, stderr: process.stderr })
 * // mailerlite-steps: web harness at http://127.0.0.1:8787/ (embedded MailerLite simulator at http://127.0.0.1:40123)
 */
export async function runServe(options: WebServerOptions, io: ServeIo): Promise<number> {
  const stop = io.stop ?? untilSignal();
  let web;
  try {
    web = await startWebServer({ ...options, log: options.log ?? ((line) => io.stderr.write(line + '\n')) });
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`mailerlite-steps: ${error.message}\n`);
      return 2;
    }
    io.stderr.write(`mailerlite-steps: ${error instanceof MailerliteStepsError || error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
  // A --base-url off this machine is announced like live: on stderr, in red, before anything is sent.
  if (options.baseUrl !== undefined && !isLoopback(parseBaseUrl(options.baseUrl))) {
    io.stderr.write(palette({ isTTY: 'isTTY' in io.stderr && io.stderr.isTTY === true }, options.env ?? process.env).red(`⚠ sending to ${web.description}`) + '\n');
  }
  io.stdout.write(`mailerlite-steps: web harness at ${web.url}\n  sends to: ${web.description}\n`);
  if (options.target === 'live') io.stdout.write('  WARNING: Send changes real subscribers in your MailerLite account.\n');
  io.stdout.write('  Press Ctrl+C to stop.\n');
  await stop;
  await web.close();
  io.stdout.write('mailerlite-steps: web harness stopped\n');
  return 0;
}
