import { createSimulator, type SimulatorCore, type SimulatorOptions } from '../../../plugin/simulator/index.js';
import { apiClient, type ApiClient } from './client.js';

/** A manual clock for deterministic rate-limit tests. */
export interface ManualClock {
  now: number;
  read: () => number;
  advance(ms: number): void;
}

export function manualClock(start = Date.UTC(2024, 7, 13, 9, 49, 51)): ManualClock {
  const clock = { now: start, read: () => clock.now, advance: (ms: number) => void (clock.now += ms) };
  return clock;
}

/** An in-process simulator plus a client talking to it through `sim.fetch`. */
export function inProcess(options: SimulatorOptions = {}): { sim: SimulatorCore; client: ApiClient } {
  const sim = createSimulator(options);
  const client = apiClient({ baseUrl: 'http://sim.test', key: sim.keys.new, classicKey: sim.keys.classic }, sim.fetch);
  return { sim, client };
}
