import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCatalog } from '../../plugin/catalog.js';
import type { ExportContext } from '../../plugin/export/step.js';
import type { StepTemplate } from '../../plugin/generated/step-template.js';
import type { Flow } from '../../plugin/generated/flow.js';

/** The project folder, whose manifest and templates are the real plugin. */
export const PROJECT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The real catalog. */
export const catalog = loadCatalog(PROJECT);

/** A template of the real catalog; throws when the id is unknown. */
export function template(id: string): StepTemplate {
  const found = catalog.template(id);
  if (!found) throw new Error(`no template ${id}`);
  return found;
}

/** A flow of the real catalog; throws when unknown. */
export function flow(id: string, api: 'new' | 'classic'): Flow {
  const found = catalog.flow(id, api);
  if (!found) throw new Error(`no flow ${id} (${api})`);
  return found;
}

/** An export context over the real manifest. */
export function context(values: Record<string, string> = {}): ExportContext {
  return { manifest: catalog.manifest, values };
}

/**
 * The part of a Markdown page under a heading, up to the next heading of any level:
 * where a field's caveats must sit.
 */
export function section(page: string, heading: string): string {
  const start = page.indexOf(`${heading}\n`);
  if (start < 0) throw new Error(`no heading ${JSON.stringify(heading)}`);
  const rest = page.slice(start + heading.length + 1);
  const next = rest.search(/^#{1,6} /m);
  return next < 0 ? rest : rest.slice(0, next);
}
