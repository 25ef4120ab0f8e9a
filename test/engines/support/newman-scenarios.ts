import type { Catalog } from '../../../plugin/catalog.js';
import { exportPostman } from '../../../plugin/export/postman/index.js';
import type { JournalEntry } from '../../../plugin/simulator/index.js';
import { runNewman } from './newman.js';
import { patchedCatalog, scenarioSimulator, settledJournal, type EngineScenario } from './scenarios.js';

/** What newman did in a scenario: the journal and the environment it exported. */
export interface NewmanScenarioRun {
  journal: JournalEntry[];
  environment: Record<string, string>;
  failures: string[];
  /** The collection file as exported (to check it holds no key). */
  content: string;
}

/**
 * Exports the scenario's flow with `exportPostman` and runs the collection with newman
 * against a fresh simulator seeded for the scenario, the way the README says:
 * `--env-var base_url=<origin> --env-var api_key=...` plus the settings and conversation
 * variables, and `--timeout-request` as the templates' timeout.
 *
 * @example
 * const run = await runNewmanScenario(loadCatalog(), scenario);
 * run.environment.reply // 'You are now subscribed, Priya! ...'
 */
export async function runNewmanScenario(catalog: Catalog, scenario: EngineScenario): Promise<NewmanScenarioRun> {
  const declarations = patchedCatalog(catalog, scenario);
  const file = exportPostman(declarations, { api: scenario.api }).files.find((f) => f.path === `${scenario.flow}.postman_collection.json`);
  if (!file) throw new Error(`the ${scenario.api} export has no collection for ${scenario.flow}`);
  const timeouts = Object.values(scenario.patch ?? {}).map((p) => p.timeout_ms);
  const sim = await scenarioSimulator(scenario);
  try {
    const run = await runNewman(
      JSON.parse(file.content) as object,
      { base_url: sim.url, api_key: sim.keys[scenario.api], ...scenario.settings, ...scenario.vars },
      { timeoutRequest: Math.min(10_000, ...timeouts) },
    );
    return { journal: await settledJournal(sim, scenario), environment: run.environment, failures: run.failures, content: file.content };
  } finally {
    await sim.close();
  }
}
