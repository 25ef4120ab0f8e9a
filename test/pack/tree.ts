import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';

/** The project folder: its manifest.json, package.json and templates/ are the real plugin. */
export const PROJECT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * Copies the real plugin tree (manifest.json, package.json, templates/) into a fresh
 * temporary folder, so a test can break it without touching the project.
 */
export async function copyPluginTree(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'pack-tree-'));
  for (const entry of ['manifest.json', 'package.json', 'templates']) {
    await cp(path.join(PROJECT, entry), path.join(dir, entry), { recursive: true });
  }
  return dir;
}

/** A fresh empty temporary folder. */
export async function tempDir(prefix: string): Promise<string> {
  return mkdtemp(path.join(tmpdir(), prefix));
}

/** Removes temporary folders. */
export async function removeAll(dirs: string[]): Promise<void> {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
}

/** Reads a JSON file of a tree, lets `edit` change it, writes it back. */
export async function editJson(root: string, file: string, edit: (value: Record<string, unknown>) => void): Promise<void> {
  const full = path.join(root, file);
  const value = JSON.parse(await readFile(full, 'utf8')) as Record<string, unknown>;
  edit(value);
  await writeFile(full, JSON.stringify(value, null, 2) + '\n');
}

/** A writable stream that keeps what is written. */
export function capture(): Writable & { text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  return Object.assign(stream, { text: () => chunks.join('') });
}

/** An obviously fake token shaped like a new-API key (a JWT: header.payload.signature). */
export const FAKE_JWT = 'eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJhdWQiOiI0IiwianRpIjoiZmFrZSJ9.ZmFrZS1zaWduYXR1cmUtZm9yLXRlc3Rz';

/** An obviously fake classic key: 32 hex characters. */
export const FAKE_CLASSIC_KEY = '0123456789abcdef0123456789abcdef';
