import { isProblem, readJson, type RawFile } from '../declarations/load.js';
import type { Problem } from '../declarations/problem.js';
import type { FlowEntry, ManifestEntry, PluginBundle, TemplateEntry } from '../generated/bundle.js';
import type { Flow } from '../generated/flow.js';
import type { Manifest } from '../generated/manifest.js';
import type { StepTemplate } from '../generated/step-template.js';
import { isJsonObject, type JsonValue } from '../json.js';
import { isPlainPath } from '../validate/plugin-data.js';
import { entryDigest } from './canonical.js';

/** Where the bundle schema lives; the `$schema` of every bundle. */
export const BUNDLE_SCHEMA_URL = 'https://mailerlite-steps.dev/schemas/bundle.schema.json';

/** Version of the bundle format this package writes. */
export const BUNDLE_SCHEMA_VERSION = 1;

/** The files a bundle is made of, as read from the tree: the manifest, then the listed templates and flows. */
export interface PackSources {
  manifest: RawFile;
  templates: RawFile[];
  flows: RawFile[];
}

/**
 * Reads manifest.json and every file its `templates` and `flows` lists name, in manifest
 * order. Tolerant: a file that is missing, not JSON or outside the tree is skipped (the
 * validation reports it), so the secret scan still sees every readable file.
 *
 * @example
 * const { sources } = await readSources('/path/to/plugin');
 * sources?.templates.map((t) => t.file) // ['templates/steps/new/group-assign.json', ...]
 */
export async function readSources(root: string): Promise<{ sources: PackSources | undefined; problems: Problem[] }> {
  const manifest = await readJson(root, 'manifest.json');
  if (isProblem(manifest)) return { sources: undefined, problems: [manifest] };
  const read = async (key: 'templates' | 'flows'): Promise<RawFile[]> => {
    const list = isJsonObject(manifest.value) ? manifest.value[key] : undefined;
    const files: RawFile[] = [];
    for (const entry of Array.isArray(list) ? list : []) {
      if (typeof entry !== 'string' || !isPlainPath(entry)) continue;
      const file = await readJson(root, entry);
      if (!isProblem(file)) files.push(file);
    }
    return files;
  };
  return { sources: { manifest, templates: await read('templates'), flows: await read('flows') }, problems: [] };
}

/**
 * Builds the bundle from sources that passed validation: the manifest, every template and
 * flow inlined in manifest order, each with its path and the sha256 of its canonical JSON.
 * Pure and deterministic: the same sources give the same bundle (no time, no host data).
 *
 * @example
 * const bundle = buildBundle(sources);
 * bundle.templates[0]?.path // 'templates/steps/new/group-assign.json'
 */
export function buildBundle(sources: PackSources): PluginBundle {
  return {
    $schema: BUNDLE_SCHEMA_URL,
    schema_version: BUNDLE_SCHEMA_VERSION,
    manifest: entry<Manifest>(sources.manifest) satisfies ManifestEntry,
    templates: sources.templates.map((file) => entry<StepTemplate>(file) satisfies TemplateEntry),
    flows: sources.flows.map((file) => entry<Flow>(file) satisfies FlowEntry),
  };
}

/** One entry: the file's path, its digest and its content (a declaration that passed its schema). */
function entry<T>(file: RawFile): { path: string; sha256: string; content: T } {
  return { path: file.file, sha256: entryDigest(file.value as JsonValue), content: file.value as T };
}

/**
 * The bundle's file text: two-space JSON with a final newline, so packing the same tree
 * twice gives the same bytes.
 *
 * @example
 * serializeBundle(bundle).startsWith('{\n  "$schema"') // true
 */
export function serializeBundle(bundle: PluginBundle): string {
  return JSON.stringify(bundle, null, 2) + '\n';
}

/**
 * The bundle's file name: `<id>-<version>.plugin.json` from the manifest.
 *
 * @example
 * bundleFileName({ id: 'mailerlite-steps', version: '0.1.0' }) // 'mailerlite-steps-0.1.0.plugin.json'
 */
export function bundleFileName(manifest: Pick<Manifest, 'id' | 'version'>): string {
  return `${manifest.id}-${manifest.version}.plugin.json`;
}
