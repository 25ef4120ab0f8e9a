import type { ApiVersion, Catalog } from '../../catalog.js';
import { declarationsFor } from '../../declarations/catalog.js';
import type { Problem } from '../../declarations/problem.js';
import { flowTemplateProblems } from '../../declarations/flow-templates.js';
import { profileProblems } from '../../declarations/profile.js';
import { authHeaderExample, secretPlaceProblems } from '../../declarations/secret-places.js';
import type { StepTemplate } from '../../generated/step-template.js';
import { flowCollection } from './collection.js';
import { PostmanExportError, Problems, RULE } from './problems.js';
import { exportStep, type ExportedStep } from './step.js';

/** Which flows to export: those of one API version. */
export interface PostmanExportOptions {
  api: ApiVersion;
}

/** One file of the export, its path relative to the output directory. */
export interface PostmanFile {
  path: string;
  content: string;
}

/**
 * Exports every flow of one API version as a Postman collection v2.1,
 * `<flow id>.postman_collection.json`, which `newman run FILE --env-var base_url=<origin>
 * --env-var api_key=... --env-var group_id=... --env-var customer_email=...` runs: one
 * request per step, branches by status, the flow's conditions, set nodes, replies and end
 * evaluated in the collection's script as decision 006 defines them; at the end the
 * environment holds `reply` and `end`. No key is ever written: only `{{api_key}}`.
 * Declarations outside the builder profile throw one PostmanExportError naming each.
 *
 * @example
 * exportPostman(loadCatalog(), { api: 'new' }).files.map((f) => f.path)
 * // ['whatsapp.join.postman_collection.json', 'whatsapp.stop.postman_collection.json', ...]
 */
export function exportPostman(catalog: Catalog, options: PostmanExportOptions): { files: PostmanFile[] } {
  const { templates, flows } = declarationsFor(catalog, options.api);
  // What the builder profile does not hold: the check validate runs; the collection's own limits are found as it is built.
  const problems: Problem[] = [
    ...profileProblems(templates, flows, { rule: RULE, profile: catalog.manifest.builder, unparsed: true }),
    // Secrets outside headers, templates missing or of the other API: the checks validate runs.
    ...secretPlaceProblems(templates, flows, { rule: RULE, authExample: authHeaderExample(catalog.manifest, options.api) }),
    ...flows.flatMap((f) => flowTemplateProblems(f, catalog.templates, { rule: RULE })),
  ];
  const steps = new Map<StepTemplate, ExportedStep | undefined>();
  const exportTemplate = (template: StepTemplate): ExportedStep | undefined => {
    if (!steps.has(template)) {
      const found = new Problems(catalog.manifest.templates[catalog.templates.indexOf(template)] ?? template.id);
      steps.set(template, exportStep(template, Object.keys(catalog.manifest.secrets), found));
      problems.push(...found.list);
    }
    return steps.get(template);
  };
  const files: PostmanFile[] = [];
  catalog.flows.forEach((flow, index) => {
    if (flow.api !== options.api) return;
    const found = new Problems(catalog.manifest.flows[index] ?? flow.id);
    const collection = flowCollection(catalog, flow, exportTemplate, found);
    problems.push(...found.list);
    if (collection) files.push({ path: `${flow.id}.postman_collection.json`, content: JSON.stringify(collection, null, 2) + '\n' });
  });
  if (problems.length > 0) throw new PostmanExportError(problems);
  return { files };
}
