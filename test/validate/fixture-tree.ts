import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isJsonObject, type JsonValue } from '../../plugin/json.js';

/** The folder of the validate fixtures. */
export const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'validate');

/** The small valid plugin tree every breakage starts from. */
export const GOOD_TREE = path.join(FIXTURES, 'good');

/** Where a problem is expected: file, JSON Pointer and rule. */
export interface Located {
  file: string;
  pointer: string;
  rule: string;
}

/** One change to a file of the good tree (exactly one of the optional fields is set). */
export interface Change {
  file: string;
  pointer?: string;
  /** New value at `pointer` (created when missing). */
  value?: JsonValue;
  /** Remove the value at `pointer`. */
  delete?: boolean;
  /** Rename the key at `pointer`, keeping its value. */
  rename?: string;
  /** Replace the whole file with this text. */
  text?: string;
  /** Delete the file. */
  removeFile?: boolean;
  /** Copy the file to this path. */
  copyTo?: string;
}

/** A row of breakages.json: a change to the good tree and the problems it must cause. */
export interface Breakage extends Change {
  name: string;
  expected: Located;
  /** Further problems the change causes by design (cascades), if any. */
  others?: Located[];
}

/**
 * Copies the good tree into a fresh temporary folder.
 *
 * @example
 * const dir = await copyGoodTree(); try { ... } finally { await rm(dir, { recursive: true }) }
 */
export async function copyGoodTree(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'validate-'));
  await cp(GOOD_TREE, dir, { recursive: true });
  return dir;
}

/** Removes a temporary tree. */
export async function removeTree(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}

/**
 * Applies one change to a tree on disk.
 *
 * @example
 * await applyChange(dir, { file: 'templates/flows/join.json', pointer: '/start', value: 'lokup' });
 */
export async function applyChange(root: string, change: Change): Promise<void> {
  const file = path.join(root, change.file);
  if (change.removeFile) return rm(file);
  if (change.copyTo !== undefined) {
    const target = path.join(root, change.copyTo);
    await mkdir(path.dirname(target), { recursive: true });
    return cp(file, target);
  }
  if (change.text !== undefined) return writeFile(file, change.text);
  const document = JSON.parse(await readFile(file, 'utf8')) as JsonValue;
  const tokens = (change.pointer ?? '').split('/').slice(1).map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
  const last = tokens.pop();
  if (last === undefined) throw new Error(`${change.file}: a change needs a pointer below the root`);
  let parent: JsonValue = document;
  for (const token of tokens) {
    let next: JsonValue | undefined = Array.isArray(parent) ? parent[Number(token)] : isJsonObject(parent) ? parent[token] : undefined;
    if (next === undefined && isJsonObject(parent)) next = parent[token] = {};
    if (next === undefined) throw new Error(`${change.file}: nothing at ${token} of ${change.pointer}`);
    parent = next;
  }
  if (Array.isArray(parent)) {
    if (change.delete) parent.splice(Number(last), 1);
    else if (change.value !== undefined) parent[Number(last)] = change.value;
  } else if (isJsonObject(parent)) {
    const old = parent[last];
    if (change.delete || change.rename !== undefined) delete parent[last];
    if (change.rename !== undefined && old !== undefined) parent[change.rename] = old;
    if (change.value !== undefined) parent[last] = change.value;
  }
  await writeFile(file, JSON.stringify(document, null, 2));
}
