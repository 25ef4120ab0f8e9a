import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../plugin/catalog.js';
import { exportPostman, PostmanExportError, type PostmanCollection } from '../../plugin/export/postman/index.js';
import { newmanCli } from './support/newman.js';
import { KEYS, PRIYA, scenarioSimulator } from './support/scenarios.js';
import { DEFAULT_SEED } from '../../plugin/simulator/index.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const catalog = loadCatalog();

function collections(api: 'new' | 'classic'): Map<string, PostmanCollection> {
  return new Map(exportPostman(catalog, { api }).files.map((f) => [f.path, JSON.parse(f.content) as PostmanCollection]));
}

describe('exportPostman', () => {
  it('writes one collection v2.1 per flow of the API, a request per step node, named by its node id', () => {
    for (const api of ['new', 'classic'] as const) {
      const files = collections(api);
      const flows = catalog.flows.filter((f) => f.api === api);
      expect([...files.keys()].sort()).toEqual(flows.map((f) => `${f.id}.postman_collection.json`).sort());
      for (const flow of flows) {
        const collection = files.get(`${flow.id}.postman_collection.json`)!;
        expect(collection.info.schema).toBe('https://schema.getpostman.com/json/collection/v2.1.0/collection.json');
        const steps = Object.entries(flow.nodes).filter(([, node]) => node.type === 'step').map(([id]) => id);
        expect(collection.item.map((i) => i.name).sort()).toEqual(steps.sort());
        expect(collection.item[0]?.name).toBe(flow.start);
        expect(collection.event.map((e) => e.listen)).toEqual(['prerequest', 'test']);
      }
    }
  });

  it('puts the origin behind {{base_url}} (production by default) and the key only as {{api_key}} in a header', () => {
    process.env.MAILERLITE_API_KEY = 'live-key-never-exported-5d1c';
    try {
      for (const api of ['new', 'classic'] as const) {
        for (const [file, collection] of collections(api)) {
          const text = JSON.stringify(collection);
          expect(text, file).not.toContain(process.env.MAILERLITE_API_KEY);
          expect(collection.variable).toEqual([expect.objectContaining({ key: 'base_url', value: api === 'new' ? 'https://connect.mailerlite.com' : 'https://api.mailerlite.com' })]);
          for (const item of collection.item) {
            expect(item.request.url.startsWith('{{base_url}}/api/')).toBe(true);
            const auth = item.request.header.filter((h) => /authorization|x-mailerlite-apikey/i.test(h.key)).map((h) => h.value);
            expect(auth).toEqual([api === 'new' ? 'Bearer {{api_key}}' : '{{api_key}}']);
            // No conversation value is pasted into JSON text by Postman: the script builds the body.
            if (item.request.body) expect(item.request.body.raw).toBe('{{request.body}}');
          }
        }
      }
    } finally {
      delete process.env.MAILERLITE_API_KEY;
    }
  });

  it('places a path value as one encoded segment through a script variable', () => {
    const join = collections('new').get('whatsapp.join.postman_collection.json')!;
    expect(join.item.find((i) => i.name === 'lookup')?.request.url).toBe('{{base_url}}/api/subscribers/{{path.customer_email}}');
    const setup = collections('new').get('setup.optin-group.postman_collection.json')!;
    expect(setup.item.find((i) => i.name === 'find')?.request.url).toBe('{{base_url}}/api/groups?filter[name]={{query.filter[name]}}&limit=100&sort=name');
  });

  it('refuses declarations outside the builder profile, naming each file and place', () => {
    const outside = loadCatalog(path.join(here, '..', 'fixtures', 'engines', 'postman', 'outside-profile'));
    let error: unknown;
    try {
      exportPostman(outside, { api: 'new' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PostmanExportError);
    const problems = (error as PostmanExportError).problems.map((p) => `${p.file} ${p.pointer}: ${p.message}`);
    expect(problems).toEqual([
      'templates/lookup.json /request/url: <<lower customer_email>> is not a plain placeholder',
      'templates/lookup.json /outputs/in_target_group/expression: output "in_target_group" is not a plain path: contains(data.groups[].id || `[]`, $settings.group_id)',
      'templates/lookup.json /outcomes/0/when/condition: outcome "already_in_group" reads the response body',
      'templates/join.json /nodes/reply_already/text: <<first_name customer_name>> is not a plain placeholder',
      'templates/join.json /nodes/reply_welcome/text: <<#if customer_name>> is not a plain placeholder',
      'templates/join.json /nodes/reply_welcome/text: <</if>> is not a plain placeholder',
      'templates/join.json /nodes/reply_welcome/text: <<secrets.api_key>> is used in a flow message; secrets may appear only in request header values',
    ]);
    expect((error as PostmanExportError).problems.every((p) => p.rule === 'postman-export' && p.expected && p.example)).toBe(true);
    expect((error as Error).message).toContain('cannot export to Postman: 7 declarations outside the builder profile');
  });
});

describe('newman run (the command line)', () => {
  it('runs an exported file with --env-var and writes reply and end with --export-environment', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'newman-cli-'));
    const sim = await scenarioSimulator({ name: 'cli', flow: 'whatsapp.join', api: 'new', seed: DEFAULT_SEED, settings: {}, vars: {} });
    try {
      const file = exportPostman(catalog, { api: 'new' }).files.find((f) => f.path === 'whatsapp.join.postman_collection.json')!;
      writeFileSync(path.join(dir, file.path), file.content);
      const vars = { base_url: sim.url, api_key: KEYS.new, group_id: '123456789', ...PRIYA };
      const args = ['run', path.join(dir, file.path), ...Object.entries(vars).flatMap(([k, v]) => ['--env-var', `${k}=${v}`]), '--export-environment', path.join(dir, 'env.json')];
      const { stdout } = await promisify(execFile)(process.execPath, [newmanCli(), ...args]);
      expect(stdout).toContain('→ lookup');
      expect(stdout).toContain('→ upsert');
      expect(stdout).not.toContain(KEYS.new);
      const env = JSON.parse(readFileSync(path.join(dir, 'env.json'), 'utf8')) as { values: Array<{ key: string; value: string }> };
      const values = Object.fromEntries(env.values.map((v) => [v.key, v.value]));
      expect(values.reply).toBe('You are now subscribed, Priya! You will receive our newsletter at priya@example.com.');
      expect(values.end).toBe('end_subscribed');
    } finally {
      await sim.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
