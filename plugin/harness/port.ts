import { UsageError } from '../errors.js';

/**
 * Reads a `--port` value: a whole number from 0 to 65535 (0 picks a free port), else a
 * UsageError with an example.
 *
 * @example
 * parsePort('8787')  // 8787
 * parsePort('99999') // UsageError: --port 99999: expected a whole number from 0 to 65535, e.g. --port 8787
 */
export function parsePort(text: string | number, example = 8787): number {
  const port = typeof text === 'number' ? text : /^\d+$/.test(text.trim()) ? Number(text) : NaN;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port ${text}: expected a whole number from 0 to 65535, e.g. --port ${example}`);
  return port;
}

/**
 * The usage error for a port a server could not listen on (in use, or privileged), or
 * undefined for any other failure.
 *
 * @example
 * listenProblem(Object.assign(new Error('listen EADDRINUSE'), { code: 'EADDRINUSE' }), 9090)
 * // UsageError: port 9090 on 127.0.0.1 is in use: pick another with --port (0 picks a free one)
 */
export function listenProblem(error: unknown, port: number): UsageError | undefined {
  const code = error instanceof Error ? (error as NodeJS.ErrnoException).code : undefined;
  if (code === 'EADDRINUSE') return new UsageError(`port ${port} on 127.0.0.1 is in use: pick another with --port (0 picks a free one)`);
  if (code === 'EACCES') return new UsageError(`port ${port} needs privileges: pick one above 1023 with --port`);
  return undefined;
}
