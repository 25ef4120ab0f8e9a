import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { ApiVersion } from '../../../plugin/catalog.js';
import type { JsonObject, JsonValue } from '../../../plugin/json.js';
import type { FaultKind, FaultSpec, SeedInput } from '../../../plugin/simulator/index.js';

/** One request as the simulator's journal holds it, less the transport's own headers. */
export interface ExpectedRequest {
  method: string;
  /** Raw path, still percent-encoded (`/api/subscribers/priya%2Bnews@example.com`). */
  path: string;
  /** Decoded query parameters; `{}` when left out. */
  query?: Record<string, string>;
  /** Lower-cased names; keys appear as the journal's `[REDACTED]` marker. */
  headers: Record<string, string>;
  /** Parsed JSON body; `null` (no body) when left out. */
  body?: JsonValue;
  /** The exact body text: checked through key order and Content-Length. */
  raw_body?: string;
  /** Status the simulator answered (null when it dropped the connection). */
  status: number | null;
  /** The injected fault that shaped the answer. */
  fault?: FaultKind;
}

/** What one step must have produced. */
export interface ExpectedStep {
  /** Template id (flows: the step's template, in order). */
  template?: string;
  /** Inputs after checking (emails trimmed and lower-cased). */
  inputs?: Record<string, JsonValue>;
  outcome: string;
  outputs: Record<string, JsonValue>;
  attempts?: number;
  /** The last response's status and body (text for non-JSON); null when there was none. */
  response?: { status: number; body: JsonValue } | null;
  error?: { kind: string; message?: string } | null;
}

/** A check of the simulator's data after the run. */
export type StateCheck =
  | { api: ApiVersion; subscriber: string; absent: true }
  | { api: ApiVersion; subscriber: string; match: JsonObject }
  | { api: ApiVersion; group: string; match: JsonObject }
  | { api: ApiVersion; count: { subscribers?: number; groups?: number } };

interface Common {
  description: string;
  /** Simulator seed (default: DEFAULT_SEED). */
  seed?: SeedInput;
  faults?: FaultSpec[];
  settings?: Record<string, JsonValue>;
  vars: Record<string, JsonValue>;
  /** Which account's key to send (default: the API of the template or flow). */
  key?: ApiVersion;
  /** Shallow changes to templates for this run only, by template id (e.g. a short timeout_ms). */
  patch?: Record<string, JsonObject>;
  /** Why the scenario cannot pass yet: names the bug (simulator or engine) it waits for. */
  skip?: string;
}

export interface StepExpect extends ExpectedStep {
  requests: ExpectedRequest[];
  /** Waits the engine asked for between attempts (fake sleep, random fixed at 0.5). */
  sleeps?: number[];
  state?: StateCheck[];
}

export interface FlowExpect {
  requests: ExpectedRequest[];
  steps: ExpectedStep[];
  replies: string[];
  /** Node ids in the order visited. */
  path: string[];
  end: JsonObject;
  /** Variables at the end (a subset: only the names given are compared). */
  variables?: JsonObject;
  sleeps?: number[];
  state?: StateCheck[];
}

export type StepScenario = Common & { expect: StepExpect };
/** Flows share ids across APIs, so a flow scenario names its API. */
export type FlowScenario = Common & { api: ApiVersion; answers?: string[]; expect: FlowExpect };

/** A scenario file: where it lives, the id it is for, and its content. */
export interface ScenarioFile<T> {
  /** Path relative to test/scenarios, e.g. `mailerlite.subscriber.lookup/not-found.json`. */
  file: string;
  /** Template or flow id: the directory name. */
  id: string;
  name: string;
  scenario: T;
}

/**
 * Every `<id>/<name>.json` under `root`, parsed, in a stable order.
 *
 * @example
 * readScenarioFiles('test/scenarios')[0] // { file: 'campaign.precheck/classic-send.json', id: 'campaign.precheck', name: 'classic-send', scenario: {...} }
 */
export function readScenarioFiles(root: string): Array<ScenarioFile<JsonObject>> {
  const out: Array<ScenarioFile<JsonObject>> = [];
  for (const id of readdirSync(root).sort()) {
    const dir = path.join(root, id);
    if (id === 'support' || !statSync(dir).isDirectory()) continue;
    for (const name of readdirSync(dir).filter((n) => n.endsWith('.json')).sort()) {
      const file = `${id}/${name}`;
      let parsed: unknown;
      try {
        parsed = JSON.parse(readFileSync(path.join(dir, name), 'utf8'));
      } catch (error) {
        throw new Error(`test/scenarios/${file}: not JSON: ${error instanceof Error ? error.message : String(error)}`);
      }
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
        throw new Error(`test/scenarios/${file}: expected an object with description, vars and expect`);
      }
      out.push({ file, id, name: name.replace(/\.json$/, ''), scenario: parsed as JsonObject });
    }
  }
  return out;
}

/**
 * Problems with a scenario's shape, each naming the key (empty when usable).
 *
 * @example
 * shapeProblems('whatsapp.join/x.json', { description: 'd', vars: {}, expect: {} }, 'flow')
 * // ['test/scenarios/whatsapp.join/x.json: /api must be "new" or "classic" ...', '.../expect/requests is missing', ...]
 */
export function shapeProblems(file: string, s: JsonObject, kind: 'step' | 'flow'): string[] {
  const problems: string[] = [];
  const need = (key: string, what: string) => {
    if (s[key] === undefined) problems.push(`test/scenarios/${file}: /${key} is missing; expected ${what}`);
  };
  need('description', 'a sentence saying what the scenario proves');
  need('vars', 'the conversation variables, e.g. {"customer_email": "priya@example.com"}');
  need('expect', kind === 'step' ? '{requests, outcome, outputs}' : '{requests, steps, replies, path, end}');
  if (kind === 'flow' && s.api !== 'new' && s.api !== 'classic') problems.push(`test/scenarios/${file}: /api must be "new" or "classic" (flow ids are shared by both APIs)`);
  const expect = s.expect;
  if (expect && typeof expect === 'object' && !Array.isArray(expect)) {
    const keys = kind === 'step' ? ['requests', 'outcome', 'outputs'] : ['requests', 'steps', 'replies', 'path', 'end'];
    for (const key of keys) if (expect[key] === undefined) problems.push(`test/scenarios/${file}: /expect/${key} is missing`);
  }
  return problems;
}
