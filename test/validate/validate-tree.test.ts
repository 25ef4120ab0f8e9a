import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { formatProblem } from '../../plugin/declarations/problem.js';
import { packageRoot } from '../../plugin/paths.js';
import { runValidate, summary } from '../../plugin/validate/command.js';
import { validateTree, type ValidationResult } from '../../plugin/validate/index.js';
import { capture } from '../pack/tree.js';
import { applyChange, copyGoodTree, GOOD_TREE, removeTree } from './fixture-tree.js';

async function run(dir: string, json: boolean): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = capture();
  const stderr = capture();
  const code = await runValidate(dir, { json }, { stdout, stderr });
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

describe('validateTree', () => {
  let dir: string | undefined;
  afterEach(async () => {
    if (dir) await removeTree(dir);
    dir = undefined;
  });

  it('finds no problem in the good fixture tree', async () => {
    const result = await validateTree(GOOD_TREE);
    expect(result.problems).toEqual([]);
    expect(result).toEqual({ ok: true, problems: [], checked: { manifest: 1, templates: 4, flows: 2 } });
  });

  it('finds no problem in the package itself', async () => {
    const result = await validateTree(packageRoot());
    expect(result.problems).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it('gives one clear problem for a folder without manifest.json', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'validate-empty-'));
    const result = await validateTree(dir);
    expect(result.ok).toBe(false);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({ file: 'manifest.json', pointer: '', rule: 'file-exists' });
    const { code, stdout } = await run(dir, false);
    expect(code).toBe(1);
    expect(stdout).not.toMatch(/\bat .*\.ts:\d+/u);
    expect(stdout.trim().split('\n').at(-1)).toBe('validate: 1 manifest, 0 templates, 0 flows: 1 problem');
  });

  it('reports a manifest that is not JSON and checks nothing else', async () => {
    dir = await copyGoodTree();
    await writeFile(path.join(dir, 'manifest.json'), '{ "id": "mailerlite-steps",');
    const result = await validateTree(dir);
    expect(result.problems.map(({ file, pointer, rule }) => ({ file, pointer, rule }))).toEqual([{ file: 'manifest.json', pointer: '', rule: 'json-syntax' }]);
  });

  it('still checks the listed files when the manifest fails its schema', async () => {
    dir = await copyGoodTree();
    await applyChange(dir, { file: 'manifest.json', pointer: '/description', delete: true });
    await applyChange(dir, { file: 'templates/steps/new/subscriber-lookup.json', pointer: '/request/url', value: 'https://connect.mailerlite.com/api/subscribers?email=<<customer_email>>' });
    const result = await validateTree(dir);
    expect(result.problems.map(({ file, pointer, rule }) => ({ file, pointer, rule }))).toEqual([
      { file: 'manifest.json', pointer: '', rule: 'schema' },
      { file: 'templates/steps/new/subscriber-lookup.json', pointer: '/request/url', rule: 'url-origin' },
    ]);
  });

  it('sorts problems by file, then pointer', async () => {
    dir = await copyGoodTree();
    await applyChange(dir, { file: 'templates/steps/new/subscriber-lookup.json', pointer: '/outcomes/6/name', value: 'found' });
    await applyChange(dir, { file: 'templates/flows/join.json', pointer: '/start', value: 'nowhere' });
    await applyChange(dir, { file: 'manifest.json', pointer: '/version', value: '9.9.9' });
    const result = await validateTree(dir);
    const located = result.problems.map(({ file, pointer }) => `${file} ${pointer}`);
    expect(located).toEqual([
      'manifest.json /version',
      'templates/flows/join.json /start',
      'templates/steps/new/subscriber-lookup.json /outcomes/6/name',
    ]);
  });
});

describe('runValidate', () => {
  let dir: string | undefined;
  afterEach(async () => {
    if (dir) await removeTree(dir);
    dir = undefined;
  });

  it('exits 0 on a clean tree and prints only the summary', async () => {
    const { code, stdout, stderr } = await run(GOOD_TREE, false);
    expect(code).toBe(0);
    expect(stdout).toBe('validate: 1 manifest, 4 templates, 2 flows: no problems\n');
    expect(stderr).toBe('');
  });

  it('prints each problem as formatProblem does, then the summary, and exits 1', async () => {
    dir = await copyGoodTree();
    await applyChange(dir, { file: 'templates/steps/new/subscriber-lookup.json', pointer: '/request/query/api_key', value: '<<secrets.api_key>>' });
    await applyChange(dir, { file: 'templates/flows/join.json', pointer: '/nodes/already/next', value: 'finish' });
    const result = await validateTree(dir);
    const { code, stdout } = await run(dir, false);
    expect(code).toBe(1);
    expect(stdout).toBe(result.problems.map((p) => formatProblem(p) + '\n\n').join('') + 'validate: 1 manifest, 4 templates, 2 flows: 2 problems\n');
  });

  it('--json prints the ValidationResult as JSON and nothing else', async () => {
    dir = await copyGoodTree();
    await applyChange(dir, { file: 'templates/flows/join.json', pointer: '/start', value: 'lokup' });
    const { code, stdout, stderr } = await run(dir, true);
    expect(code).toBe(1);
    expect(stderr).toBe('');
    const parsed = JSON.parse(stdout) as ValidationResult;
    expect(parsed).toEqual(await validateTree(dir));
    expect(parsed.ok).toBe(false);
    expect(parsed.problems[0]).toMatchObject({ file: 'templates/flows/join.json', pointer: '/start', rule: 'flow-routes' });
  });

  it('--json on a clean tree parses and exits 0', async () => {
    const { code, stdout } = await run(GOOD_TREE, true);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({ ok: true, problems: [], checked: { manifest: 1, templates: 4, flows: 2 } });
  });

  it('summarises counts in the singular and plural', () => {
    const problem = { file: 'manifest.json', pointer: '', rule: 'x', message: 'y' };
    expect(summary({ ok: false, problems: [problem], checked: { manifest: 1, templates: 1, flows: 1 } })).toBe('validate: 1 manifest, 1 template, 1 flow: 1 problem');
    expect(summary({ ok: false, problems: [problem, problem], checked: { manifest: 1, templates: 14, flows: 8 } })).toBe('validate: 1 manifest, 14 templates, 8 flows: 2 problems');
  });
});
