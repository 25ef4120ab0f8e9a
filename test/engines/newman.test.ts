import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../plugin/catalog.js';
import { runNewmanScenario } from './support/newman-scenarios.js';
import { newmanVersion } from './support/newman.js';
import { DEFAULT_SEED } from '../../plugin/simulator/index.js';
import { declaredHeaders, KEYS, oneMessageScenarios, PRIYA, received, runEngineScenario, type EngineScenario } from './support/scenarios.js';

/**
 * The Postman export proven in the real engine (issue 14): each flow's collection, run by
 * newman 6 against the simulator, sends exactly what our engine sends for the same
 * scenario (method, path, query, JSON body, the declared headers) and ends with the same
 * replies and end node. The expectation is our engine's own run, never written down.
 * A missing newman fails these tests; they never skip.
 */
const catalog = loadCatalog();
const headers = declaredHeaders(catalog);

it('runs newman 6 (a missing newman fails here)', () => {
  expect(newmanVersion()).toMatch(/^6\./);
});

/** Retries of steps safe to repeat: a 502 and a 429 with Retry-After, then the answer. */
function retryScenarios(api: 'new' | 'classic'): EngineScenario[] {
  const settings = { group_id: api === 'new' ? '123456789' : '3640549' };
  const write = api === 'new' ? '/api/subscribers' : '/api/v2/groups/*/subscribers';
  return [
    { name: 'JOIN, the write answered 502 once', flow: 'whatsapp.join', api, seed: DEFAULT_SEED, settings, vars: PRIYA, faults: [{ kind: 'error', status: 502, method: 'POST', path: write, count: 1 }] },
    { name: 'JOIN, the lookup rate-limited twice (Retry-After)', flow: 'whatsapp.join', api, seed: DEFAULT_SEED, settings, vars: PRIYA, faults: [{ kind: 'rate-limit', retryAfterMs: 1000, method: 'GET', count: 2 }] },
  ];
}

for (const api of ['new', 'classic'] as const) {
  describe(`Postman collections (${api} API) in newman`, () => {
    for (const scenario of [...oneMessageScenarios(api), ...retryScenarios(api)]) {
      it(`${scenario.flow}: ${scenario.name}`, async () => {
        const expected = await runEngineScenario(catalog, scenario);
        const actual = await runNewmanScenario(catalog, scenario);

        expect(received(actual.journal, headers)).toEqual(received(expected.journal, headers));
        expect(actual.journal.map((e) => e.status)).toEqual(expected.journal.map((e) => e.status));
        for (const fault of scenario.faults ?? []) {
          if (fault.kind === 'error' || fault.kind === 'rate-limit') expect(actual.journal.map((e) => e.status)).toContain(fault.kind === 'error' ? fault.status : 429);
        }
        // Byte for byte too, where no "{{" had to be written as "\u007b{" for Postman.
        expected.journal.forEach((entry, i) => {
          if (!entry.rawBody.includes('{{')) expect(actual.journal[i]?.rawBody).toBe(entry.rawBody);
        });
        expect(actual.environment.reply).toBe(expected.replies.join('\n'));
        expect(actual.environment.end).toBe(expected.end.node);
        expect(actual.environment.result).toBe('result' in expected.end ? expected.end.result : '');
        expect(actual.environment.reason).toBe('result' in expected.end ? (expected.end.reason ?? '') : '');
        expect(actual.environment.waiting_for).toBe('waiting_for' in expected.end ? expected.end.waiting_for : '');
        expect(actual.environment.error).toBe('');
        const failed = 'failure' in expected.end && expected.end.failure === true;
        expect(actual.environment.failure).toBe(failed ? 'true' : '');
        // An end that means failure fails the newman run, as it makes `run` exit 1.
        expect(actual.failures.some((f) => f.startsWith(`mailerlite-steps: the flow ended in ${expected.end.node}`))).toBe(failed);

        const sent = JSON.stringify(actual.journal.map((e) => e.body));
        for (const value of scenario.carries ?? []) expect(sent).toContain(JSON.stringify(value).slice(1, -1));
        for (const key of Object.values(KEYS)) expect(actual.content).not.toContain(key);
      });
    }
  });
}
