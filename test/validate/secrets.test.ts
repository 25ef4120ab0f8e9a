import { afterEach, describe, expect, it } from 'vitest';
import { runValidate } from '../../plugin/validate/command.js';
import { validateTree } from '../../plugin/validate/index.js';
import { cli } from '../cli/io.js';
import { capture, copyPluginTree, editJson, FAKE_JWT, removeAll } from '../pack/tree.js';

const dirs: string[] = [];
afterEach(() => removeAll(dirs));

type Template = Record<string, unknown> & { request: { headers: Record<string, string>; body?: Record<string, unknown> } };

/** The real plugin tree with one template edited. */
async function treeWith(file: string, edit: (template: Template) => void): Promise<string> {
  const root = await copyPluginTree();
  dirs.push(root);
  await editJson(root, file, (value) => edit(value as Template));
  return root;
}

async function validate(root: string, env: NodeJS.ProcessEnv = {}) {
  const [stdout, stderr] = [capture(), capture()];
  const code = await runValidate(root, { json: false, env }, { stdout, stderr });
  const json = capture();
  const jsonCode = await runValidate(root, { json: true, env }, { stdout: json, stderr: capture() });
  return { code, text: stdout.text() + stderr.text(), jsonCode, json: json.text() };
}

describe('validate names a pasted key by file and pointer, and prints it redacted', () => {
  it('a literal Bearer token in the Authorization header', async () => {
    const root = await treeWith('templates/steps/new/subscriber-upsert.json', (t) => {
      t.request.headers.Authorization = `Bearer ${FAKE_JWT}`;
    });
    const run = await validate(root);
    expect([run.code, run.jsonCode]).toEqual([1, 1]);
    expect(run.text).toContain('templates/steps/new/subscriber-upsert.json at /request/headers/Authorization: the Authorization header holds a literal key, not a <<secrets.*>> placeholder [secret-in-header]');
    expect(run.text).toContain(`templates/steps/new/subscriber-upsert.json at /request/headers/Authorization: the new API's Authorization header is "Bearer [redacted]" [auth-header]`);
    for (const output of [run.text, run.json]) {
      expect(output).not.toContain(FAKE_JWT);
      expect(output).not.toContain(FAKE_JWT.slice(0, 24));
    }
    const located = (await validateTree(root, { env: {} })).problems.map(({ file, pointer, rule }) => `${file} ${pointer} ${rule}`);
    expect(located).toEqual(['templates/steps/new/subscriber-upsert.json /request/headers/Authorization auth-header', 'templates/steps/new/subscriber-upsert.json /request/headers/Authorization secret-in-header']);
  });

  it('a literal classic key that matches no key pattern', async () => {
    const root = await treeWith('templates/steps/classic/subscriber-lookup.json', (t) => {
      t.request.headers['X-MailerLite-ApiKey'] = 'my-literal-classic-key';
    });
    const run = await validate(root);
    expect(run.code).toBe(1);
    expect(run.text).toContain('templates/steps/classic/subscriber-lookup.json at /request/headers/X-MailerLite-ApiKey: the X-MailerLite-ApiKey header holds a literal key');
    expect(run.text + run.json).not.toContain('my-literal-classic-key');
  });

  it('the value of MAILERLITE_API_KEY pasted into a body field, found through `mailerlite-steps validate`', async () => {
    const key = 'pasted-env-key-6a1f09bd';
    const root = await treeWith('templates/steps/new/subscriber-upsert.json', (t) => {
      t.request.body = { ...t.request.body, note: `key ${key}` };
    });
    const run = await cli(['validate', root], { env: { MAILERLITE_API_KEY: key } });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('templates/steps/new/subscriber-upsert.json at /request/body/note: a value holds the API key from the environment variable MAILERLITE_API_KEY [secret-env-value]');
    expect(run.stdout + run.stderr).not.toContain(key);
    const json = await cli(['validate', root, '--json'], { env: { MAILERLITE_API_KEY: key } });
    expect(json.code).toBe(1);
    expect(json.stdout).not.toContain(key);
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: false });
  });
});
