import type { FaultSpec } from './faults.js';
import { DEFAULT_SEED, isScenarioName, SCENARIOS, type ScenarioName } from './seed/scenarios.js';
import type { Seed } from './seed/types.js';
import { assertSeed, SeedError } from './seed/validate.js';

/** A seed, or the name of a scenario (seed + faults). */
export type SeedInput = Seed | { scenario: ScenarioName };

/** Resolve and check a seed input; throws SeedError for a bad seed or an unknown scenario. */
export function resolveSeed(input: SeedInput | undefined, source = '<seed>'): { seed: Seed; faults: FaultSpec[] } {
  if (input === undefined) return { seed: DEFAULT_SEED, faults: [] };
  if ('scenario' in input) {
    if (!isScenarioName(input.scenario)) {
      const known = Object.keys(SCENARIOS).map((n) => JSON.stringify(n)).join(', ');
      throw new SeedError(source, [{ pointer: '/scenario', message: `unknown scenario ${JSON.stringify(input.scenario)}; known: ${known}` }]);
    }
    const scenario = SCENARIOS[input.scenario];
    return { seed: scenario.seed, faults: scenario.faults };
  }
  return { seed: assertSeed(input, source), faults: [] };
}
