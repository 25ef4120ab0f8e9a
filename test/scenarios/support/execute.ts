import type { ApiVersion, Catalog } from '../../../plugin/catalog.js';
import type { Flow } from '../../../plugin/generated/flow.js';
import type { StepTemplate } from '../../../plugin/generated/step-template.js';
import type { FlowResult } from '../../../plugin/flow/result.js';
import { runFlow } from '../../../plugin/flow/run.js';
import type { JsonValue } from '../../../plugin/json.js';
import { DEFAULT_SEED, type JournalEntry, type Simulator } from '../../../plugin/simulator/index.js';
import type { StepEnvironment } from '../../../plugin/step/run.js';
import { runStep } from '../../../plugin/step/run.js';
import type { StepResult } from '../../../plugin/step/result.js';
import type { FlowScenario, StepScenario } from './scenario.js';

/** What a run left behind: the engine's result, the journal, the waits asked for. */
export interface Run<R> {
  result: R;
  journal: JournalEntry[];
  sleeps: number[];
}

/** Reseeds the simulator, arms the faults and builds the step environment of a scenario. */
function prepare(sim: Simulator, catalog: Catalog, scenario: StepScenario | FlowScenario, api: ApiVersion) {
  sim.seed(scenario.seed ?? DEFAULT_SEED);
  if (scenario.faults) sim.inject(scenario.faults);
  const sleeps: number[] = [];
  const env: StepEnvironment = {
    settings: catalog.settings(scenario.settings ?? {}),
    secrets: { api_key: sim.keys[scenario.key ?? api] },
    fetch: (url, init) => fetch(url, init),
    baseUrl: sim.url,
    sleep: async (ms) => void sleeps.push(ms),
    random: () => 0.5,
  };
  const template = (id: string): StepTemplate | undefined => {
    const found = catalog.template(id);
    const patch = scenario.patch?.[id];
    return found && patch ? ({ ...structuredClone(found), ...patch } as StepTemplate) : found;
  };
  return { env, sleeps, template };
}

/**
 * The journal once it holds `count` entries: a request that timed out on our side is
 * journaled only when the simulator's injected latency is over.
 */
async function settledJournal(sim: Simulator, count: number): Promise<JournalEntry[]> {
  const deadline = Date.now() + 3000;
  while (sim.journal().length < count && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  return sim.journal();
}

/**
 * Runs a step scenario with the real engine against the simulator.
 *
 * @example
 * const { result, journal, sleeps } = await runStepScenario(sim, catalog, 'mailerlite.subscriber.lookup', scenario);
 */
export async function runStepScenario(sim: Simulator, catalog: Catalog, id: string, scenario: StepScenario): Promise<Run<StepResult>> {
  const found = catalog.template(id);
  if (!found) throw new Error(`no template ${id}`);
  const { env, sleeps, template } = prepare(sim, catalog, scenario, found.api);
  const result = await runStep(template(id)!, scenario.vars, env);
  return { result, journal: await settledJournal(sim, scenario.expect.requests.length), sleeps };
}

/**
 * Runs a flow scenario; `answers` reply to its ask nodes in order.
 *
 * @example
 * const { result } = await runFlowScenario(sim, catalog, 'whatsapp.join', { ...scenario, api: 'new' });
 * result.replies // ['You are now subscribed, Priya! ...']
 */
export async function runFlowScenario(sim: Simulator, catalog: Catalog, id: string, scenario: FlowScenario): Promise<Run<FlowResult>> {
  const flow: Flow | undefined = catalog.flow(id, scenario.api);
  if (!flow) throw new Error(`no ${scenario.api} flow ${id}`);
  const { env, sleeps, template } = prepare(sim, catalog, scenario, flow.api);
  const answers = [...(scenario.answers ?? [])];
  const vars: Record<string, JsonValue> = scenario.vars;
  const result = await runFlow(flow, vars, { ...env, template, answer: async () => answers.shift() });
  return { result, journal: await settledJournal(sim, scenario.expect.requests.length), sleeps };
}
