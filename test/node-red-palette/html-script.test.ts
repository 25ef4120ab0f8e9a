import { cp, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { loadCatalog } from '../../plugin/catalog.js';
import { paletteHtml } from '../../plugin/node-red/html.js';
import { EDITOR_SCRIPT, PALETTE_HTML, writePaletteHtml } from '../../scripts/node-red-html.js';
import { PROJECT } from './support/build.js';

const temporary: string[] = [];
afterAll(async () => {
  await Promise.all(temporary.map((dir) => rm(dir, { recursive: true, force: true })));
});

it('scripts/node-red-html.ts writes the palette HTML next to the runtime module, from the declarations and the editor script', async () => {
  const root = await mkdtemp(path.join(tmpdir(), 'mls-nr-html-'));
  temporary.push(root);
  await cp(path.join(PROJECT, 'manifest.json'), path.join(root, 'manifest.json'));
  await cp(path.join(PROJECT, 'templates'), path.join(root, 'templates'), { recursive: true });
  await mkdir(path.dirname(path.join(root, EDITOR_SCRIPT)), { recursive: true });
  await cp(path.join(PROJECT, EDITOR_SCRIPT), path.join(root, EDITOR_SCRIPT));

  const file = await writePaletteHtml(root);
  expect(file).toBe(path.join(root, 'dist', 'plugin', 'node-red', 'mailerlite-steps.html'));
  // Node-RED reads the .html of the same base name as the file package.json's node-red section names.
  const pkg = JSON.parse(await readFile(path.join(PROJECT, 'package.json'), 'utf8')) as { 'node-red': { nodes: Record<string, string> } };
  expect(Object.values(pkg['node-red'].nodes).map((entry) => entry.replace(/\.c?js$/, '.html'))).toEqual([PALETTE_HTML]);
  const written = await readFile(file, 'utf8');
  expect(written).toBe(paletteHtml(loadCatalog(root), await readFile(path.join(PROJECT, EDITOR_SCRIPT), 'utf8')));
  expect(written).toContain('RED.nodes.registerType(type.type');
});
