/**
 * A whole flow where a user feels it: the JOIN flow through `runFlow` against the
 * simulator over loopback HTTP, as a ratio to raw `fetch` making the same two calls
 * (lookup → 404, upsert → 201) with the same headers and bodies, and the same 10 s
 * per-request timeout every step has (an abort signal: part of the call, not of the
 * engine), measured in the same run.
 * Goal: at most 1.1x.
 */
import { loadCatalog, type Catalog } from '../../plugin/catalog.js';
import { runFlow } from '../../plugin/flow/run.js';
import { startSimulator, type Simulator } from '../../plugin/simulator/index.js';
import { median, type BenchReport } from './report.js';

/** How long to measure: flows per round, rounds (the median is kept), warm-up flows. */
export interface FlowBenchOptions {
  flows?: number;
  rounds?: number;
  warmup?: number;
}

const SETTINGS = { group_id: '123456789' };
const NAME = 'Priya Sharma';
const PHONE = '+919820000001';

/** The JOIN flow through the engine for one new contact; checks it went lookup 404 → upsert 201. */
async function engineJoin(sim: Simulator, catalog: Catalog, email: string): Promise<void> {
  const flow = catalog.flow('whatsapp.join', 'new')!;
  const result = await runFlow(flow, { customer_email: email, customer_name: NAME, customer_phone: PHONE }, {
    template: catalog.template,
    settings: catalog.settings(SETTINGS),
    secrets: { api_key: sim.keys.new },
    baseUrl: sim.url,
    fetch,
  });
  const statuses = result.steps.map((step) => step.response?.status);
  if (statuses.join() !== '404,201') throw new Error(`bench: the JOIN flow answered ${statuses.join(', ')}, not 404, 201`);
}

/** One call by hand, with the per-request timeout every step has (an abort signal and a 10 s timer). */
async function call(url: string, init: RequestInit): Promise<Response> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 10_000);
  try {
    const response = await fetch(url, { ...init, signal: controller.signal });
    JSON.parse(await response.text());
    return response;
  } finally {
    clearTimeout(timer);
  }
}

/** The same two calls by hand: the lookup, then the upsert with the body the flow sends. */
async function rawJoin(sim: Simulator, email: string): Promise<void> {
  const headers = { Authorization: `Bearer ${sim.keys.new}`, Accept: 'application/json' };
  const lookup = await call(`${sim.url}/api/subscribers/${encodeURIComponent(email).replaceAll('%40', '@')}`, { method: 'GET', headers });
  const body = JSON.stringify({ email, fields: { name: NAME, phone: PHONE }, groups: [SETTINGS.group_id], status: 'active' });
  const upsert = await call(`${sim.url}/api/subscribers`, { method: 'POST', headers: { ...headers, 'Content-Type': 'application/json' }, body });
  if (`${lookup.status},${upsert.status}` !== '404,201') throw new Error(`bench: raw fetch answered ${lookup.status}, ${upsert.status}, not 404, 201`);
}

async function timeFlows(count: number, join: (email: string) => Promise<void>, tag: string, round: number): Promise<number> {
  const started = performance.now();
  for (let i = 0; i < count; i++) await join(`bench-${tag}-${round}-${i}@example.com`);
  return (performance.now() - started) / count;
}

/**
 * Runs both, interleaved round by round against one simulator without rate limits, and
 * reports the median time per flow of each.
 *
 * @example
 * const report = await benchFlow(); console.log(report.lines.join('\n'))
 */
export async function benchFlow(options: FlowBenchOptions = {}): Promise<BenchReport> {
  const { flows = 200, rounds = 7, warmup = 50 } = options;
  const sim = await startSimulator({ port: 0, limits: { requests: Number.MAX_SAFE_INTEGER } });
  try {
    const catalog = loadCatalog();
    const engine = (email: string) => engineJoin(sim, catalog, email);
    const raw = (email: string) => rawJoin(sim, email);
    await timeFlows(warmup, engine, 'warm-engine', 0);
    await timeFlows(warmup, raw, 'warm-raw', 0);
    const engineTimes: number[] = [];
    const rawTimes: number[] = [];
    for (let round = 1; round <= rounds; round++) {
      rawTimes.push(await timeFlows(flows, raw, 'raw', round));
      engineTimes.push(await timeFlows(flows, engine, 'engine', round));
    }
    const ratio = median(engineTimes) / median(rawTimes);
    const goal = 1.1;
    return {
      name: 'JOIN flow over loopback HTTP',
      lines: [
        `raw fetch (GET 404, POST 201, each with a 10 s timeout): ${(median(rawTimes) * 1000).toFixed(0)} µs/flow`,
        `runFlow whatsapp.join:                                 ${(median(engineTimes) * 1000).toFixed(0)} µs/flow`,
        `ratio:                                                 ${ratio.toFixed(2)}x (goal ≤ ${goal}x; median of ${rounds} rounds of ${flows} flows, after ${warmup} warm-up flows each)`,
      ],
      ratio,
      goal,
      ok: ratio <= goal,
    };
  } finally {
    await sim.close();
  }
}
