/**
 * Engine speed: the per-step work of the generic engine (check inputs, render and build
 * the request, map outputs, decide the outcome; no I/O: a canned response) for the real
 * upsert and lookup templates, as a ratio to hand-written functions doing the same work
 * for the same template, measured in the same run.
 */
import { fullFormats } from 'ajv-formats/dist/formats.js';
import { loadCatalog } from '../../plugin/catalog.js';
import type { StepTemplate } from '../../plugin/generated/step-template.js';
import type { ResponseRecord } from '../../plugin/http/response.js';
import type { JsonValue } from '../../plugin/json.js';
import type { OutgoingRequest, ShownRequest } from '../../plugin/request/build.js';
import { planFor } from '../../plugin/step/plan.js';
import { definedValues } from '../../plugin/step/result.js';
import { prepareWith } from '../../plugin/step/run.js';
import { median, type BenchReport } from './report.js';

/** How long to measure: iterations per round, rounds (the median is kept), warm-up iterations. */
export interface BenchOptions {
  iterations?: number;
  rounds?: number;
  warmup?: number;
}

/** What one step produced: enough to check that engine and hand-written code agree. */
interface StepWork {
  outgoing: OutgoingRequest | null;
  shown: ShownRequest | null;
  inputs: Record<string, JsonValue>;
  outputs: Record<string, JsonValue>;
  outcome: string;
}

type Step = () => StepWork;

const SETTINGS = { api_version: 'new', group_id: '123456789', optin_form_url: 'https://landing.mailerlite.com/webforms/landing/a1b2c3', group_name: 'WhatsApp Opt-Ins' };
const SECRETS = { api_key: 'bench-key' };
const GIVEN = { customer_email: ' Priya@Example.com ', customer_name: 'Priya Sharma', customer_phone: '+919820000001' };

function subscriber(groupIds: string[]): JsonValue {
  return {
    data: {
      id: '165968862226941797', email: 'priya@example.com', status: 'active', source: 'api', sent: 0, opens_count: 0, clicks_count: 0,
      open_rate: 0, click_rate: 0, ip_address: null, subscribed_at: '2025-09-19 11:10:41', unsubscribed_at: null,
      created_at: '2025-09-19 11:10:41', updated_at: '2025-09-19 11:10:41',
      fields: { name: 'Priya Sharma', last_name: null, company: null, country: null, city: null, phone: '+919820000001', state: null, z_i_p: null },
      groups: groupIds.map((id) => ({ id, name: 'WhatsApp Opt-Ins', active_count: 1, sent_count: 0, opens_count: 0, open_rate: { float: 0, string: '0%' }, clicks_count: 0, click_rate: { float: 0, string: '0%' }, unsubscribed_count: 0, unconfirmed_count: 0, bounced_count: 0, junk_count: 0, created_at: '2023-09-23 08:12:28' })),
      opted_in_at: null, optin_ip: null,
    },
  };
}

const HEADERS = { 'content-type': 'application/json', 'cache-control': 'no-cache, private', 'x-ratelimit-limit': '120', 'x-ratelimit-remaining': '89' };
const CREATED: ResponseRecord = { status: 201, headers: HEADERS, body: subscriber(['123456789']), json: true };
const FOUND: ResponseRecord = { status: 200, headers: HEADERS, body: subscriber(['100093655191127682', '123456789']), json: true };

/** The engine's per-step work, as runStep does it minus the send (the template's plan looked up each step, as there). */
function engineStep(template: StepTemplate, response: ResponseRecord): Step {
  return () => {
    const plan = planFor(template);
    const settings = definedValues(SETTINGS);
    const prepared = prepareWith(plan, template.id, GIVEN, { settings: SETTINGS, secrets: SECRETS });
    if (!prepared.ok) return { outgoing: null, shown: null, inputs: prepared.inputs, outputs: {}, outcome: 'invalid_input' };
    const outputs = plan.outputs(response, prepared.inputs, settings);
    const { outcome } = plan.outcomes({ response, failure: null, outputs, inputs: prepared.inputs, settings });
    return { outgoing: prepared.built.outgoing, shown: prepared.built.shown, inputs: prepared.inputs, outputs, outcome };
  };
}

