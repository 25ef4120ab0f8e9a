import path from 'node:path';
import { loadCatalog, type ApiVersion, type Catalog } from '../catalog.js';
import { makeOutDir, writeAtomic } from '../pack/write.js';
import { packageRoot } from '../paths.js';
import { refuseUnsoundTree } from './refuse.js';

/** The engines the declarations export to besides the builder form. */
export const ENGINE_TARGETS = ['node-red', 'postman'] as const;

/** `node-red` (one `flows.json`) or `postman` (a collection per flow). */
export type EngineTarget = (typeof ENGINE_TARGETS)[number];

/** What an engine export makes: files by path relative to the output folder. */
export interface EngineFiles {
  files: Array<{ path: string; content: string }>;
}

/** Options of {@link exportForEngine}. */
export interface EngineExportOptions {
  target: EngineTarget;
  /** The MailerLite version whose flows are exported. */
  api: ApiVersion;
  /** Folder the files are written to (created when missing). */
  outDir: string;
  /** The plugin folder. Default: this package's own folder. */
  root?: string;
  /** Environment whose key variables (`MAILERLITE_API_KEY`, ...) must not appear in the tree. Default: `process.env`. */
  env?: NodeJS.ProcessEnv;
}

/**
 * Exports every flow of one API version for a real engine: Node-RED (`flows.json`, core
 * nodes only) or Postman/newman (`<flow id>.postman_collection.json` per flow). The
 * engine's module is loaded only here, when asked for. Nothing is written from a tree
 * that holds a key or does not validate (a RefusedError), nor under an `--out` that is a
 * file (a UsageError). Returns the paths written, in order.
 *
 * @example
 * await exportForEngine({ target: 'node-red', api: 'new', outDir: 'node-red' })
 * // ['/abs/node-red/flows.json']
 */
export async function exportForEngine(options: EngineExportOptions): Promise<string[]> {
  const root = path.resolve(options.root ?? packageRoot());
  await refuseUnsoundTree(root, options.env);
  const { files } = await engineFiles(options.target, loadCatalog(root), options.api);
  const outDir = await makeOutDir(options.outDir);
  const placed = files.map((file) => ({ full: inside(outDir, file.path), content: file.content }));
  for (const file of placed) await writeAtomic(file.full, file.content);
  return placed.map((file) => file.full);
}

async function engineFiles(target: EngineTarget, catalog: Catalog, api: ApiVersion): Promise<EngineFiles> {
  switch (target) {
    case 'node-red':
      return (await import('./node-red/index.js')).exportNodeRed(catalog, { api });
    case 'postman':
      return (await import('./postman/index.js')).exportPostman(catalog, { api });
  }
}

/** The absolute path of an engine's file, which must stay inside the output folder. */
function inside(outDir: string, file: string): string {
  const full = path.resolve(outDir, file);
  const relative = path.relative(outDir, full);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) throw new Error(`an export file path leaves the output folder: ${file}`);
  return full;
}
