import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Flow } from './generated/flow.js';
import type { Manifest } from './generated/manifest.js';
import type { StepTemplate } from './generated/step-template.js';
import type { JsonValue } from './json.js';
import { DeclarationError } from './errors.js';
import { packageRoot } from './paths.js';

/** API version of a template or flow. */
export type ApiVersion = StepTemplate['api'];

/**
 * The plugin's declarations, read from disk for running (fast: no schema validation;
 * `validate` and `pack` check the tree). Templates by id, flows by id and API version.
 *
 * @example
 * const catalog = loadCatalog();
 * catalog.template('mailerlite.subscriber.lookup')?.request.url
 */
export interface Catalog {
  root: string;
  manifest: Manifest;
  templates: StepTemplate[];
  flows: Flow[];
  template(id: string): StepTemplate | undefined;
  flow(id: string, api: ApiVersion): Flow | undefined;
  /** Settings with the manifest defaults filled in. */
  settings(given: Record<string, JsonValue | undefined>): Record<string, JsonValue | undefined>;
}

function readJson<T>(root: string, file: string): T {
  const full = path.join(root, file);
  try {
    return JSON.parse(readFileSync(full, 'utf8')) as T;
  } catch (error) {
    throw new DeclarationError(`cannot read ${file}: ${error instanceof Error ? error.message : String(error)} (run \`mailerlite-steps validate\`)`);
  }
}

/** Reads manifest.json and every template and flow it lists. */
export function loadCatalog(root = packageRoot()): Catalog {
  const manifest = readJson<Manifest>(root, 'manifest.json');
  const templates = manifest.templates.map((file) => readJson<StepTemplate>(root, file));
  const flows = manifest.flows.map((file) => readJson<Flow>(root, file));
  const byId = new Map(templates.map((t) => [t.id, t]));
  const flowsByKey = new Map(flows.map((f) => [`${f.api}:${f.id}`, f]));
  return {
    root,
    manifest,
    templates,
    flows,
    template: (id) => byId.get(id),
    flow: (id, api) => flowsByKey.get(`${api}:${id}`),
    settings(given) {
      const out: Record<string, JsonValue | undefined> = {};
      for (const [name, decl] of Object.entries(manifest.settings)) out[name] = given[name] ?? decl.default;
      for (const [name, value] of Object.entries(given)) if (!(name in out)) out[name] = value;
      return out;
    },
  };
}
