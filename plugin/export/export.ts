import path from 'node:path';
import { loadCatalog, type Catalog } from '../catalog.js';
import { UsageError } from '../errors.js';
import type { Flow } from '../generated/flow.js';
import type { StepTemplate } from '../generated/step-template.js';
import { packageRoot } from '../paths.js';
import { checkNames } from '../assignments.js';
import { makeOutDir, writeAtomic } from '../pack/write.js';
import { didYouMean } from '../nearest.js';
import { exportFlow } from './flow.js';
import { refuseUnsoundTree } from './refuse.js';
import { flowPage, stepPage } from './markdown.js';
import { exportStep, type ExportContext } from './step.js';
import { EXPORT_TARGET } from './types.js';
import type { EnvVars } from '../defaults.js';

/** Options of {@link exportForBuilder}. */
export interface ExportOptions {
  /** Template ids and flow ids (a flow id exports each API version; `whatsapp.join.classic` picks one), or `all`. */
  ids: string[] | 'all';
  /** Folder the files are written to (created when missing). */
  outDir: string;
  /** The plugin folder. Default: this package's own folder. */
  root?: string;
  /** Only flows (and, with `all`, templates) of this MailerLite version; an id ending in `.new` or `.classic` picks its own. Default: both. */
  api?: 'new' | 'classic';
  /** Setting values written into the fields as given (e.g. `{ group_id: '123456789' }`) instead of `{{group_id}}`. */
  settings?: Record<string, string>;
  /** Environment whose key variables (`MAILERLITE_API_KEY`, ...) must not appear in the tree. Default: `process.env`. */
  env?: EnvVars;
}

type Unit = { kind: 'step'; name: string; template: StepTemplate } | { kind: 'flow'; name: string; flow: Flow };

/**
 * Exports step templates and flows for bot builders that do not run the mailerlite-steps
 * engine: for each, `<name>.external-api-request.json` (the builder's External API Request
 * form fields, variables and caveats) and `<name>.md` (a page a person follows field by
 * field). `<name>` is the template id, or `<flow id>.<api>` for a flow. Returns the paths
 * written, in order. Unknown ids and settings are a UsageError naming the known ones.
 * Like `pack`, nothing is written from a tree that holds a key or does not validate (the
 * builder profile included): a RefusedError names each file and JSON Pointer, never the key.
 *
 * @example
 * await exportForBuilder({ ids: ['mailerlite.subscriber.upsert'], outDir: 'out' })
 * // ['/abs/out/mailerlite.subscriber.upsert.external-api-request.json', '/abs/out/mailerlite.subscriber.upsert.md']
 */
export async function exportForBuilder(options: ExportOptions): Promise<string[]> {
  const root = path.resolve(options.root ?? packageRoot());
  await refuseUnsoundTree(root, options.env);
  const catalog = loadCatalog(root);
  const values = options.settings ?? {};
  checkNames(Object.keys(values), Object.keys(catalog.manifest.settings), { noun: 'setting', known: 'the settings are' });
  const context: ExportContext = { manifest: catalog.manifest, values };
  const units = resolveUnits(catalog, options.ids, options.api);
  const outDir = await makeOutDir(options.outDir);
  const written: string[] = [];
  for (const unit of units) {
    const data = unit.kind === 'step' ? exportStep(unit.template, context) : exportFlow(unit.flow, catalog.template, context);
    const page = data.kind === 'step' ? stepPage(data) : flowPage(data);
    const json = path.join(outDir, `${unit.name}.${EXPORT_TARGET}.json`);
    const markdown = path.join(outDir, `${unit.name}.md`);
    await writeAtomic(json, JSON.stringify(data, null, 2) + '\n');
    await writeAtomic(markdown, page);
    written.push(json, markdown);
  }
  return written;
}

/**
 * The templates and flows the ids name, in the order asked (`all`: manifest order,
 * templates first), each once. A flow id names its version for `api` (both when
 * undefined); `whatsapp.join.classic` names that version whatever `api` is.
 *
 * @example
 * resolveUnits(catalog, ['whatsapp.join'], 'new').map((u) => u.name)          // ['whatsapp.join.new']
 * resolveUnits(catalog, ['whatsapp.join.classic'], 'new').map((u) => u.name)  // ['whatsapp.join.classic']
 */
export function resolveUnits(catalog: Catalog, ids: string[] | 'all', api: 'new' | 'classic' | undefined): Unit[] {
  const flowUnit = (flow: Flow): Unit => ({ kind: 'flow', name: `${flow.id}.${flow.api}`, flow });
  const ofApi = <T extends { api: string }>(items: T[]): T[] => items.filter((item) => api === undefined || item.api === api);
  if (ids === 'all') {
    return [...ofApi(catalog.templates).map((template): Unit => ({ kind: 'step', name: template.id, template })), ...ofApi(catalog.flows).map(flowUnit)];
  }
  if (ids.length === 0) throw new UsageError('nothing to export: name a template or flow id, or use --all (e.g. mailerlite-steps export mailerlite.subscriber.upsert)');
  const units = new Map<string, Unit>();
  for (const id of ids) {
    const template = catalog.template(id);
    const flows = catalog.flows.filter((flow) => `${flow.id}.${flow.api}` === id || (flow.id === id && (api === undefined || flow.api === api)));
    if (template) units.set(template.id, { kind: 'step', name: template.id, template });
    for (const flow of flows) units.set(`${flow.id}.${flow.api}`, flowUnit(flow));
    if (!template && flows.length === 0) {
      const known = [...catalog.templates.map((t) => t.id), ...new Set(catalog.flows.map((f) => f.id))];
      const version = api && catalog.flows.some((f) => f.id === id) ? ` for the ${api} API` : '';
      throw new UsageError(`unknown template or flow "${id}"${version}${didYouMean(id, known)}; run \`mailerlite-steps list\` to see them all`);
    }
  }
  return [...units.values()];
}
