import { describe, expect, it } from 'vitest';
import type { Catalog } from '../../plugin/catalog.js';
import { NodeRedExportError, exportNodeRed } from '../../plugin/export/node-red/export.js';
import { exportPostman } from '../../plugin/export/postman/export.js';
import { PostmanExportError } from '../../plugin/export/postman/problems.js';
import type { Flow } from '../../plugin/generated/flow.js';
import type { StepTemplate } from '../../plugin/generated/step-template.js';
import { catalog } from './catalog.js';

/** The real catalog with the templates and flows edited (each a deep copy). */
function edited(edit: (templates: StepTemplate[], flows: Flow[]) => void): Catalog {
  const templates = structuredClone(catalog.templates);
  const flows = structuredClone(catalog.flows);
  edit(templates, flows);
  return { ...catalog, templates, flows, template: (id) => templates.find((t) => t.id === id), flow: (id, api) => flows.find((f) => f.id === id && f.api === api) };
}

function problemsOf(run: () => unknown): Array<{ pointer: string; rule: string; message: string }> {
  try {
    run();
  } catch (error) {
    if (error instanceof PostmanExportError || error instanceof NodeRedExportError) return error.problems.map(({ pointer, rule, message }) => ({ pointer, rule, message }));
    throw error;
  }
  return [];
}

const exporters = [
  ['Postman', (c: Catalog) => exportPostman(c, { api: 'new' }), 'postman-export'],
  ['Node-RED', (c: Catalog) => exportNodeRed(c, { api: 'new' }), 'node-red-export'],
] as const;

describe.each(exporters)('the %s export runs the checks validate runs', (_name, run, rule) => {
  it('refuses a secret outside a header (secretPlaceProblems)', () => {
    const broken = edited((_templates, flows) => {
      const flow = flows.find((f) => f.api === 'new' && Object.values(f.nodes).some((n) => n.type === 'reply'))!;
      const reply = Object.values(flow.nodes).find((n) => n.type === 'reply')!;
      if (reply.type === 'reply') reply.text = 'Key: <<secrets.api_key>>';
    });
    expect(problemsOf(() => run(broken))).toContainEqual(expect.objectContaining({ rule, message: '<<secrets.api_key>> is used in a flow message; secrets may appear only in request header values' }));
  });

  it('refuses a step template that is missing or of the other API (flowTemplateProblems)', () => {
    const classic = catalog.templates.find((t) => t.api === 'classic')!.id;
    const broken = edited((_templates, flows) => {
      const flow = flows.find((f) => f.api === 'new' && Object.values(f.nodes).filter((n) => n.type === 'step').length >= 2)!;
      const [first, second] = Object.values(flow.nodes).filter((n) => n.type === 'step');
      if (first?.type === 'step') first.template = 'mailerlite.nothing.here';
      if (second?.type === 'step') second.template = classic;
    });
    const found = problemsOf(() => run(broken));
    expect(found).toContainEqual(expect.objectContaining({ rule, message: expect.stringMatching(/^no step template "mailerlite.nothing.here" in this plugin/) }));
    expect(found).toContainEqual(expect.objectContaining({ rule, message: `template "${classic}" talks to the classic API, but this flow is for new` }));
  });
});
