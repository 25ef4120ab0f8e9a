import { existsSync, readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../../plugin/paths.js';
import { describeNeeding } from '../harness/requirement.js';
import { exampleFolder, matches, masked, readmeExamples, runExample } from './examples.js';

const README = readFileSync(path.join(packageRoot(), 'README.md'), 'utf8');
const examples = readmeExamples(README);

/** The files README commands read: the CSV the sync section shows. */
function filesShown(): Record<string, string> {
  const csv = /`optins\.csv`[^\n]*:\n\n```csv\n([\s\S]*?)```/.exec(README);
  return csv?.[1] ? { 'optins.csv': csv[1] } : {};
}

describe('README examples', () => {
  it('are found: every command section shows at least one', () => {
    const commands = new Set(examples.map((e) => /mailerlite-steps (\S+)/.exec(e.command)?.[1]));
    for (const name of ['demo', 'preview', 'run', 'chat', 'list', 'validate', 'sim', 'serve', 'sync', 'pack', 'export']) expect(commands).toContain(name);
  });

  it('masks only what varies between runs', () => {
    expect(masked('  ← 404 Not Found (59 ms) at http://127.0.0.1:36435/api')).toBe('  ← 404 Not Found (<n> ms) at http://127.0.0.1:<port>/api');
    expect(masked('sha256: 41aaa24e8d090832c53b20cd58b34b863991f47709920c9f828bb702ed95c071')).toBe('sha256: <hash>');
    expect(matches(['a', '...', 'z'], ['a', 'b', 'c', 'z'])).toBe(true);
    expect(matches(['a', 'z'], ['a', 'b', 'z'])).toBe(false);
    expect(matches(['You are now subscribed, Priya!'], ['You are now subscribed, Rahul!'])).toBe(false);
  });
});

const built = existsSync(path.join(packageRoot(), 'dist', 'plugin', 'harness', 'cli', 'main.js'));
describeNeeding(built ? undefined : 'the CLI is not built (npm run build)', 'README examples print what the README shows', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await exampleFolder(filesShown());
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it.each(examples.map((e) => [`README.md:${e.line}: $ ${e.command}`, e] as const))('%s', async (_title, example) => {
    const printed = await runExample(example, dir);
    if (!matches(example.expected, printed)) {
      // The whole output, masked, so the README can be brought up to date from it.
      expect(printed.map(masked).join('\n')).toBe(example.expected.map(masked).join('\n'));
    }
  });
});
