import path from 'node:path';
import type { Problem } from '../declarations/problem.js';
import { packageRoot } from '../paths.js';
import { checkSchema } from '../validate/schema.js';
import { validateTree } from '../validate/validate-tree.js';
import { buildBundle, bundleFileName, readSources, serializeBundle } from './build.js';
import { sha256Hex } from './canonical.js';
import { refusalOf } from '../validate/refusal.js';
import { PackRefusedError } from './refused.js';
import { makeOutDir, writeAtomic } from './write.js';
import type { EnvVars } from '../defaults.js';

/** Options of {@link packBundle}. */
export interface PackOptions {
  /** The plugin folder (manifest.json at its root). Default: this package's own folder. */
  root?: string;
  /** Where the bundle file is written (created when missing). */
  outDir: string;
  /** Environment whose key variables (`MAILERLITE_API_KEY`, the manifest's `secrets.*.env`) must not appear in the tree. Default: `process.env`. */
  env?: EnvVars;
}

/** The bundle written: its path, size in bytes and the sha256 of the whole file. */
export interface PackResult {
  file: string;
  bytes: number;
  sha256: string;
}

/**
 * Packs a plugin folder into one installable file `<id>-<version>.plugin.json`: the
 * manifest with every step template and flow inlined in manifest order, each with the
 * sha256 of its canonical JSON, `schema_version: 1`. Packing the same tree twice gives
 * the same bytes. Nothing is written when the tree holds a secret value (a literal key in
 * an auth header, anything shaped like a MailerLite API key, the value of
 * `MAILERLITE_API_KEY`) or does not validate: a {@link PackRefusedError} lists each reason
 * by file and JSON Pointer.
 *
 * @example
 * const { file, bytes, sha256 } = await packBundle({ outDir: 'out' });
 * // file: 'out/mailerlite-steps-0.1.0.plugin.json'
 */
export async function packBundle(options: PackOptions): Promise<PackResult> {
  const root = path.resolve(options.root ?? packageRoot());
  const env = options.env ?? process.env;
  const refusal = refusalOf((await validateTree(root, { env })).problems);
  if (refusal) throw new PackRefusedError(refusal.reason, refusal.problems);
  const { sources, problems: readProblems } = await readSources(root);
  if (!sources) throw new PackRefusedError('invalid', readProblems.length > 0 ? readProblems : noManifest());

  const bundle = buildBundle(sources);
  const name = bundleFileName(bundle.manifest.content);
  const bundleProblems = checkSchema('bundle', name, bundle);
  if (bundleProblems.length > 0) throw new PackRefusedError('invalid', bundleProblems);

  const text = serializeBundle(bundle);
  const file = path.join(await makeOutDir(options.outDir), name);
  await writeAtomic(file, text);
  const bytes = Buffer.byteLength(text, 'utf8');
  return { file, bytes, sha256: sha256Hex(text) };
}

function noManifest(): Problem[] {
  return [{ file: 'manifest.json', pointer: '', rule: 'file-exists', message: 'no readable manifest.json', expected: 'a plugin folder with manifest.json at its root' }];
}
