import { mkdir, readdir, rmdir, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { modified, newestSource, run, staleBuild } from '../../package/run.js';

export const PROJECT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

const HTML = 'dist/plugin/node-red/mailerlite-steps.html';
const ENTRY = 'dist/plugin/node-red/mailerlite-steps.cjs';

/** Why the palette's build is not current: the package's, or the HTML made from the declarations. */
async function stalePalette(): Promise<string | undefined> {
  const stale = await staleBuild(PROJECT);
  if (stale !== undefined) return stale;
  const [html, entry] = await Promise.all([modified(path.join(PROJECT, HTML)), modified(path.join(PROJECT, ENTRY))]);
  if (html === undefined || entry === undefined) return `${HTML} or ${ENTRY} is missing: run \`npm run build\``;
  const sources = await Promise.all([
    newestSource(path.join(PROJECT, 'plugin', 'node-red')),
    modified(path.join(PROJECT, 'plugin', 'node-red', 'editor', 'editor.js')),
    modified(path.join(PROJECT, 'plugin', 'node-red', 'mailerlite-steps.cts')),
    modified(path.join(PROJECT, 'manifest.json')),
    newestJson(path.join(PROJECT, 'templates')),
  ]);
  if (Math.min(html, entry) < Math.max(...sources.map((t) => t ?? 0))) return `${HTML} or ${ENTRY} is older than its sources: run \`npm run build\``;
  return undefined;
}

async function newestJson(dir: string): Promise<number> {
  let newest = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith('.json')) newest = Math.max(newest, (await stat(path.join(entry.parentPath, entry.name))).mtimeMs);
  }
  return newest;
}

/** Holds a lock folder while `work` runs, so two test files never build at once. */
async function locked<T>(work: () => Promise<T>): Promise<T> {
  const lock = path.join(tmpdir(), 'mailerlite-steps-node-red-build.lock');
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      await mkdir(lock);
      break;
    } catch {
      const age = Date.now() - ((await modified(lock)) ?? Date.now());
      if (age > 180_000) await rmdir(lock).catch(() => undefined);
      if (Date.now() > deadline) throw new Error(`waited too long for ${lock}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  try {
    return await work();
  } finally {
    await rmdir(lock).catch(() => undefined);
  }
}

/**
 * Builds dist (and the palette's HTML) when it is missing or older than its sources; the
 * reason the palette cannot be tested when the build fails. Type errors outside plugin/
 * (other work in progress) do not stop it: tsc still emits, and the HTML is written then.
 */
export async function ensureBuilt(): Promise<string | undefined> {
  if ((await stalePalette()) === undefined) return undefined;
  return locked(async () => {
    if ((await stalePalette()) === undefined) return undefined;
    const build = await run('npm', ['run', 'build'], PROJECT);
    if (build.code === 0) return undefined;
    const errors = (build.stdout + build.stderr).split('\n').filter((line) => /error TS\d+/.test(line));
    const inPackage = errors.filter((line) => line.startsWith('plugin/'));
    if (errors.length > 0 && inPackage.length === 0) {
      const html = await run('node', ['dist/scripts/node-red-html.js'], PROJECT);
      if (html.code === 0 && (await stalePalette()) === undefined) return undefined;
    }
    return `\`npm run build\` failed (exit ${String(build.code)}):\n${(inPackage.length > 0 ? inPackage : errors).slice(0, 8).join('\n') || build.stderr.slice(-2000)}`;
  });
}
