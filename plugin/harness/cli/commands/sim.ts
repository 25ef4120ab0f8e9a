import { UsageError } from '../../../errors.js';
import { listenProblem, parsePort } from '../../port.js';
import type { Io } from '../io.js';

/** Flags of `sim`. */
export interface SimOptions {
  port: string;
  seed?: string;
  key?: string;
  classicKey?: string;
  minuteMs: string;
}

function wholeNumber(flag: string, value: string, min: number): number {
  const n = /^\d+$/.test(value.trim()) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n) || n < min) throw new UsageError(`${flag} ${value}: expected a whole number of at least ${min}`);
  return n;
}

/**
 * `mailerlite-steps sim`: serves the simulator until interrupted. A bad port, a port in
 * use, or one key for both API versions is a usage error (exit 2), before anything runs.
 */
export async function runSim(options: SimOptions, io: Io): Promise<number> {
  const port = parsePort(options.port, 9090);
  const minuteMs = wholeNumber('--minute-ms', options.minuteMs, 1);
  const { DEFAULT_SIM_KEYS } = await import('../../../simulator/types.js');
  const keys = { new: options.key ?? DEFAULT_SIM_KEYS.new, classic: options.classicKey ?? DEFAULT_SIM_KEYS.classic };
  if (keys.new === keys.classic) {
    const which = options.key === undefined ? '--classic-key is the default new-API key' : options.classicKey === undefined ? '--key is the default classic key' : '--key and --classic-key are the same';
    throw new UsageError(`${which}: the new API and the classic API each need their own key, as in MailerLite (e.g. --key sim-new-0000-key --classic-key sim-classic-0000-key)`);
  }
  const { serveSimulatorCommand } = await import('../../../simulator/serve.js');
  let sim: Awaited<ReturnType<typeof serveSimulatorCommand>>;
  try {
    sim = await serveSimulatorCommand(
      {
        port,
        minuteMs,
        ...(options.seed ? { seedFile: options.seed } : {}),
        key: keys.new,
        classicKey: keys.classic,
      },
      io.stdout,
    );
  } catch (error) {
    throw listenProblem(error, port) ?? error;
  }
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await sim.close();
  return 0;
}