const isEmail = fullFormats.email as RegExp;
const E164 = /^\+[1-9]\d{6,14}$/;

function email(raw: unknown): string | undefined {
  if (typeof raw !== 'string' || raw.trim() === '') throw new Error('missing required input: customer_email');
  const value = raw.trim().toLowerCase();
  return isEmail.test(value) && value.length <= 254 ? value : undefined;
}

type Data = { id?: string; status?: string; groups?: Array<{ id: string }> } | undefined;

/** The upsert template, by hand: same validation, request, outputs and outcome. */
function handUpsert(response: ResponseRecord): Step {
  return (): StepWork => {
    const address = email(GIVEN.customer_email);
    const name = GIVEN.customer_name.trim() === '' ? undefined : GIVEN.customer_name;
    const phone = GIVEN.customer_phone.trim() === '' ? undefined : GIVEN.customer_phone.trim();
    if (address === undefined || (phone !== undefined && !E164.test(phone))) return { outgoing: null, shown: null, inputs: {}, outputs: {}, outcome: 'invalid_input' };
    const inputs: Record<string, JsonValue> = { customer_email: address };
    if (name !== undefined) inputs.customer_name = name;
    if (phone !== undefined) inputs.customer_phone = phone;
    const fields: Record<string, string> = {};
    if (name !== undefined) fields.name = name;
    if (phone !== undefined) fields.phone = phone;
    const body: Record<string, JsonValue> = { email: address };
    if (name !== undefined || phone !== undefined) body.fields = fields;
    body.groups = [SETTINGS.group_id];
    body.status = 'active';
    const headers = { Authorization: `Bearer ${SECRETS.api_key}`, Accept: 'application/json', 'Content-Type': 'application/json' };
    const url = 'https://connect.mailerlite.com/api/subscribers';
    const outgoing = { method: 'POST', url, headers, body: JSON.stringify(body) };
    const shown = { method: 'POST', url, headers: { ...headers, Authorization: 'Bearer [redacted:api_key]' }, body };
    const json = response.body as { data?: Data; message?: string; subscriber?: string; errors?: { email?: string[] } } | null;
    const data = json?.data;
    const outputs = { subscriber_id: data?.id ?? null, subscriber_status: data?.status ?? null, error_message: json?.message ?? null };
    const status = response.status;
    let outcome = 'error';
    if (status === 201) outcome = 'created';
    else if (status === 200) outcome = 'updated';
    else if (status === 422) outcome = json?.subscriber || (json?.errors?.email ?? []).join(' ').includes('cannot be imported') ? 'cannot_resubscribe' : 'invalid';
    else if (status === 401 || status === 403) outcome = 'auth_error';
    else if (status === 429) outcome = 'rate_limited';
    return { outgoing, shown, inputs, outputs, outcome };
  };
}

