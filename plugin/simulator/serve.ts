import { DEFAULT_RATE_LIMITS } from './rate-limit.js';
import { DEFAULT_SEED } from './seed/scenarios.js';
import { loadSeedFile } from './seed/validate.js';
import { startSimulator, type Simulator } from './server.js';
import { DEFAULT_SIM_KEYS } from './types.js';

/** Options of the `mailerlite-steps sim` command. */
export interface ServeOptions {
  /** Port on 127.0.0.1 (default 9090; 0 picks a free one). */
  port?: number;
  /** Seed file (JSON, see docs/simulator.md); default: the built-in seed. */
  seedFile?: string;
  /** New-API key (default `sim-new-0000-key`). */
  key?: string;
  /** Classic key (default `sim-classic-0000-key`). */
  classicKey?: string;
  /** Rate-limit window in ms (default 60000). */
  minuteMs?: number;
}

/**
 * Start the simulator for the CLI and print where to point clients. A bad seed file
 * rejects with a SeedError whose message names the file and JSON Pointer (print
 * `error.message`, not the stack).
 *
 * @example
 * const sim = await serveSimulatorCommand({ port: 9090 }, process.stdout);
 * process.once('SIGINT', () => void sim.close());
 */
export async function serveSimulatorCommand(opts: ServeOptions, out: NodeJS.WritableStream): Promise<Simulator> {
  const port = opts.port ?? 9090;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a whole number from 0 to 65535; got ${opts.port}.`);
  if (opts.minuteMs !== undefined && !(Number.isInteger(opts.minuteMs) && opts.minuteMs > 0)) {
    throw new Error(`--minute-ms must be a whole number of milliseconds above 0; got ${opts.minuteMs}.`);
  }
  const seed = opts.seedFile === undefined ? DEFAULT_SEED : loadSeedFile(opts.seedFile);
  const keys = { new: opts.key ?? DEFAULT_SIM_KEYS.new, classic: opts.classicKey ?? DEFAULT_SIM_KEYS.classic };
  const sim = await startSimulator({ port, seed, keys, minuteMs: opts.minuteMs });
  const minute = sim.minuteMs === 60_000 ? 'minute' : `${sim.minuteMs} ms window`;
  out.write(
    [
      `MailerLite simulator listening on ${sim.url}`,
      '',
      `  New API       ${sim.newApiBase}`,
      `                Authorization: Bearer ${keys.new}`,
      `                (Node SDK: new MailerLite({ api_key: '${keys.new}', base_path: '${sim.url}' }))`,
      `  Classic API   ${sim.classicApiBase}`,
      `                X-MailerLite-ApiKey: ${keys.classic}`,
      `  Control       ${sim.url}/__sim  (GET state, POST reset, POST seed, GET|DELETE journal, GET|POST|DELETE faults)`,
      `  Seed          ${opts.seedFile ?? 'built-in (group "WhatsApp Opt-Ins": 123456789 new, 3640549 classic)'}`,
      `  Rate limits   ${DEFAULT_RATE_LIMITS.requests} per ${minute} (imports ${DEFAULT_RATE_LIMITS.imports}), classic ${DEFAULT_RATE_LIMITS.classicPerEndpoint} per endpoint`,
      '',
    ].join('\n'),
  );
  return sim;
}
