import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadCatalog } from '../../plugin/catalog.js';
import { defaultEnvironment } from '../../plugin/defaults.js';
import { UsageError } from '../../plugin/errors.js';
import { runFlow } from '../../plugin/flow/run.js';
import type { FetchLike } from '../../plugin/http/send.js';
import { startSimulator, type Simulator } from '../../plugin/simulator/index.js';
import { runStep } from '../../plugin/step/run.js';

const catalog = loadCatalog();
const lookup = catalog.template('mailerlite.subscriber.lookup')!;
const join = catalog.flow('whatsapp.join', 'new')!;
const GUIDE_REPLY = 'You are now subscribed, Priya! You will receive our newsletter at priya@example.com.';

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ port: 0 });
});
afterAll(async () => sim.close());
beforeEach(() => sim.reset());
afterEach(() => vi.unstubAllEnvs());

describe('defaultEnvironment', () => {
  it('takes the manifest defaults, the key from MAILERLITE_API_KEY and the package templates', () => {
    const env = defaultEnvironment({}, { MAILERLITE_API_KEY: 'the-key' });
    expect(env.settings).toEqual({ api_version: 'new', group_id: undefined, optin_form_url: undefined, group_name: 'WhatsApp Opt-Ins' });
    expect(env.secrets).toEqual({ api_key: 'the-key' });
    expect(env.template('mailerlite.subscriber.lookup')).toEqual(lookup);
    expect(env.baseUrl).toBeUndefined();
  });

  it('lays settings given over the manifest defaults and keeps every other part given', async () => {
    const sent: string[] = [];
    const fetch: FetchLike = (url, init) => {
      sent.push(url);
      return globalThis.fetch(url, init);
    };
    const env = defaultEnvironment({ settings: { group_id: '123456789' }, secrets: { api_key: sim.keys.new }, baseUrl: sim.url, fetch, maxVisits: 9 }, {});
    expect(env.settings).toMatchObject({ api_version: 'new', group_id: '123456789', group_name: 'WhatsApp Opt-Ins' });
    expect(env.maxVisits).toBe(9);
    const result = await runFlow(join, { customer_email: 'priya@example.com', customer_name: 'Priya Sharma' }, env);
    expect(result.replies).toEqual([GUIDE_REPLY]);
    expect(sent).toEqual([`${sim.url}/api/subscribers/priya@example.com`, `${sim.url}/api/subscribers`]);
  });

  it('sends with the key from the variables through the global fetch', async () => {
    const result = await runStep(lookup, { customer_email: 'priya@example.com' }, defaultEnvironment({ baseUrl: sim.url }, { MAILERLITE_API_KEY: sim.keys.new }));
    expect(result.response?.status).toBe(404);
    expect(result.outcome).toBe('not_found');
    expect(result.request?.headers.Authorization).toBe('Bearer [redacted:api_key]');
    expect(sim.journal().map((entry) => `${entry.method} ${entry.path}`)).toEqual(['GET /api/subscribers/priya@example.com']);
  });

  it('without a key: a UsageError naming MAILERLITE_API_KEY, never a TypeError', () => {
    for (const vars of [{}, { MAILERLITE_API_KEY: '' }]) {
      expect(() => defaultEnvironment({}, vars)).toThrow(UsageError);
      expect(() => defaultEnvironment({}, vars)).toThrow(/^MAILERLITE_API_KEY is not set: without an environment, runStep and runFlow read the secret "api_key" from it/);
    }
  });
});

describe('runStep and runFlow without an environment', () => {
  it('runStep(template, vars) runs with the defaults: an invalid email ends in invalid_input, nothing sent', async () => {
    vi.stubEnv('MAILERLITE_API_KEY', 'a-key-from-the-environment');
    const result = await runStep(lookup, { customer_email: 'not-an-email' });
    expect(result.outcome).toBe('invalid_input');
    expect(result.request).toBeNull();
    expect(result.attempts).toBe(0);
  });

  it('runFlow(flow, vars) finds the step templates in the package catalog', async () => {
    vi.stubEnv('MAILERLITE_API_KEY', 'a-key-from-the-environment');
    const result = await runFlow(join, { customer_email: 'not-an-email' });
    expect(result.steps.map((step) => [step.template, step.outcome])).toEqual([['mailerlite.subscriber.lookup', 'invalid_input']]);
    expect(result.steps[0]?.request).toBeNull();
  });

  it('without MAILERLITE_API_KEY both reject with the UsageError naming it, before sending', async () => {
    vi.stubEnv('MAILERLITE_API_KEY', '');
    await expect(runStep(lookup, { customer_email: 'priya@example.com' })).rejects.toThrow(/^MAILERLITE_API_KEY is not set/);
    await expect(runFlow(join, { customer_email: 'priya@example.com' })).rejects.toBeInstanceOf(UsageError);
  });

  it('an environment given is used as is', async () => {
    const result = await runStep(lookup, { customer_email: 'priya@example.com' }, { settings: {}, secrets: { api_key: sim.keys.new }, fetch: (url, init) => globalThis.fetch(url, init), baseUrl: sim.url });
    expect(result.outcome).toBe('not_found');
  });
});
