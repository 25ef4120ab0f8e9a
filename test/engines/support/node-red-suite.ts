import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiVersion } from '../../../plugin/catalog.js';
import { loadCatalog } from '../../../plugin/catalog.js';
import { exportNodeRed, routeOf } from '../../../plugin/export/node-red/index.js';
import type { FlowEnd } from '../../../plugin/flow/result.js';
import type { JournalEntry, Simulator } from '../../../plugin/simulator/index.js';
import { nodeRedVersion, type NodeRed } from '../../support/node-red-process.js';
import { startNodeRed } from './node-red.js';
import { declaredHeaders, KEYS, oneMessageScenarios, patchedCatalog, received, runEngineScenario, scenarioSimulator, settledJournal, type EngineScenario } from './scenarios.js';

/** The answer our engine's end gives, as the exported flow writes it. */
export function expectedAnswer(replies: string[], end: FlowEnd): Record<string, unknown> {
  if ('waiting_for' in end) return { replies, end: end.node, waiting_for: end.waiting_for, question: end.question };
  return { replies, end: end.node, result: end.result, ...(end.reason === undefined ? {} : { reason: end.reason }), ...(end.outputs === undefined ? {} : { outputs: end.outputs }) };
}

/** Every text a journal carried to MailerLite: body leaves, decoded path segments, query values. */
function carried(journal: JournalEntry[]): string[] {
  const leaves = (value: unknown): string[] => {
    if (typeof value === 'string') return [value];
    if (Array.isArray(value)) return value.flatMap(leaves);
    if (value !== null && typeof value === 'object') return Object.values(value).flatMap(leaves);
    return [];
  };
  return journal.flatMap((e) => [...leaves(e.body), ...e.path.split('/').map(decodeURIComponent), ...Object.values(e.query)]);
}

/**
 * Scenarios of the retry policy on top of the shared ones: a 429 whose `Retry-After` is
 * honoured, one longer than the cap (no retry), a 502 then an answer, and a 502 on a step
 * that is not safe to repeat (never retried).
 */
export function retryScenarios(api: ApiVersion): EngineScenario[] {
  const shared = oneMessageScenarios(api);
  const named = (name: string): EngineScenario => {
    const found = shared.find((s) => s.name === name);
    if (!found) throw new Error(`no shared scenario "${name}"`);
    return found;
  };
  const [join, stop, setup] = [named('JOIN new contact'), named('STOP'), named('SETUP (setup.optin-group)')];
  const empty = { new: { groups: [] }, classic: { groups: [] } };
  return [
    { ...join, name: 'JOIN, rate limited once (Retry-After honoured)', faults: [{ kind: 'rate-limit', count: 1, retryAfterMs: 1000 }] },
    { ...join, name: 'JOIN, rate limited for longer than the retry cap', faults: [{ kind: 'rate-limit', count: 1, retryAfterMs: 20_000 }] },
    { ...stop, name: 'STOP, a 502 once, then an answer', faults: [{ kind: 'error', status: 502, count: 1 }] },
    { ...setup, name: 'SETUP on an empty account, a 502 on create (not repeated)', seed: empty, faults: [{ kind: 'error', status: 502, method: 'POST', count: 1 }] },
  ];
}

/** The environment variables of the Node-RED instance a scenario needs (the settings are environment). */
function environmentOf(sim: Simulator, scenario: EngineScenario): Record<string, string> {
  const settings = Object.entries(scenario.settings).map(([name, value]) => [`MAILERLITE_${name.toUpperCase()}`, value]);
  return { MAILERLITE_BASE_URL: sim.url, MAILERLITE_API_KEY: KEYS[scenario.api], ...Object.fromEntries(settings) };
}

/**
 * Every one-message scenario of one API version through a real Node-RED 4 running our
 * export against the simulator; the expectation is what our engine does in the same
 * scenario. Settings are environment variables, read by the flows, so scenarios with
 * other settings (or a patched template) get a Node-RED of their own, started once.
 */
export function nodeRedSuite(api: ApiVersion): void {
  const catalog = loadCatalog();
  const scenarios = [...oneMessageScenarios(api), ...retryScenarios(api)];
  const headers = declaredHeaders(catalog);
  const instances = new Map<string, Promise<NodeRed>>();
  let sim: Simulator;

  const nodeRedFor = (scenario: EngineScenario): Promise<NodeRed> => {
    const key = JSON.stringify([scenario.settings, scenario.patch ?? null]);
    let instance = instances.get(key);
    if (!instance) {
      const flows = exportNodeRed(patchedCatalog(catalog, scenario), { api }).files[0]!.content;
      instance = startNodeRed(flows, environmentOf(sim, scenario));
      instances.set(key, instance);
    }
    return instance;
  };

  describe(`Node-RED ${api}: one-message scenarios answer and reach MailerLite as our engine does`, () => {
    beforeAll(async () => {
      nodeRedVersion();
      sim = await scenarioSimulator(scenarios[0]!);
      // The instances start together; each scenario then waits for its own.
      for (const scenario of scenarios) void nodeRedFor(scenario).catch(() => undefined);
    }, 60_000);
    afterAll(async () => {
      const running = await Promise.allSettled([...instances.values()]);
      await Promise.all(running.flatMap((r) => (r.status === 'fulfilled' ? [r.value.close()] : [])));
      await sim?.close();
    }, 30_000);

    for (const scenario of scenarios) {
      it(scenario.name, async () => {
        const expected = await runEngineScenario(catalog, scenario);
        const red = await nodeRedFor(scenario);
        sim.seed(scenario.seed);
        if (scenario.faults) sim.inject(scenario.faults);
        const answer = await red.request('POST', routeOf({ id: scenario.flow }), scenario.vars);
        const journal = await settledJournal(sim, scenario);

        expect(answer.status, red.log().slice(-3000)).toBe(200);
        expect(received(journal, headers)).toEqual(received(expected.journal, headers));
        expect(journal.map((e) => e.rawBody)).toEqual(expected.journal.map((e) => e.rawBody));
        expect(answer.body).toEqual(expectedAnswer(expected.replies, expected.end));
        for (const value of scenario.carries ?? []) expect(carried(journal)).toContain(value);
        expect(JSON.stringify(answer.body)).not.toContain(KEYS[api]);
        expect(red.log()).not.toContain(KEYS[api]);
      }, 30_000);
    }
  });
}
