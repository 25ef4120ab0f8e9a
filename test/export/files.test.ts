import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { UsageError } from '../../plugin/errors.js';
import { exportForBuilder, runExport } from '../../plugin/export/index.js';
import { capture, removeAll, tempDir } from '../pack/tree.js';
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
    const json = JSON.parse(await readFile(files[0] ?? '', 'utf8')) as { format: string; kind: string; id: string; plugin: { version: string } };
    expect([json.format, json.kind, json.id, json.plugin.version]).toEqual(['external-api-request', 'step', 'mailerlite.subscriber.upsert', catalog.manifest.version]);
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
    const named = await exportForBuilder({ ids: ['whatsapp.join.classic'], outDir: await out(), root: PROJECT });
    expect(named).toHaveLength(2);
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

  it('exits 2 without --for external-api-request, with ids and --all together, or on a bad --set', async () => {
    const io = { stdout: capture(), stderr: capture() };
    expect(await runExport(['whatsapp.join'], { out: await out() }, io)).toBe(2);
    expect(await runExport(['whatsapp.join'], { for: 'zapier', out: await out() }, io)).toBe(2);
    expect(await runExport(['whatsapp.join'], { for: 'external-api-request', all: true, out: await out() }, io)).toBe(2);
    expect(await runExport(['whatsapp.join'], { for: 'external-api-request', set: ['group_id'], out: await out() }, io)).toBe(2);
    expect(await runExport([], { for: 'external-api-request', out: await out() }, io)).toBe(2);
    expect(io.stdout.text()).toBe('');
    expect(io.stderr.text().split('\n').filter(Boolean)).toEqual([
      'mailerlite-steps export: missing --for: the only builder form is external-api-request (e.g. mailerlite-steps export whatsapp.join --for external-api-request)',
      'mailerlite-steps export: unknown --for "zapier": the only builder form is external-api-request (e.g. mailerlite-steps export whatsapp.join --for external-api-request)',
      'mailerlite-steps export: give either ids or --all, not both (got whatsapp.join and --all)',
      'mailerlite-steps export: --set "group_id": expected name=value, e.g. --set customer_email=priya@example.com',
      'mailerlite-steps export: nothing to export: name a template or flow id, or use --all (e.g. mailerlite-steps export mailerlite.subscriber.upsert --for external-api-request)',
    ]);
  });
});