/** The lookup template, by hand. */
function handLookup(response: ResponseRecord): Step {
  return (): StepWork => {
    const address = email(GIVEN.customer_email);
    if (address === undefined) return { outgoing: null, shown: null, inputs: {}, outputs: {}, outcome: 'invalid_input' };
    const headers = { Authorization: `Bearer ${SECRETS.api_key}`, Accept: 'application/json' };
    const url = `https://connect.mailerlite.com/api/subscribers/${encodeURIComponent(address).replace(/%40/g, '@')}`;
    const outgoing = { method: 'GET', url, headers, body: undefined };
    const shown = { method: 'GET', url, headers: { ...headers, Authorization: 'Bearer [redacted:api_key]' }, body: null };
    const data = (response.body as { data?: Data } | null)?.data;
    const ids = data?.groups ? data.groups.map((group) => group.id) : null;
    const outputs = { subscriber_id: data?.id ?? null, subscriber_status: data?.status ?? null, subscriber_group_ids: ids, in_target_group: (ids ?? []).includes(SETTINGS.group_id) };
    const status = response.status;
    const state = outputs.subscriber_status;
    let outcome = 'error';
    if (status === 200) {
      if (state === 'unsubscribed' || state === 'bounced' || state === 'junk') outcome = 'unsubscribed';
      else if (state === 'unconfirmed') outcome = 'unconfirmed';
      else outcome = outputs.in_target_group ? 'already_in_group' : 'found_not_in_group';
    } else if (status === 404) outcome = 'not_found';
    else if (status === 401 || status === 403) outcome = 'auth_error';
    else if (status === 429) outcome = 'rate_limited';
    return { outgoing, shown, inputs: { customer_email: address }, outputs, outcome };
  };
}

/** Nanoseconds per call, median over rounds; engine and hand-written code alternate within each round. */
function measure(a: Step, b: Step, options: Required<BenchOptions>): [number, number] {
  let sink = 0;
  for (let i = 0; i < options.warmup; i++) sink += a().outcome.length + b().outcome.length;
  const timesA: number[] = [];
  const timesB: number[] = [];
  for (let round = 0; round < options.rounds; round++) {
    for (const [step, times] of round % 2 === 0 ? ([[a, timesA], [b, timesB]] as const) : ([[b, timesB], [a, timesA]] as const)) {
      const start = process.hrtime.bigint();
      for (let i = 0; i < options.iterations; i++) sink += step().outcome.length;
      times.push(Number(process.hrtime.bigint() - start) / options.iterations);
    }
  }
  if (sink < 0) console.log(sink);
  return [median(timesA), median(timesB)];
}

function same(what: string, engine: StepWork, hand: StepWork): void {
  const a = JSON.stringify(engine);
  const b = JSON.stringify(hand);
  if (a !== b) throw new Error(`bench: the hand-written ${what} does not do the same work as the engine:\n engine ${a}\n hand   ${b}`);
}

const GOAL = 1.5;

/**
 * Measures the engine against hand-written code for the upsert and lookup templates.
 * The report's ratio is the worse of the two; the goal is at most 1.5x.
 *
 * @example
 * const report = await benchEngine({ iterations: 200, rounds: 3 });
 * console.log(report.lines.join('\n'));
 */
export async function benchEngine(options: BenchOptions = {}): Promise<BenchReport> {
  const settings: Required<BenchOptions> = { iterations: options.iterations ?? 20_000, rounds: options.rounds ?? 7, warmup: options.warmup ?? 5_000 };
  const catalog = loadCatalog();
  const cases = [
    { id: 'mailerlite.subscriber.upsert', response: CREATED, hand: handUpsert },
    { id: 'mailerlite.subscriber.lookup', response: FOUND, hand: handLookup },
  ];
  const lines: string[] = [];
  let worst = 0;
  for (const { id, response, hand } of cases) {
    const template = catalog.template(id);
    if (!template) throw new Error(`bench: no template ${id} in manifest.json`);
    const engine = engineStep(template, response);
    const byHand = hand(response);
    same(id, engine(), byHand());
    const [engineNs, handNs] = measure(engine, byHand, settings);
    const ratio = engineNs / handNs;
    worst = Math.max(worst, ratio);
    lines.push(`${id}: engine ${(engineNs / 1000).toFixed(2)} µs/step, by hand ${(handNs / 1000).toFixed(2)} µs/step, ratio ${ratio.toFixed(2)}x`);
  }
  lines.push(`goal: at most ${GOAL}x (median of ${settings.rounds} rounds of ${settings.iterations} steps, after ${settings.warmup} warm-up steps)`);
  return { name: 'engine', lines, ratio: worst, goal: GOAL, ok: worst <= GOAL };
}
