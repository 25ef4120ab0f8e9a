import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { packageRoot } from '../../paths.js';

/** The folder the page's files ship in: outside dist/, read from the package root. */
export function assetsDir(root = packageRoot()): string {
  return path.join(root, 'plugin', 'harness', 'web', 'assets');
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json; charset=utf-8',
};

/** A file of the page: its content type and bytes. */
export interface Asset {
  type: string;
  body: Buffer;
}

/**
 * Reads one of the page's files by URL path (`/` is `index.html`). Only plain names
 * with a known extension inside the assets folder are served; anything else (`..`,
 * odd characters, unknown types, missing files) is undefined, i.e. a 404.
 *
 * @example
 * await readAsset('/js/main.js') // { type: 'text/javascript; charset=utf-8', body: <Buffer ...> }
 */
export async function readAsset(urlPath: string, dir = assetsDir()): Promise<Asset | undefined> {
  const relative = urlPath === '/' ? 'index.html' : urlPath.replace(/^\/+/, '');
  if (!/^[a-z0-9][a-z0-9_-]*(\/[a-z0-9][a-z0-9_-]*)*\.[a-z]+$/i.test(relative)) return undefined;
  const type = TYPES[path.extname(relative).toLowerCase()];
  if (!type) return undefined;
  const full = path.join(dir, relative);
  if (!full.startsWith(dir + path.sep)) return undefined;
  try {
    return { type, body: await readFile(full) };
  } catch {
    return undefined;
  }
}
