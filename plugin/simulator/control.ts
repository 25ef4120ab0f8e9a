import type { JsonValue } from '../json.js';
import type { ActiveFault, FaultSpec } from './faults.js';
import { parseFault } from './faults.js';
import type { JournalEntry } from './journal.js';
import { checkSeed } from './seed/validate.js';
import { isScenarioName, SCENARIOS } from './seed/scenarios.js';
import type { SeedInput } from './seed-input.js';
import type { SimulatorState } from './state.js';
import type { SimRequest, SimResponse } from './types.js';

/** Path prefix of the control routes (no auth, no rate limit, not journaled). */
export const CONTROL_PREFIX = '/__sim';

/** What the control routes operate on. */
export interface ControlTarget {
  /** Back to the seed: data, rate-limit windows, journal and faults (the seed's scenario faults come back). */
  reset(): void;
  /** Replace the seed (or pick a scenario) and reset to it. */
  seed(data: SeedInput): void;
  /** Requests received on API routes, oldest first. */
  journal(): JournalEntry[];
  clearJournal(): void;
  /** Add faults; returns them with their ids. */
  inject(faults: FaultSpec | FaultSpec[]): ActiveFault[];
  /** Faults still armed. */
  faults(): ActiveFault[];
  clearFaults(): void;
  readonly state: SimulatorState;
}

/** True for `/__sim` and the paths under it. */
export function isControlPath(path: string): boolean {
  return path === CONTROL_PREFIX || path.startsWith(`${CONTROL_PREFIX}/`);
}

/** Control answers carry no CORS headers: a page on another site must not read the state. */
const json = (status: number, body: JsonValue): SimResponse => ({ status, headers: { 'content-type': 'application/json' }, json: body });
const noContent = (): SimResponse => ({ status: 204, headers: {} });

/**
 * Answer `/__sim/...`: state, reset, seed (a seed or `{"scenario": name}`), journal and
 * faults. Bad input gets 422 with every problem listed.
 */
export function handleControl(target: ControlTarget, req: SimRequest): SimResponse {
  const route = `${req.method} ${req.path.replace(/\/+$/, '')}`;
  switch (route) {
    case 'GET /__sim':
      return json(200, { routes: ['GET /__sim/state', 'POST /__sim/reset', 'POST /__sim/seed', 'GET|DELETE /__sim/journal', 'GET|POST|DELETE /__sim/faults'], scenarios: scenarioList() });
    case 'GET /__sim/state':
      return json(200, target.state.snapshot() as JsonValue);
    case 'POST /__sim/reset':
      target.reset();
      return json(200, { ok: true });
    case 'POST /__sim/seed':
      return seed(target, req.body);
    case 'GET /__sim/journal':
      return json(200, { entries: target.journal() as unknown as JsonValue });
    case 'DELETE /__sim/journal':
      target.clearJournal();
      return noContent();
    case 'GET /__sim/faults':
      return json(200, { faults: target.faults() as unknown as JsonValue });
    case 'POST /__sim/faults':
      return addFaults(target, req.body);
    case 'DELETE /__sim/faults':
      target.clearFaults();
      return noContent();
    default:
      return json(404, { message: `No control route ${route}.` });
  }
}

function seed(target: ControlTarget, body: unknown): SimResponse {
  if (typeof body === 'object' && body !== null && 'scenario' in body) {
    const name = (body as { scenario: unknown }).scenario;
    if (!isScenarioName(name)) return json(422, { message: `Unknown scenario ${JSON.stringify(name)}.`, scenarios: scenarioList() });
    target.seed({ scenario: name });
    return json(200, { ok: true, scenario: name });
  }
  const check = checkSeed(body);
  if (!check.ok) return json(422, { message: 'Invalid simulator seed.', problems: check.problems as unknown as JsonValue });
  target.seed(check.seed);
  return json(200, { ok: true });
}

function addFaults(target: ControlTarget, body: unknown): SimResponse {
  const specs = Array.isArray(body) ? body : [body];
  const problems: string[] = [];
  const faults: FaultSpec[] = [];
  specs.forEach((spec: unknown, i) => {
    const parsed = parseFault(spec);
    if (parsed.ok) faults.push(parsed.fault);
    else problems.push(...parsed.problems.map((p) => (Array.isArray(body) ? `/${i}/${p}` : `/${p}`)));
  });
  if (problems.length > 0) return json(422, { message: 'Invalid fault.', problems });
  return json(201, { faults: target.inject(faults) as unknown as JsonValue });
}

function scenarioList(): JsonValue {
  return Object.entries(SCENARIOS).map(([name, s]) => ({ name, title: s.title }));
}
