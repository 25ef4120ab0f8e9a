import type { SimulatorCore } from '../../simulator/app.js';
import { DEFAULT_SEED, isScenarioName, SCENARIOS, type ScenarioName } from '../../simulator/seed/scenarios.js';
import type { Target } from '../../target.js';
import { HttpError } from './http-io.js';

/** What the page is told after a reset or a seed: which data is loaded, and how much. */
export interface SimStatus {
  ok: true;
  /** The scenario loaded, or `default` after a reset. */
  scenario: ScenarioName | 'default';
  title: string;
  counts?: Record<'new' | 'classic', { subscribers: number; groups: number }>;
}

/** The part of the simulator the page controls. */
type Embedded = Pick<SimulatorCore, 'seed' | 'state'>;

function counts(sim: Embedded): SimStatus['counts'] {
  const of = (api: 'new' | 'classic') => {
    const { subscribers, groups } = sim.state.count(api);
    return { subscribers, groups };
  };
  return { new: of('new'), classic: of('classic') };
}

function noSimulator(target: Target): HttpError {
  return new HttpError(409, 'no_simulator', `there is no simulator to control: requests go to ${target.description}`);
}

/** Asks a simulator running elsewhere (`--base-url`) to load a seed, through its control route. */
async function seedRemote(target: Target, body: object): Promise<void> {
  let answer: Response;
  try {
    answer = await target.fetch(`${target.baseUrl}/__sim/seed`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  } catch (error) {
    throw new HttpError(502, 'no_simulator', `cannot reach the simulator at ${target.baseUrl}: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!answer.ok) throw new HttpError(502, 'no_simulator', `the simulator at ${target.baseUrl} refused the seed (HTTP ${answer.status})`);
}

/**
 * Loads a named scenario ("Priya already subscribed", "unsubscribed contact", "rate
 * limited") into the simulator, replacing its data and faults. An unknown name → 400
 * naming the known ones; live MailerLite → 409.
 *
 * @example
 * await seedScenario(target, 'priya-subscribed') // { ok: true, scenario: 'priya-subscribed', title: 'Priya already subscribed', ... }
 */
export async function seedScenario(target: Target, name: unknown): Promise<SimStatus> {
  if (!isScenarioName(name)) {
    const known = Object.entries(SCENARIOS)
      .map(([key, s]) => `"${key}" (${s.title})`)
      .join(', ');
    throw new HttpError(
      400,
      'bad_request',
      `unknown scenario ${JSON.stringify(name ?? null)}; expected one of ${known}, e.g. {"scenario": "priya-subscribed"}`
    );
  }
  const title = SCENARIOS[name].title;
  if (target.simulator) {
    target.simulator.seed({ scenario: name });
    return { ok: true, scenario: name, title, counts: counts(target.simulator) };
  }
  if (target.kind === 'url') {
    await seedRemote(target, { scenario: name });
    return { ok: true, scenario: name, title };
  }
  throw noSimulator(target);
}

/**
 * Puts the simulator back to its default data (the "WhatsApp Opt-Ins" group, no
 * subscribers), clearing faults, the journal and rate-limit windows.
 *
 * @example
 * await resetSimulator(target) // { ok: true, scenario: 'default', title: 'Default: ...', counts: { new: { subscribers: 0, groups: 1 }, ... } }
 */
export async function resetSimulator(target: Target): Promise<SimStatus> {
  const title = DEFAULT_SEED.description ?? 'Default data';
  if (target.simulator) {
    target.simulator.seed(DEFAULT_SEED);
    return { ok: true, scenario: 'default', title, counts: counts(target.simulator) };
  }
  if (target.kind === 'url') {
    await seedRemote(target, DEFAULT_SEED);
    return { ok: true, scenario: 'default', title };
  }
  throw noSimulator(target);
}

/** Record counts of the embedded simulator, for `GET /api/target`; undefined without one. */
export function simulatorCounts(target: Target): SimStatus['counts'] | undefined {
  return target.simulator ? counts(target.simulator) : undefined;
}
