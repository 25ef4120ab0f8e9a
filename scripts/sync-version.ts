/**
 * Writes package.json's version into manifest.json, so the two never differ.
 * Runs after `changeset version` in `npm run version`.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { packageRoot } from '../plugin/paths.js';

/**
 * Copies the version; returns the version written and whether manifest.json changed.
 *
 * @example
 * await syncManifestVersion() // { version: '0.2.0', changed: true }
 */
export async function syncManifestVersion(root = packageRoot()): Promise<{ version: string; changed: boolean }> {
  const pkg = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as { version: string };
  const file = path.join(root, 'manifest.json');
  const text = await readFile(file, 'utf8');
  const manifest = JSON.parse(text) as { version: string };
  if (manifest.version === pkg.version) return { version: pkg.version, changed: false };
  manifest.version = pkg.version;
  await writeFile(file, JSON.stringify(manifest, null, 2) + '\n');
  return { version: pkg.version, changed: true };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { version, changed } = await syncManifestVersion();
  console.log(changed ? `manifest.json: version set to ${version}` : `manifest.json: already at ${version}`);
}
