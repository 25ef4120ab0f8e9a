import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { packageRoot } from '../../plugin/paths.js';
import { describeNeeding } from '../harness/requirement.js';
import { staleBuild } from '../package/run.js';

// `npm test` builds before it runs the tests; a dist older than plugin/ would measure old code.
const missing = await staleBuild(packageRoot());
const hook = fileURLToPath(new URL('./support/record-loads.mjs', import.meta.url));

function loadedBy(args: string[]): string[] {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'loads-')), 'loads.txt');
  const run = spawnSync(process.execPath, ['--import', hook, path.join(packageRoot(), 'bin', 'mailerlite-steps.js'), ...args], {
    env: { ...process.env, RECORD_LOADS: file, NO_COLOR: '1' },
    encoding: 'utf8',
  });
  expect(run.status, run.stderr).toBe(0);
  return readFileSync(file, 'utf8').split('\n').filter((url) => url.includes('/dist/plugin/'));
}

describeNeeding(missing, 'cold start of preview', () => {
  it('loads neither the simulator, the web server nor the sync code', () => {
    const loaded = loadedBy(['preview', 'mailerlite.subscriber.lookup', '--var', 'customer_email=priya@example.com']);
    expect(loaded.some((url) => url.includes('/harness/cli/commands/preview.js'))).toBe(true);
    for (const part of ['/simulator/', '/harness/web/', '/sync/', '/validate/', '/pack/', '/export/']) {
      expect(loaded.filter((url) => url.includes(part))).toEqual([]);
    }
  });

  it('run does load the simulator (the recorder sees what it should)', () => {
    const loaded = loadedBy(['run', 'mailerlite.subscriber.lookup', '--var', 'customer_email=priya@example.com']);
    expect(loaded.some((url) => url.includes('/simulator/'))).toBe(true);
  });
});
