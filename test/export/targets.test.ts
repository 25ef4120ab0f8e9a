import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runExport } from '../../plugin/export/index.js';
import { cli } from '../cli/io.js';
import { capture, copyPluginTree, editJson, FAKE_JWT, removeAll, tempDir } from '../pack/tree.js';
import { catalog } from './catalog.js';

const dirs: string[] = [];
afterEach(() => removeAll(dirs));

async function out(): Promise<string> {
  const dir = await tempDir('export-for-');
  dirs.push(dir);
  return dir;
}

const flowIds = (api: 'new' | 'classic'): string[] => catalog.flows.filter((f) => f.api === api).map((f) => f.id);

/** A key that must never reach a written file. */
const ENV_KEY = 'env-key-5f1e9c2a-never-written';

async function texts(dir: string): Promise<string[]> {
  return Promise.all((await readdir(dir)).map((name) => readFile(path.join(dir, name), 'utf8')));
}

describe('export --for', () => {
  it('external-api-request is the default: a JSON and a Markdown page per step or flow', async () => {
    const dir = await out();
    const run = await cli(['export', 'whatsapp.join', '--out', dir]);
    expect(run.code, run.stderr).toBe(0);
    expect((await readdir(dir)).sort()).toEqual(['whatsapp.join.new.external-api-request.json', 'whatsapp.join.new.md']);
  });

  it('node-red writes one flows.json with an http in node per flow of the API version', async () => {
    for (const api of ['new', 'classic'] as const) {
      const dir = await out();
      const run = await cli(['export', '--for', 'node-red', '--api', api, '--out', dir], { env: { MAILERLITE_API_KEY: ENV_KEY } });
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toBe(`export: wrote 1 file to ${dir}\n  ${path.join(dir, 'flows.json')}\n`);
      expect(await readdir(dir)).toEqual(['flows.json']);
      const nodes = JSON.parse(await readFile(path.join(dir, 'flows.json'), 'utf8')) as Array<{ type: string; url?: string; method?: string }>;
      expect(nodes.filter((n) => n.type === 'http in').map((n) => [n.method, n.url])).toEqual(flowIds(api).map((id) => ['post', `/mailerlite-steps/${id}`]));
      expect((await texts(dir)).join('\n').includes('/api/v2/')).toBe(api === 'classic');
      for (const text of await texts(dir)) expect(text).not.toContain(ENV_KEY);
    }
  });

  it('postman writes <flow id>.postman_collection.json per flow, for the api_version given with --set', async () => {
    const dir = await out();
    const run = await cli(['export', '--for', 'postman', '--set', 'api_version=classic', '--out', dir], { env: { MAILERLITE_API_KEY: ENV_KEY } });
    expect(run.code, run.stderr).toBe(0);
    expect((await readdir(dir)).sort()).toEqual(flowIds('classic').map((id) => `${id}.postman_collection.json`).sort());
    for (const text of await texts(dir)) {
      const collection = JSON.parse(text) as { info: { schema: string } };
      expect(collection.info.schema).toBe('https://schema.getpostman.com/json/collection/v2.1.0/collection.json');
      expect(text).toContain('/api/v2/');
      expect(text).not.toContain(ENV_KEY);
    }
  });

  it('an unknown target is a usage error naming the choices, and nothing is written', async () => {
    const dir = await out();
    const run = await cli(['export', '--for', 'zapier', '--out', dir]);
    expect([run.code, run.stdout, run.stderr]).toEqual([2, '', 'mailerlite-steps: unknown --for "zapier": choose external-api-request, node-red or postman (e.g. mailerlite-steps export --for node-red)\n']);
    expect(await readdir(dir)).toEqual([]);
  });

  it('node-red and postman take no ids and no setting values: usage errors saying why', async () => {
    const dir = await out();
    const ids = await cli(['export', 'whatsapp.join', '--for', 'node-red', '--out', dir]);
    expect([ids.code, ids.stderr]).toEqual([2, 'mailerlite-steps: --for node-red exports every flow of the new API at once: name no ids (got whatsapp.join), e.g. mailerlite-steps export --for node-red --api new\n']);
    const set = await cli(['export', '--for', 'postman', '--set', 'group_id=123456789', '--out', dir]);
    expect([set.code, set.stderr]).toEqual([2, 'mailerlite-steps: --set group_id: --for postman takes settings when it runs, not at export (newman takes them as --env-var group_id=..., --env-var optin_form_url=...)\n']);
    expect(await readdir(dir)).toEqual([]);
  });

  it('refuses an --out under a file for every target, writing nothing', async () => {
    const dir = await out();
    const file = path.join(dir, 'notes.txt');
    await writeFile(file, 'not a folder');
    for (const target of ['external-api-request', 'node-red', 'postman']) {
      const run = await cli(['export', '--all', '--for', target, '--out', path.join(file, 'export')]);
      expect([run.code, run.stderr]).toEqual([2, `mailerlite-steps: --out ${path.join(file, 'export')}: ${file} is a file, not a folder; pick a folder for --out\n`]);
    }
    expect(await readdir(dir)).toEqual(['notes.txt']);
  });

  it('refuses a tree that holds a key for node-red and postman too, naming file and pointer, never the key', async () => {
    const root = await copyPluginTree();
    dirs.push(root);
    await editJson(root, 'templates/steps/new/subscriber-lookup.json', (t) => {
      (t.request as { headers: Record<string, string> }).headers.Authorization = `Bearer ${FAKE_JWT}`;
    });
    for (const target of ['node-red', 'postman']) {
      const dir = await out();
      const io = { stdout: capture(), stderr: capture(), env: {} };
      expect(await runExport([], { for: target, out: dir, root }, io)).toBe(2);
      expect(io.stderr.text()).toMatch(/^mailerlite-steps: export refused: 1 secret value in the tree/);
      expect(io.stderr.text()).toContain('templates/steps/new/subscriber-lookup.json at /request/headers/Authorization');
      expect(io.stderr.text()).not.toContain(FAKE_JWT.slice(0, 24));
      expect(await readdir(dir)).toEqual([]);
    }
  });

  it('--help names the targets, the --api default and shows an example per target', async () => {
    const run = await cli(['export', '--help']);
    expect(run.code).toBe(0);
    const words = run.stdout.replace(/\s+/g, ' ');
    expect(words).toContain('--for <target> external-api-request (default): the builder form; node-red: one flows.json; postman: <flow id>.postman_collection.json per flow');
    expect(words).toContain('--api <version> MailerLite version (default: the api_version given with --set, else new) (choices: "new", "classic")');
    for (const example of ['$ mailerlite-steps export whatsapp.join --out export/', '$ mailerlite-steps export --for node-red --out node-red/', '$ mailerlite-steps export --for postman --api classic --out postman/']) expect(run.stdout).toContain(example);
  });
});
