/**
 * Writes the editor side of the Node-RED palette, `dist/plugin/node-red/mailerlite-steps.html`,
 * next to the compiled `mailerlite-steps.cjs` (Node-RED reads the .html of the same base
 * name). Made from manifest.json and the step templates, with the static editor script
 * `plugin/node-red/editor/editor.js`. Runs in `npm run build`, after tsc.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadCatalog } from '../plugin/catalog.js';
import { paletteHtml } from '../plugin/node-red/html.js';
import { packageRoot } from '../plugin/paths.js';

/** Where the HTML goes, relative to the package root. */
export const PALETTE_HTML = 'dist/plugin/node-red/mailerlite-steps.html';

/** The static editor script, relative to the package root. */
export const EDITOR_SCRIPT = 'plugin/node-red/editor/editor.js';

/**
 * Writes the palette's HTML under `root` (default: this package); returns the file written.
 *
 * @example
 * await writePaletteHtml() // '/path/to/mailerlite-steps/dist/plugin/node-red/mailerlite-steps.html'
 */
export async function writePaletteHtml(root = packageRoot()): Promise<string> {
  const script = await readFile(path.join(root, EDITOR_SCRIPT), 'utf8');
  const file = path.join(root, PALETTE_HTML);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, paletteHtml(loadCatalog(root), script));
  return file;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const file = await writePaletteHtml();
  console.log(`node-red: wrote ${path.relative(packageRoot(), file)}`);
}
