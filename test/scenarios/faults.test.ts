import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../plugin/catalog.js';
import { runFlow } from '../../plugin/flow/run.js';
import type { StepTemplate } from '../../plugin/generated/step-template.js';
import type { JsonValue } from '../../plugin/json.js';
import { DEFAULT_SEED, startSimulator, type FaultSpec, type Simulator } from '../../plugin/simulator/index.js';
import { runStep, type StepEnvironment } from '../../plugin/step/run.js';

/**
 * The fault matrix (issue 15): every template and every flow against every way
 * MailerLite or the network can misbehave. A step always ends in one of its outcomes; a
 * flow always ends at one of its end nodes (or waits at an ask), never throws, and writes
 * nothing after a read it could not make sense of.
 */
const catalog = loadCatalog();
const KEYS = { new: 'faults-new-key', classic: 'faults-classic-key' };

/** Each fault, armed for every matching request (so retries meet it too). */
const FAULTS: Array<[string, Omit<FaultSpec, 'method' | 'path'>]> = [
  ['timeout', { kind: 'latency', ms: 400 }],
  ['connection reset', { kind: 'drop' }],
  ['500 with a JSON message', { kind: 'reply', status: 500, body: '{"message":"Server Error"}' }],
  ['502 HTML page', { kind: 'error', status: 502 }],
  ['503 asking to wait', { kind: 'reply', status: 503, body: '{"message":"Service Unavailable"}', retryAfterMs: 1000 }],
  ['429 with Retry-After', { kind: 'rate-limit', retryAfterMs: 1000 }],
  ['200 cut off', { kind: 'truncate' }],
  ['empty 200', { kind: 'reply', status: 200, body: '' }],
  ['200 []', { kind: 'reply', status: 200, body: '[]' }],
  ['200 {"data":null}', { kind: 'reply', status: 200, body: '{"data":null}' }],
];
/** Faults that answer 200 with something that cannot be read: a flow acting on them would act blind. */
const GARBLED = new Set(['200 cut off', 'empty 200', '200 []', '200 {"data":null}']);
const WRITES = new Set(['POST', 'PUT', 'DELETE', 'PATCH']);

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ port: 0, keys: KEYS, limits: { requests: Number.MAX_SAFE_INTEGER, classicPerEndpoint: Number.MAX_SAFE_INTEGER } });
});
afterAll(() => sim?.close());

/** A step environment against the simulator: no real waits, a short timeout for the latency fault. */
function environment(api: 'new' | 'classic'): StepEnvironment {
  return {
    settings: catalog.settings({ group_id: api === 'new' ? '123456789' : '3640549' }),
    secrets: { api_key: KEYS[api] },
    fetch: (url, init) => fetch(url, init),
    baseUrl: sim.url,
    sleep: async () => undefined,
    random: () => 0.5,
  };
}

/** The template with a 200 ms timeout, so the 400 ms latency is a timeout. */
const quick = (template: StepTemplate): StepTemplate => ({ ...template, timeout_ms: 200 });

/** Example inputs of a template (an id where its example is an id). */
function examples(declared: Record<string, { example?: JsonValue }>): Record<string, JsonValue> {
  return Object.fromEntries(Object.entries(declared).flatMap(([name, decl]) => (decl.example === undefined ? [] : [[name, decl.example]])));
}

describe('every template meets every fault and ends in a named outcome', () => {
  for (const template of catalog.templates) {
    it.each(FAULTS)(`${template.id}: %s`, async (_name, fault) => {
      sim.seed(DEFAULT_SEED);
      sim.inject(fault);
      const result = await runStep(quick(template), examples(template.inputs), environment(template.api));
      expect([...template.outcomes.map((rule) => rule.name), 'invalid_input']).toContain(result.outcome);
      expect(result.outcome).not.toBe('invalid_input');
      sim.clearFaults();
    });
  }
});

describe('every flow meets every fault on its reads and ends at a named end, writing nothing after a garbled read', () => {
  for (const flow of catalog.flows) {
    it.each(FAULTS)(`${flow.api}:${flow.id}: %s`, async (name, fault) => {
      sim.seed({ scenario: 'priya-subscribed' });
      sim.inject({ ...fault, method: 'GET' });
      const env = environment(flow.api);
      const result = await runFlow(flow, { ...examples(flow.variables), customer_name: 'Priya Sharma' }, {
        ...env,
        template: (id) => {
          const found = catalog.template(id);
          return found && quick(found);
        },
      });
      const end = flow.nodes[result.end.node];
      expect(end?.type).toBe('end');
      const writes = sim.journal().filter((entry) => WRITES.has(entry.method));
      if (GARBLED.has(name)) expect(writes.map((w) => `${w.method} ${w.path}`)).toEqual([]);
      sim.clearFaults();
    });
  }
});
