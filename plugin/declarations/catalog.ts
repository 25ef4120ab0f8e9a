import type { ApiVersion, Catalog } from '../catalog.js';
import type { Flow } from '../generated/flow.js';
import type { StepTemplate } from '../generated/step-template.js';
import type { Declared } from './load.js';

/**
 * The flows of one API version and the step templates they run, each with the file the
 * manifest lists it in: what an export of that version reads, as problems name it.
 *
 * @example
 * declarationsFor(loadCatalog(), 'new').flows[0]?.file // 'templates/flows/new/whatsapp-join.json'
 */
export function declarationsFor(catalog: Catalog, api: ApiVersion): { templates: Array<Declared<StepTemplate>>; flows: Array<Declared<Flow>> } {
  const declared = <T>(list: T[], files: string[]): Array<Declared<T>> => list.map((value, i) => ({ file: files[i] ?? '(unlisted)', value }));
  const flows = declared(catalog.flows, catalog.manifest.flows).filter((f) => f.value.api === api);
  const used = new Set(flows.flatMap((f) => Object.values(f.value.nodes).flatMap((n) => (n.type === 'step' ? [n.template] : []))));
  const templates = declared(catalog.templates, catalog.manifest.templates).filter((t) => used.has(t.value.id));
  return { templates, flows };
}
