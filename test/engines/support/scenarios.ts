import type { ApiVersion, Catalog } from '../../../plugin/catalog.js';
import type { FlowEnd } from '../../../plugin/flow/result.js';
import { runFlow } from '../../../plugin/flow/run.js';
import type { JsonValue } from '../../../plugin/json.js';
import { DEFAULT_SEED, SCENARIOS, startSimulator, type FaultSpec, type JournalEntry, type SeedInput, type Simulator } from '../../../plugin/simulator/index.js';

/**
 * One-message scenarios for the real-engine exports (Node-RED, Postman/newman): a flow,
 * a simulator seeded so, the settings and the conversation variables. The expectation is
 * never written down: it is what our own engine (runFlow) does against a simulator seeded
 * the same way.
 */
export interface EngineScenario {
  name: string;
  flow: string;
  api: ApiVersion;
  seed: SeedInput;
  faults?: FaultSpec[];
  settings: Record<string, string>;
  vars: Record<string, string>;
  /** Shallow changes to step templates for this scenario (e.g. a short timeout_ms). */
  patch?: Record<string, { timeout_ms: number }>;
  /** Values the journal must carry exactly (proves a hostile value reached MailerLite). */
  carries?: string[];
}

/** Keys unlike any default, so a leak is recognisable. */
export const KEYS = { new: 'engine-new-key-3c9e51', classic: 'engine-classic-key-7f20a8' } as const;
/** Record dates are fixed, so both runs create identical records. */
const NOW = Date.parse('2026-03-10T08:00:00Z');

export const PRIYA = { customer_email: 'priya@example.com', customer_name: 'Priya Sharma', customer_phone: '+919820000001' };
/** A name no JSON pasting survives: quotes, backslashes, a newline, emoji and a Postman/builder variable. */
export const HOSTILE_NAME = 'Zoë "Z" O\'Brien \\ back\\slash\nsecond line 🎉 {{api_key}} <<customer_email>>';
/** A plus-address with spaces and capitals: trimmed and lower-cased before any request. */
export const HOSTILE_EMAIL = ' Priya+News@Example.COM ';
export const HOSTILE_GROUP = 'Opt-Ins "VIP" \\ 🎉 {{api_key}} & more?/#';

const FORM_URL = 'https://landing.mailerlite.com/webforms/landing/a1b2c3';
const GROUP = { new: '123456789', classic: '3640549' } as const;

/** The default seed plus Priya with this status, in the opt-in group. */
function priyaSeed(status: 'unconfirmed'): SeedInput {
  const fields = { name: PRIYA.customer_name, phone: PRIYA.customer_phone };
  return {
    new: { groups: DEFAULT_SEED.new?.groups, subscribers: [{ id: '987654321', email: PRIYA.customer_email, status, fields, groups: [GROUP.new] }] },
    classic: { groups: DEFAULT_SEED.classic?.groups, subscribers: [{ id: 987654321, email: PRIYA.customer_email, name: PRIYA.customer_name, type: status, fields: { phone: PRIYA.customer_phone }, groups: [Number(GROUP.classic)] }] },
  };
}

/**
 * Every one-message scenario of the golden suite for one API: JOIN (new contact, again,
 * after an unsubscribe, unconfirmed), STOP, PRECHECK and SETUP, plus hostile values,
 * blank optional values, a malformed email, and a dropped connection and a timeout.
 *
 * @example
 * oneMessageScenarios('new').map((s) => s.name)
 */
export function oneMessageScenarios(api: ApiVersion): EngineScenario[] {
  const settings = { group_id: GROUP[api], ...(api === 'classic' ? { api_version: 'classic' } : {}) };
  const subscribed = SCENARIOS['priya-subscribed'].seed;
  const unsubscribed = SCENARIOS['unsubscribed-contact'].seed;
  const lookup = api === 'new' ? 'mailerlite.subscriber.lookup' : 'mailerlite-classic.subscriber.lookup';
  const base = { api, settings };
  return [
    { ...base, name: 'JOIN new contact', flow: 'whatsapp.join', seed: DEFAULT_SEED, vars: PRIYA },
    { ...base, name: 'JOIN again (already subscribed)', flow: 'whatsapp.join', seed: subscribed, vars: PRIYA },
    { ...base, name: 'JOIN after an unsubscribe', flow: 'whatsapp.join', seed: unsubscribed, settings: { ...settings, optin_form_url: FORM_URL }, vars: PRIYA },
    { ...base, name: 'JOIN after an unsubscribe, no form URL', flow: 'whatsapp.join', seed: unsubscribed, vars: PRIYA },
    { ...base, name: 'JOIN unconfirmed', flow: 'whatsapp.join', seed: priyaSeed('unconfirmed'), vars: PRIYA },
    { ...base, name: 'JOIN new contact, hostile name and plus-address', flow: 'whatsapp.join', seed: DEFAULT_SEED, vars: { ...PRIYA, customer_email: HOSTILE_EMAIL, customer_name: HOSTILE_NAME }, carries: [HOSTILE_NAME, 'priya+news@example.com'] },
    { ...base, name: 'JOIN new contact, blank name and no phone', flow: 'whatsapp.join', seed: DEFAULT_SEED, vars: { customer_email: PRIYA.customer_email, customer_name: '  ' } },
    { ...base, name: 'JOIN with a malformed email (asks again)', flow: 'whatsapp.join', seed: DEFAULT_SEED, vars: { ...PRIYA, customer_email: 'priya(at)example.com' } },
    { ...base, name: 'JOIN, the lookup connection dropped every time', flow: 'whatsapp.join', seed: DEFAULT_SEED, faults: [{ kind: 'drop', count: 3 }], vars: PRIYA },
    { ...base, name: 'STOP', flow: 'whatsapp.stop', seed: subscribed, vars: { customer_email: PRIYA.customer_email } },
    { ...base, name: 'STOP, not subscribed', flow: 'whatsapp.stop', seed: DEFAULT_SEED, vars: { customer_email: HOSTILE_EMAIL } },
    { ...base, name: 'PRECHECK (campaign precheck)', flow: 'campaign.precheck', seed: subscribed, vars: { customer_email: PRIYA.customer_email } },
    { ...base, name: 'PRECHECK, unconfirmed', flow: 'campaign.precheck', seed: priyaSeed('unconfirmed'), vars: { customer_email: PRIYA.customer_email } },
    { ...base, name: 'PRECHECK, MailerLite too slow', flow: 'campaign.precheck', seed: subscribed, faults: [{ kind: 'latency', ms: 400, count: 3 }], patch: { [lookup]: { timeout_ms: 200 } }, vars: { customer_email: PRIYA.customer_email } },
    { ...base, name: 'SETUP (setup.optin-group)', flow: 'setup.optin-group', seed: DEFAULT_SEED, vars: {} },
    { ...base, name: 'SETUP, a group name to create', flow: 'setup.optin-group', seed: DEFAULT_SEED, settings: { ...settings, group_name: HOSTILE_GROUP }, vars: {}, ...(api === 'new' ? { carries: [HOSTILE_GROUP] } : {}) },
  ];
}

