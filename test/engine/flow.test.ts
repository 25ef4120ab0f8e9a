import { afterEach, describe, expect, it, vi } from 'vitest';
import { runFlow, type Question } from '../../plugin/flow/run.js';
import type { FlowEnd } from '../../plugin/flow/result.js';
import type { Flow } from '../../plugin/generated/flow.js';
import type { JsonValue } from '../../plugin/json.js';
import type { Variables } from '../../plugin/step/inputs.js';
import { SECRETS, SETTINGS, shipped } from './support/catalog.js';
import { drive, fakeSleep, useFakeClock } from './support/clock.js';
import { fakeMailerLite, type Exchange } from './support/fake-fetch.js';
import { readTable, type Located } from './support/tables.js';

/** A row of test/fixtures/flow: a flow (shipped, by id and API, or inline), what MailerLite does, and how the run went. */
interface FlowCase {
  name: string;
  flow: { id: string; api: 'new' | 'classic' } | Flow;
  given: Variables;
  /** Settings over the defaults (SETTINGS). */
  settings?: Record<string, JsonValue>;
  /** The contact's answers to `ask` nodes, in turn; without them there is no answer callback. */
  answers?: string[];
  maxVisits?: number;
  script: Exchange[];
  expect: {
    path?: string[];
    outcomes?: string[];
    attempts?: number[];
    replies?: string[];
    end?: FlowEnd;
    /** Variables at the end that must hold these values (others may exist). */
    variables?: Record<string, JsonValue>;
    questions?: Question[];
    /** The JSON body of each request sent (null for none). */
    bodies?: Array<JsonValue | null>;
    waits?: number[];
    elapsed_ms?: number;
    error?: { name: string; message: string };
  };
}

function flowOf(row: Located<FlowCase>): Flow {
  if ('nodes' in row.flow) return row.flow;
  const found = shipped().flow(row.flow.id, row.flow.api);
  if (!found) throw new Error(`${row.file}: no flow ${row.flow.api}:${row.flow.id} in manifest.json`);
  return found;
}

afterEach(() => {
  vi.useRealTimers();
});

describe('run flows', () => {
  it.each(readTable<FlowCase>('flow'))('$file: $name', async (row) => {
    useFakeClock();
    const ml = fakeMailerLite(row.script);
    const { sleep, waits } = fakeSleep();
    const answers = row.answers ? [...row.answers] : undefined;
    const questions: Question[] = [];
    const visits: string[] = [];
    const started = Date.now();
    const running = runFlow(flowOf(row), row.given, {
      settings: { ...SETTINGS, ...row.settings },
      secrets: SECRETS,
      fetch: ml.fetch,
      sleep,
      random: () => 0.5,
      template: (id) => shipped().template(id),
      ...(answers ? { answer: async (question: Question) => (questions.push(question), answers.shift()) } : {}),
      onVisit: (visit) => visits.push(visit.node),
      ...(row.maxVisits ? { maxVisits: row.maxVisits } : {}),
    });
    const { expect: want } = row;
    if (want.error) {
      const error = await drive(running).then(
        () => new Error('expected the flow to throw'),
        (caught: unknown) => caught as Error,
      );
      expect({ name: error.name, message: error.message }).toEqual(want.error);
      expect(ml.problems()).toEqual([]);
      return;
    }
    const result = await drive(running);
    expect(ml.problems()).toEqual([]);
    expect(result.path.map((visit) => visit.node)).toEqual(visits);
    if (want.path) expect(visits).toEqual(want.path);
    if (want.outcomes) expect(result.steps.map((step) => step.outcome)).toEqual(want.outcomes);
    if (want.attempts) expect(result.steps.map((step) => step.attempts)).toEqual(want.attempts);
    if (want.replies) expect(result.replies).toEqual(want.replies);
    if (want.end) expect(result.end).toEqual(want.end);
    if (want.variables) expect(result.variables).toMatchObject(want.variables);
    if (want.questions) expect(questions).toEqual(want.questions);
    if (want.bodies) expect(ml.requests.map((request) => request.body ?? null)).toEqual(want.bodies);
    if (want.waits) expect(waits).toEqual(want.waits);
    if (want.elapsed_ms !== undefined) expect(Date.now() - started).toBe(want.elapsed_ms);
    // Step outcomes are what the path records, and the key is never in the result.
    expect(result.path.filter((v) => v.type === 'step').map((v) => v.outcome)).toEqual(result.steps.map((s) => s.outcome));
    expect(JSON.stringify(result)).not.toContain(SECRETS.api_key);
  });
});
