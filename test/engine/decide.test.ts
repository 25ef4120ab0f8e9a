import { describe, expect, it } from 'vitest';
import { DeclarationError } from '../../plugin/errors.js';
import type { OutcomeRule } from '../../plugin/generated/step-template.js';
import type { JsonValue } from '../../plugin/json.js';
import { decide, type Decision } from '../../plugin/response/decide.js';
import { mapOutputs, type Outputs } from '../../plugin/response/map.js';
import { SETTINGS, template } from './support/catalog.js';
import { recordedResponse, type Reply } from './support/fake-fetch.js';
import { readTable } from './support/tables.js';

/** A row of test/fixtures/decide: rules (or a shipped template's), what happened, the exact decision. */
interface DecideCase {
  name: string;
  template?: string;
  rules?: OutcomeRule[];
  response: Extract<Reply, { status: number }> | null;
  failure?: 'timeout' | 'network';
  /** Outputs as given; for a template row they are mapped from the response. */
  outputs?: Outputs;
  inputs?: Record<string, JsonValue>;
  settings?: Record<string, JsonValue>;
  expect: Decision;
}

describe('decide the outcome', () => {
  it.each(readTable<DecideCase>('decide'))('$file: $name', async (row) => {
    const step = row.template ? template(row.template) : undefined;
    const response = await recordedResponse(row.response);
    const inputs = row.inputs ?? { customer_email: 'priya@example.com' };
    const settings = row.settings ?? SETTINGS;
    const outputs = row.outputs ?? (step ? mapOutputs(step.outputs, response, inputs, settings) : {});
    const rules = step ? step.outcomes : row.rules!;
    expect(decide(rules, { response, failure: row.failure ?? null, outputs, inputs, settings })).toEqual(row.expect);
  });

  it('refuses rules without a fallback (a broken template, not an outcome)', () => {
    const observation = { response: null, failure: 'network' as const, outputs: {}, inputs: {}, settings: {} };
    expect(() => decide([{ name: 'ok', description: 'd', when: { status: 200 } }], observation)).toThrow(DeclarationError);
  });
});