/** A simulator on 127.0.0.1, seeded (and its faults armed) for a scenario. */
export async function scenarioSimulator(scenario: EngineScenario): Promise<Simulator> {
  const sim = await startSimulator({ port: 0, keys: KEYS, clock: () => NOW, seed: scenario.seed });
  if (scenario.faults) sim.inject(scenario.faults);
  return sim;
}

/** The catalog with a scenario's template patches applied (both engines run the same declarations). */
export function patchedCatalog(catalog: Catalog, scenario: EngineScenario): Catalog {
  if (!scenario.patch) return catalog;
  const patch = scenario.patch;
  const templates = catalog.templates.map((t) => (patch[t.id] ? { ...structuredClone(t), ...patch[t.id] } : t));
  return { ...catalog, templates, template: (id) => templates.find((t) => t.id === id) };
}

/** The journal once the simulator answered every request (a timed-out one is journaled when its latency is over). */
export async function settledJournal(sim: Simulator, scenario: EngineScenario): Promise<JournalEntry[]> {
  const latency = Math.max(0, ...(scenario.faults ?? []).map((f) => (f.kind === 'latency' ? (f.ms ?? 0) : 0)));
  if (latency > 0) await new Promise((resolve) => setTimeout(resolve, latency + 150));
  return sim.journal();
}

/** A request as MailerLite received it: method, raw path, decoded query, parsed JSON body, the headers templates declare. */
export interface ReceivedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  body: JsonValue | string | null;
  headers: Record<string, string>;
}

/** Header names any template of the catalog declares, lower-cased (the rest belong to the HTTP client). */
export function declaredHeaders(catalog: Catalog): Set<string> {
  return new Set(catalog.templates.flatMap((t) => Object.keys(t.request.headers ?? {}).map((name) => name.toLowerCase())));
}

/** The journal as compared across engines. */
export function received(journal: JournalEntry[], headers: Set<string>): ReceivedRequest[] {
  return journal.map((e) => ({
    method: e.method,
    path: e.path,
    query: e.query,
    body: e.body,
    headers: Object.fromEntries(Object.entries(e.headers).filter(([name]) => headers.has(name))),
  }));
}

/** What our engine did in a scenario: the expectation every export must meet. */
export interface EngineRun {
  journal: JournalEntry[];
  replies: string[];
  end: FlowEnd;
}

/**
 * Runs a scenario through our own engine (runFlow) against a fresh simulator seeded for it.
 *
 * @example
 * const expected = await runEngineScenario(loadCatalog(), oneMessageScenarios('new')[0]!);
 * expected.replies // ['You are now subscribed, Priya! You will receive our newsletter at priya@example.com.']
 */
export async function runEngineScenario(catalog: Catalog, scenario: EngineScenario): Promise<EngineRun> {
  const flow = catalog.flow(scenario.flow, scenario.api);
  if (!flow) throw new Error(`no ${scenario.api} flow ${scenario.flow}`);
  const declarations = patchedCatalog(catalog, scenario);
  const sim = await scenarioSimulator(scenario);
  try {
    const result = await runFlow(flow, scenario.vars, {
      settings: catalog.settings(scenario.settings),
      secrets: { api_key: sim.keys[scenario.api] },
      fetch: (url, init) => fetch(url, init),
      baseUrl: sim.url,
      template: declarations.template,
    });
    return { journal: await settledJournal(sim, scenario), replies: result.replies, end: result.end };
  } finally {
    await sim.close();
  }
}
