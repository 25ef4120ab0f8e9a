import { describe, expect, it } from 'vitest';
import { exportFlow } from '../../plugin/export/flow.js';
import { flowPage, stepPage } from '../../plugin/export/markdown.js';
import { exportStep } from '../../plugin/export/step.js';
import type { FlowExport, RequestForm, StepExport } from '../../plugin/export/types.js';
import { catalog, context } from './catalog.js';

/** A plain path: names, `[n]` and `[*]` (decision 006). */
const PLAIN_PATH = /^(?:[A-Za-z_][A-Za-z0-9_]*|\[(?:\d+|\*)\])(?:\.[A-Za-z_][A-Za-z0-9_]*|\[(?:\d+|\*)\])*$/;

/** What JMESPath has beyond plain paths: calls, or/and, literals, filters, flatten projections, its variables. */
const JMESPATH = ['(', '||', '&&', '`', '[?', '[].', '$'];

/** What a builder's status branch says: statuses, a timeout, no connection, or anything else. */
const BRANCH = /^(?:HTTP (?:\d{3}|\dxx)(?:(?:, | or )(?:\d{3}|\dxx))*|timeout \(no answer in time\)|no connection \(network failure\)|anything else)$/;

const steps: StepExport[] = catalog.templates.map((t) => exportStep(t, context()));
const flows: FlowExport[] = catalog.flows.map((f) => exportFlow(f, catalog.template, context()));
const forms: Array<[string, RequestForm]> = [...steps.map((s): [string, RequestForm] => [s.id, s.form]), ...flows.flatMap((f) => f.steps.map((s): [string, RequestForm] => [`${f.id}.${f.api}#${s.node}`, s.form]))];

describe('no export holds JMESPath beyond plain paths', () => {
  it('covers every template and flow of both API versions', () => {
    expect(new Set(steps.map((s) => s.api))).toEqual(new Set(['new', 'classic']));
    expect(steps).toHaveLength(catalog.manifest.templates.length);
    expect(flows.map((f) => `${f.id}.${f.api}`).sort()).toEqual(catalog.flows.map((f) => `${f.id}.${f.api}`).sort());
    expect(flows).toHaveLength(8);
  });

  it.each(forms)('%s: every mapping row is a plain path', (_name, form) => {
    for (const row of form.response_mapping) {
      expect(row.path, row.row).toMatch(PLAIN_PATH);
      for (const part of JMESPATH) expect(row.row, row.row).not.toContain(part);
      expect(row.row).toBe(`${row.path} -> ${row.variable}`);
    }
  });

  it.each(forms)('%s: every status condition is a status, a failure or anything else, and the last is anything else', (_name, form) => {
    for (const row of form.status_conditions) expect(row.when).toMatch(BRANCH);
    expect(form.status_conditions.at(-1)?.when).toBe('anything else');
  });

  it.each([...steps.map((s): [string, string, string] => [s.id, JSON.stringify(s), stepPage(s)]), ...flows.map((f): [string, string, string] => [`${f.id}.${f.api}`, JSON.stringify(f), flowPage(f)])])(
    '%s: neither the JSON nor the Markdown names JMESPath or uses its operators',
    (_name, json, page) => {
      for (const text of [json, page]) {
        for (const part of ['||', '&&', '[?', '[].', '$settings', '$inputs', 'contains(', 'length(', 'to_string(', 'JMESPath', '<<', 'secrets.']) expect(text).not.toContain(part);
      }
    },
  );
});
