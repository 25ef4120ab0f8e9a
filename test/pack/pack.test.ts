import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { PluginBundle } from '../../plugin/generated/bundle.js';
import { PackRefusedError, entryDigest, packBundle, runPack, sha256Hex } from '../../plugin/pack/index.js';
import { checkSchema } from '../../plugin/validate/schema.js';
import { capture, copyPluginTree, editJson, PROJECT, removeAll, tempDir } from './tree.js';

const NO_ENV = {};
const dirs: string[] = [];
afterEach(() => removeAll(dirs));

async function out(): Promise<string> {
  const dir = await tempDir('pack-out-');
  dirs.push(dir);
  return dir;
}

describe('packBundle on the real tree', () => {
  it('writes <id>-<version>.plugin.json and returns its path, size and sha256', async () => {
    const outDir = await out();
    const result = await packBundle({ root: PROJECT, outDir, env: NO_ENV });
    const manifest = JSON.parse(await readFile(path.join(PROJECT, 'manifest.json'), 'utf8')) as { id: string; version: string };
    expect(result.file).toBe(path.join(outDir, `${manifest.id}-${manifest.version}.plugin.json`));
    const bytes = await readFile(result.file);
    expect(result.bytes).toBe(bytes.length);
    expect(result.sha256).toBe(sha256Hex(bytes));
    expect(await readdir(outDir)).toEqual([path.basename(result.file)]);
  });

  it('is byte-identical when packed twice from the same tree', async () => {
    const [a, b] = [await out(), await out()];
    const first = await packBundle({ root: PROJECT, outDir: a, env: NO_ENV });
    const second = await packBundle({ root: PROJECT, outDir: b, env: NO_ENV });
    expect(second.sha256).toBe(first.sha256);
    expect((await readFile(second.file)).equals(await readFile(first.file))).toBe(true);
  });

  it('inlines the manifest, then every template and flow in manifest order, with schema_version 1', async () => {
    const { file } = await packBundle({ root: PROJECT, outDir: await out(), env: NO_ENV });
    const bundle = JSON.parse(await readFile(file, 'utf8')) as PluginBundle;
    const manifest = JSON.parse(await readFile(path.join(PROJECT, 'manifest.json'), 'utf8')) as { templates: string[]; flows: string[] };
    expect(bundle.schema_version).toBe(1);
    expect(bundle.$schema).toBe('https://mailerlite-steps.dev/schemas/bundle.schema.json');
    expect(bundle.manifest.path).toBe('manifest.json');
    expect(bundle.manifest.content).toEqual(manifest);
    expect(bundle.templates.map((t) => t.path)).toEqual(manifest.templates);
    expect(bundle.flows.map((f) => f.path)).toEqual(manifest.flows);
    expect(bundle.templates).toHaveLength(12);
    expect(bundle.flows).toHaveLength(8);
    for (const entry of [...bundle.templates, ...bundle.flows]) {
      expect(entry.content).toEqual(JSON.parse(await readFile(path.join(PROJECT, entry.path), 'utf8')));
    }
  });

  it('gives each entry a sha256 anyone can verify over its canonical JSON', async () => {
    const { file } = await packBundle({ root: PROJECT, outDir: await out(), env: NO_ENV });
    const bundle = JSON.parse(await readFile(file, 'utf8')) as PluginBundle;
    for (const entry of [bundle.manifest, ...bundle.templates, ...bundle.flows]) {
      expect(entry.sha256).toBe(sha256Hex(JSON.stringify(entry.content)));
      const source = JSON.parse(await readFile(path.join(PROJECT, entry.path), 'utf8')) as Parameters<typeof entryDigest>[0];
      expect(entry.sha256).toBe(entryDigest(source));
    }
    const tampered = structuredClone(bundle.templates[0]!);
    tampered.content.name = 'Changed after packing';
    expect(sha256Hex(JSON.stringify(tampered.content))).not.toBe(tampered.sha256);
  });

  it('writes a bundle that validates against schemas/bundle.schema.json', async () => {
    const { file } = await packBundle({ root: PROJECT, outDir: await out(), env: NO_ENV });
    const bundle = JSON.parse(await readFile(file, 'utf8')) as unknown;
    expect(checkSchema('bundle', 'bundle', bundle)).toEqual([]);
    const broken = { ...(bundle as Record<string, unknown>), schema_version: 2 };
    expect(checkSchema('bundle', 'bundle', broken).map((p) => p.pointer)).toEqual(['/schema_version']);
  });

  it('does not mistake the simulator key or an unrelated MAILERLITE_API_KEY for a secret in the tree', async () => {
    const result = await packBundle({ root: PROJECT, outDir: await out(), env: { MAILERLITE_API_KEY: 'sim-new-0000-key' } });
    expect(result.bytes).toBeGreaterThan(1000);
  });
});

describe('runPack', () => {
  it('prints the path, size and sha256 and exits 0', async () => {
    const [stdout, stderr] = [capture(), capture()];
    const outDir = await out();
    expect(await runPack({ out: outDir, root: PROJECT }, { stdout, stderr, env: NO_ENV })).toBe(0);
    const [file, size, sha] = stdout.text().trimEnd().split('\n');
    const bytes = await readFile(file ?? '');
    expect(file).toBe(path.join(outDir, 'mailerlite-steps-0.1.0.plugin.json'));
    expect(size).toBe(`  size:   ${bytes.length} bytes`);
    expect(sha).toBe(`  sha256: ${sha256Hex(bytes)}`);
    expect(stderr.text()).toBe('');
  });

  it('exits 2 with the problems when the tree is invalid, and writes nothing', async () => {
    const root = await copyPluginTree();
    dirs.push(root);
    const outDir = await out();
    await editJson(root, 'templates/steps/new/subscriber-upsert.json', (template) => {
      ((template.request as { body: { fields: Record<string, string> } }).body.fields).name = '<<customer_nmae>>';
    });
    const [stdout, stderr] = [capture(), capture()];
    expect(await runPack({ out: outDir, root }, { stdout, stderr, env: NO_ENV })).toBe(2);
    expect(stdout.text()).toBe('');
    expect(stderr.text()).toContain('pack refused: 1 validation problem; nothing was written');
    expect(stderr.text()).toContain('templates/steps/new/subscriber-upsert.json at /request/body/fields/name: ');
    expect(await readdir(outDir)).toEqual([]);
    const refused = await packBundle({ root, outDir, env: NO_ENV }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(PackRefusedError);
    expect((refused as PackRefusedError).reason).toBe('invalid');
    expect((refused as PackRefusedError).problems.map(({ file, pointer, rule }) => ({ file, pointer, rule }))).toEqual([
      { file: 'templates/steps/new/subscriber-upsert.json', pointer: '/request/body/fields/name', rule: 'placeholders-declared' },
    ]);
  });
});
