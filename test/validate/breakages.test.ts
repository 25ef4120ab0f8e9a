import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { runValidate } from '../../plugin/validate/command.js';
import { validateTree } from '../../plugin/validate/index.js';
import { applyChange, copyGoodTree, FIXTURES, removeTree, type Breakage } from './fixture-tree.js';

const breakages = JSON.parse(readFileSync(path.join(FIXTURES, 'breakages.json'), 'utf8')) as Breakage[];

const RULES = [
  'schema',
  'json-syntax',
  'files-listed',
  'unique-ids',
  'placeholders-declared',
  'template-syntax',
  'secrets-only-in-headers',
  'url-origin',
  'literal-keys',
  'auth-header',
  'fallback-last',
  'unique-outcomes',
  'reserved-names',
  'expressions-parse',
  'versions-match',
  'flow-routes',
  'flow-inputs',
];

function sink(): Writable {
  return new Writable({ write: (_chunk, _encoding, done) => done() });
}

describe('validate: each breakage of the good tree is named by file, pointer and rule', () => {
  let dir: string | undefined;
  afterEach(async () => {
    if (dir) await removeTree(dir);
    dir = undefined;
  });

  it('covers every rule at least once', () => {
    const covered = new Set(breakages.map((b) => b.expected.rule));
    expect(RULES.filter((rule) => !covered.has(rule))).toEqual([]);
  });

  it.each(breakages.map((b) => [b.name, b] as const))('%s', async (_name, breakage) => {
    dir = await copyGoodTree();
    await applyChange(dir, breakage);
    const result = await validateTree(dir);
    const found = result.problems.map(({ file, pointer, rule }) => ({ file, pointer, rule }));
    const expected = [breakage.expected, ...(breakage.others ?? [])];
    expect(found).toEqual(expect.arrayContaining(expected));
    expect(found).toHaveLength(expected.length);
    expect(result.ok).toBe(false);
    for (const problem of result.problems) {
      expect(problem.message.length).toBeGreaterThan(0);
      expect(problem.expected?.length ?? 0).toBeGreaterThan(0);
    }
    expect(await runValidate(dir, { json: false }, { stdout: sink(), stderr: sink() })).toBe(1);
  });
});
