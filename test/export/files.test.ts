import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { UsageError } from '../../plugin/errors.js';
import { exportForBuilder, runExport } from '../../plugin/export/index.js';
import { RefusedError } from '../../plugin/validate/index.js';
import { capture, copyPluginTree, editJson, FAKE_CLASSIC_KEY, FAKE_JWT, removeAll, tempDir } from '../pack/tree.js';
import { catalog, PROJECT } from './catalog.js';

const dirs: string[] = [];
afterEach(() => removeAll(dirs));

async function out(): Promise<string> {
  const dir = await tempDir('export-');
  dirs.push(dir);
  return dir;
}

describe('exportForBuilder', () => {
  it('writes <id>.external-api-request.json and <id>.md, and returns their paths', async () => {
    const outDir = await out();
    const files = await exportForBuilder({ ids: ['mailerlite.subscriber.upsert'], outDir, root: PROJECT });
    expect(files).toEqual([path.join(outDir, 'mailerlite.subscriber.upsert.external-api-request.json'), path.join(outDir, 'mailerlite.subscriber.upsert.md')]);
    const json = JSON.parse(await readFile(files[0] ?? '', 'utf8')) as { format: string; format_version: number; kind: string; id: string; plugin: { version: string } };
    expect([json.format, json.format_version, json.kind, json.id, json.plugin.version]).toEqual(['external-api-request', 2, 'step', 'mailerlite.subscriber.upsert', catalog.manifest.version]);
    expect(await readFile(files[1] ?? '', 'utf8')).toMatch(/^# Add or update a subscriber in the group\n/);
  });

  it('exports a flow id once per API version, or the one --api picks', async () => {
    const outDir = await out();
    const both = await exportForBuilder({ ids: ['whatsapp.join'], outDir, root: PROJECT });
    const apis = catalog.flows.filter((f) => f.id === 'whatsapp.join').map((f) => f.api);
    expect(apis.sort()).toEqual(['classic', 'new']);
    expect(both.map((f) => path.basename(f))).toEqual(
      catalog.flows.filter((f) => f.id === 'whatsapp.join').flatMap((f) => [`whatsapp.join.${f.api}.external-api-request.json`, `whatsapp.join.${f.api}.md`]),
    );
    const classic = await exportForBuilder({ ids: ['whatsapp.join'], outDir: await out(), root: PROJECT, api: 'classic' });
    expect(classic.map((f) => path.basename(f))).toEqual(['whatsapp.join.classic.external-api-request.json', 'whatsapp.join.classic.md']);
    const named = await exportForBuilder({ ids: ['whatsapp.join.classic'], outDir: await out(), root: PROJECT, api: 'new' });
    expect(named.map((f) => path.basename(f))).toEqual(['whatsapp.join.classic.external-api-request.json', 'whatsapp.join.classic.md']);
  });

  it('exports everything with `all`: 12 templates and 8 flows, byte-identical each time, no key and no <<placeholder>> left', async () => {
    const [a, b] = [await out(), await out()];
    const first = await exportForBuilder({ ids: 'all', outDir: a, root: PROJECT });
    await exportForBuilder({ ids: 'all', outDir: b, root: PROJECT });
    expect(first).toHaveLength(2 * (12 + 8));
    expect((await readdir(a)).sort()).toEqual((await readdir(b)).sort());
    for (const name of await readdir(a)) {
      const text = await readFile(path.join(a, name), 'utf8');
      expect(text).toBe(await readFile(path.join(b, name), 'utf8'));
      expect(text).not.toContain('<<');
      expect(text).not.toContain('secrets.');
    }
  });

  it('refuses an unknown id or setting with a UsageError naming the near one', async () => {
    const outDir = await out();
    await expect(exportForBuilder({ ids: ['mailerlite.subscriber.upsrt'], outDir, root: PROJECT })).rejects.toThrow(
      new UsageError('unknown template or flow "mailerlite.subscriber.upsrt" (did you mean "mailerlite.subscriber.upsert"?); run `mailerlite-steps list` to see them all'),
    );
    await expect(exportForBuilder({ ids: 'all', outDir, root: PROJECT, settings: { group_ids: '1' } })).rejects.toThrow(/^unknown setting "group_ids" \(did you mean "group_id"\?\); the settings are api_version, group_id, /);
    expect(await readdir(outDir)).toEqual([]);
  });
});

describe('runExport', () => {
  it('lists the files written and exits 0', async () => {
    const outDir = await out();
    const [stdout, stderr] = [capture(), capture()];
    const code = await runExport(['mailerlite.subscriber.lookup'], { for: 'external-api-request', out: outDir, root: PROJECT, set: ['group_id=123456789'] }, { stdout, stderr });
    expect(code).toBe(0);
    expect(stdout.text()).toBe(`export: wrote 2 files to ${outDir}\n  ${path.join(outDir, 'mailerlite.subscriber.lookup.external-api-request.json')}\n  ${path.join(outDir, 'mailerlite.subscriber.lookup.md')}\n`);
    expect(stderr.text()).toBe('');
  });

  it('exports the new API by default, the api_version given with --set, or --api', async () => {
    const names = async (options: { api?: 'new' | 'classic'; set?: string[] }): Promise<string[]> => {
      const outDir = await out();
      const io = { stdout: capture(), stderr: capture() };
      expect(await runExport(['whatsapp.join'], { out: outDir, root: PROJECT, ...options }, io)).toBe(0);
      return (await readdir(outDir)).sort();
    };
    expect(await names({})).toEqual(['whatsapp.join.new.external-api-request.json', 'whatsapp.join.new.md']);
    expect(await names({ set: ['api_version=classic'] })).toEqual(['whatsapp.join.classic.external-api-request.json', 'whatsapp.join.classic.md']);
    expect(await names({ set: ['api_version=classic'], api: 'new' })).toEqual(['whatsapp.join.new.external-api-request.json', 'whatsapp.join.new.md']);
  });

  it('exits 2 on an unknown --for, ids and --all together, a bad --set or nothing to export', async () => {
    const io = { stdout: capture(), stderr: capture() };
    expect(await runExport(['whatsapp.join'], { for: 'zapier', out: await out() }, io)).toBe(2);
    expect(await runExport(['whatsapp.join'], { all: true, out: await out() }, io)).toBe(2);
    expect(await runExport(['whatsapp.join'], { set: ['group_id'], out: await out() }, io)).toBe(2);
    expect(await runExport(['whatsapp.join'], { set: ['api_version=v3'], out: await out() }, io)).toBe(2);
    expect(await runExport([], { out: await out() }, io)).toBe(2);
    expect(io.stdout.text()).toBe('');
    expect(io.stderr.text().split('\n').filter(Boolean)).toEqual([
      'mailerlite-steps: unknown --for "zapier": choose external-api-request, node-red or postman (e.g. mailerlite-steps export --for node-red)',
      'mailerlite-steps: give either ids or --all, not both (got whatsapp.join and --all)',
      'mailerlite-steps: --set "group_id": expected name=value, e.g. --set customer_email=priya@example.com',
      'mailerlite-steps: --set api_version=v3: expected new or classic',
      'mailerlite-steps: nothing to export: name a template or flow id, or use --all (e.g. mailerlite-steps export mailerlite.subscriber.upsert)',
    ]);
  });
});

describe('export refuses a tree that holds a key, like pack', () => {
  it('writes nothing and names file and pointer, never the key', async () => {
    const root = await copyPluginTree();
    dirs.push(root);
    await editJson(root, 'templates/steps/new/subscriber-upsert.json', (t) => {
      (t.request as { headers: Record<string, string> }).headers.Authorization = `Bearer ${FAKE_JWT}`;
    });
    await editJson(root, 'templates/steps/classic/subscriber-lookup.json', (t) => {
      (t.request as { headers: Record<string, string> }).headers['X-MailerLite-ApiKey'] = FAKE_CLASSIC_KEY;
    });
    const outDir = await out();
    const [stdout, stderr] = [capture(), capture()];
    expect(await runExport([], { all: true, for: 'external-api-request', out: outDir, root }, { stdout, stderr, env: {} })).toBe(2);
    expect(stdout.text()).toBe('');
    expect(stderr.text()).toMatch(/^mailerlite-steps: export refused: 2 secret values in the tree \(the API key must never be written into a file\)/);
    expect(stderr.text()).toContain('templates/steps/new/subscriber-upsert.json at /request/headers/Authorization: the Authorization header holds a literal key');
    expect(stderr.text()).toContain('templates/steps/classic/subscriber-lookup.json at /request/headers/X-MailerLite-ApiKey: the X-MailerLite-ApiKey header holds a literal key');
    expect(stderr.text()).not.toContain(FAKE_JWT.slice(0, 24));
    expect(stderr.text()).not.toContain(FAKE_CLASSIC_KEY);
    expect(await readdir(outDir)).toEqual([]);
  });

  it('refuses the value of MAILERLITE_API_KEY found in a flow, even for one id', async () => {
    const key = 'export-env-key-81c2aa0f';
    const root = await copyPluginTree();
    dirs.push(root);
    await editJson(root, 'templates/flows/new/whatsapp-join.json', (f) => {
      f.description = `uses ${key}`;
    });
    const outDir = await out();
    const error = await exportForBuilder({ ids: ['mailerlite.subscriber.lookup'], outDir, root, env: { MAILERLITE_API_KEY: key } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RefusedError);
    expect((error as RefusedError).problems.map((p) => [p.file, p.pointer, p.rule])).toEqual([['templates/flows/new/whatsapp-join.json', '/description', 'secret-env-value']]);
    expect((error as RefusedError).message).not.toContain(key);
    expect(await readdir(outDir)).toEqual([]);
  });
});
