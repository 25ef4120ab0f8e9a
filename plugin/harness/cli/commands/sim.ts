import { UsageError } from '../../../errors.js';
import type { Io } from '../io.js';

/** Flags of `sim`. */
export interface SimOptions {
  port: string;
  seed?: string;
  key?: string;
  classicKey?: string;
  minuteMs: string;
}

function positiveInt(flag: string, value: string, min: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new UsageError(`${flag} ${value}: expected a whole number of at least ${min}`);
  return n;
}

/** `mailerlite-steps sim`: serves the simulator until interrupted. */
export async function runSim(options: SimOptions, io: Io): Promise<number> {
  const port = positiveInt('--port', options.port, 0);
  const minuteMs = positiveInt('--minute-ms', options.minuteMs, 1);
  const { serveSimulatorCommand } = await import('../../../simulator/serve.js');
  const sim = await serveSimulatorCommand(
    {
      port,
      minuteMs,
      ...(options.seed ? { seedFile: options.seed } : {}),
      ...(options.key ? { key: options.key } : {}),
      ...(options.classicKey ? { classicKey: options.classicKey } : {}),
    },
    io.stdout,
  );
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await sim.close();
  return 0;
}
