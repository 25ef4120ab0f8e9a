import type { Declared } from '../declarations/load.js';
import type { Problem } from '../declarations/problem.js';
import type { Flow } from '../generated/flow.js';
import type { Manifest } from '../generated/manifest.js';
import type { StepTemplate } from '../generated/step-template.js';

/**
 * One path a manifest list names, with where it sits and whether the file was there.
 *
 * @example
 * const entry: ListedFile = { path: 'templates/steps/new/subscriber-lookup.json', pointer: '/templates/0', exists: true };
 */
export interface ListedFile {
  /** The path as written in the manifest (e.g. `templates/steps/new/subscriber-lookup.json`). */
  path: string;
  /** JSON Pointer of the entry in manifest.json (e.g. `/templates/3`). */
  pointer: string;
  /** True when a file exists at that path. */
  exists: boolean;
}

/**
 * Everything the semantic rules look at, as plain data: only files that passed their
 * JSON Schema appear in `manifest`, `templates` and `flows`, so rules never see a
 * malformed declaration.
 *
 * @example
 * const data: PluginData = { manifest: { file: 'manifest.json', value: manifest }, templates: [], flows: [],
 *   listed: { templates: [], flows: [] }, found: { templates: [], flows: [] },
 *   failedTemplateIds: [], packageVersion: '0.1.0' };
 */
export interface PluginData {
  /** The manifest, or undefined when it failed its schema (rules that need it then stay silent). */
  manifest: Declared<Manifest> | undefined;
  /** The template and flow paths the manifest lists (empty when the lists are unreadable). */
  listed: { templates: ListedFile[]; flows: ListedFile[] };
  /** Every `.json` file under `templates/steps/` and `templates/flows/` on disk, `/`-separated. */
  found: { templates: string[]; flows: string[] };
  /** Listed step templates that passed their schema. */
  templates: Array<Declared<StepTemplate>>;
  /** Listed flows that passed their schema. */
  flows: Array<Declared<Flow>>;
  /** Ids of listed templates that failed their schema (so flows using them are not blamed). */
  failedTemplateIds: string[];
  /** `version` of the package.json next to the manifest, when there is one. */
  packageVersion: string | undefined;
}

/**
 * A semantic rule: a pure function from the plugin's data to the problems it finds.
 *
 * @example
 * const noFlows: Rule = (data) => data.flows.length ? [] : [{ file: 'manifest.json', pointer: '/flows', rule: 'has-flows', message: 'no flows' }];
 */
export type Rule = (data: PluginData) => Problem[];

/**
 * True for a path a manifest may list: relative, `/`-separated, without `.` or `..`
 * segments, so it cannot point outside the plugin folder.
 *
 * @example
 * isPlainPath('templates/steps/new/subscriber-lookup.json') // true
 * isPlainPath('templates/steps/../../secrets.json')         // false
 */
export function isPlainPath(path: string): boolean {
  if (path.includes('\\') || path.startsWith('/')) return false;
  return path.split('/').every((segment) => segment !== '' && segment !== '.' && segment !== '..');
}
