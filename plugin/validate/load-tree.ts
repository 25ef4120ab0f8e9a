import type { Dirent } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { isProblem, readJson, type Declared, type RawFile } from '../declarations/load.js';
import type { Problem } from '../declarations/problem.js';
import type { Flow } from '../generated/flow.js';
import type { Manifest } from '../generated/manifest.js';
import type { StepTemplate } from '../generated/step-template.js';
import { isJsonObject } from '../json.js';
import { isPlainPath, type ListedFile, type PluginData } from './plugin-data.js';
import { checkSchema } from './schema.js';

/**
 * How many files of each kind were read and checked.
 *
 * @example
 * const checked: Checked = { manifest: 1, templates: 14, flows: 8 };
 */
export interface Checked {
  manifest: 1;
  templates: number;
  flows: number;
}

/**
 * A plugin folder as read: the data for the rules (none when there is no usable manifest)
 * and the problems met so far (files that are missing, not JSON or fail their schema).
 *
 * @example
 * const { data, problems, checked } = await loadPlugin('.');
 */
export interface LoadedPlugin {
  data: PluginData | undefined;
  problems: Problem[];
  checked: Checked;
  /** Every file read as JSON (the manifest and each listed file, valid or not), for the secret scan. */
  files: RawFile[];
}

/**
 * Reads a plugin folder: manifest.json, every file it lists, package.json, and the list of
 * `.json` files under `templates/steps/` and `templates/flows/`. Each file is checked
 * against its JSON Schema; unreadable, non-JSON and schema-failing files become problems
 * and are left out of the data, so the semantic rules only see well-formed declarations.
 *
 * @example
 * const { data, problems } = await loadPlugin('/path/to/plugin');
 */
export async function loadPlugin(root: string): Promise<LoadedPlugin> {
  const problems: Problem[] = [];
  const checked: Checked = { manifest: 1, templates: 0, flows: 0 };
  const manifestFile = await readJson(root, 'manifest.json');
  if (isProblem(manifestFile)) {
    return { data: undefined, problems: [manifestFile.rule === 'file-exists' ? noManifest(root) : manifestFile], checked, files: [] };
  }
  const files: RawFile[] = [manifestFile];
  const manifestProblems = checkSchema('manifest', manifestFile.file, manifestFile.value);
  problems.push(...manifestProblems);

  const listed = { templates: await listedFiles(root, manifestFile.value, 'templates'), flows: await listedFiles(root, manifestFile.value, 'flows') };
  const templates = await readListed<StepTemplate>(root, listed.templates, 'step-template', problems, files);
  const flows = await readListed<Flow>(root, listed.flows, 'flow', problems, files);
  checked.templates = templates.read;
  checked.flows = flows.read;

  const data: PluginData = {
    manifest: manifestProblems.length === 0 ? { file: manifestFile.file, value: manifestFile.value as Manifest } : undefined,
    listed,
    found: { templates: await jsonFilesUnder(root, 'templates/steps'), flows: await jsonFilesUnder(root, 'templates/flows') },
    templates: templates.valid,
    flows: flows.valid,
    failedTemplateIds: templates.failedIds,
    packageVersion: await packageVersion(root, problems),
  };
  return { data, problems, checked, files };
}

function noManifest(root: string): Problem {
  return {
    file: 'manifest.json',
    pointer: '',
    rule: 'file-exists',
    message: `no manifest.json in ${root}: this is not a plugin folder`,
    expected: 'a plugin folder: manifest.json at its root, step templates under templates/steps/, flows under templates/flows/',
    example: 'mailerlite-steps validate path/to/plugin',
  };
}

/** The paths a manifest list names, read tolerantly so a manifest with schema errors still gets its files checked. */
async function listedFiles(root: string, manifest: unknown, key: 'templates' | 'flows'): Promise<ListedFile[]> {
  const list = isJsonObject(manifest) ? manifest[key] : undefined;
  if (!Array.isArray(list)) return [];
  const files: ListedFile[] = [];
  for (const [index, entry] of list.entries()) {
    if (typeof entry !== 'string') continue;
    files.push({ path: entry, pointer: `/${key}/${index}`, exists: isPlainPath(entry) && (await isFile(path.join(root, entry))) });
  }
  return files;
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

interface ReadResult<T> {
  valid: Array<Declared<T>>;
  failedIds: string[];
  read: number;
}

/** Reads each listed file once; JSON and schema problems are collected, valid files returned, every parsed file added to `files`. */
async function readListed<T>(root: string, listed: ListedFile[], kind: 'step-template' | 'flow', problems: Problem[], files: RawFile[]): Promise<ReadResult<T>> {
  const result: ReadResult<T> = { valid: [], failedIds: [], read: 0 };
  const seen = new Set<string>();
  for (const entry of listed) {
    if (!entry.exists || seen.has(entry.path)) continue;
    seen.add(entry.path);
    result.read += 1;
    const file: RawFile | Problem = await readJson(root, entry.path);
    if (isProblem(file)) {
      problems.push(file);
      continue;
    }
    files.push(file);
    const schemaProblems = checkSchema(kind, file.file, file.value);
    if (schemaProblems.length === 0) {
      result.valid.push({ file: file.file, value: file.value as T });
      continue;
    }
    problems.push(...schemaProblems);
    if (isJsonObject(file.value) && typeof file.value.id === 'string') result.failedIds.push(file.value.id);
  }
  return result;
}

/** Every `.json` file below `dir` (relative to root, `/`-separated, sorted); none when the folder is missing. */
async function jsonFilesUnder(root: string, dir: string): Promise<string[]> {
  const files: string[] = [];
  const walk = async (relative: string): Promise<void> => {
    let entries: Dirent[];
    try {
      entries = await readdir(path.join(root, relative), { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const child = `${relative}/${entry.name}`;
      if (entry.isDirectory()) await walk(child);
      else if (entry.isFile() && entry.name.endsWith('.json')) files.push(child);
    }
  };
  await walk(dir);
  return files.sort();
}

/** The package.json version next to the manifest; a package.json that is not JSON is a problem. */
async function packageVersion(root: string, problems: Problem[]): Promise<string | undefined> {
  const file = await readJson(root, 'package.json');
  if (isProblem(file)) {
    if (file.rule !== 'file-exists') problems.push(file);
    return undefined;
  }
  return isJsonObject(file.value) && typeof file.value.version === 'string' ? file.value.version : undefined;
}
