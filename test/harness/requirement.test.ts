import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../plugin/paths.js';

/** Runs the browser suite in its own vitest with a Chromium that is not there. */
function browserSuiteWithoutChromium(ci: boolean): { status: number | null; output: string } {
  const env: NodeJS.ProcessEnv = { ...process.env, CHROMIUM_PATH: '/nonexistent/chromium', NO_COLOR: '1' };
  delete env.CI;
  delete env.VITEST;
  delete env.VITEST_WORKER_ID;
  delete env.VITEST_POOL_ID;
  if (ci) env.CI = 'true';
  const vitest = path.join(packageRoot(), 'node_modules', 'vitest', 'vitest.mjs');
  const ran = spawnSync(process.execPath, [vitest, 'run', 'test/e2e/web.test.ts'], { cwd: packageRoot(), env, encoding: 'utf8', timeout: 60_000 });
  return { status: ran.status, output: ran.stdout + ran.stderr };
}

describe('a missing browser cannot pass for a green run', () => {
  it('fails the run under CI=true, naming what is missing', () => {
    const { status, output } = browserSuiteWithoutChromium(true);
    expect(status, output).toBe(1);
    expect(output).toContain('web harness in Chromium cannot run: /nonexistent/chromium is missing');
  });

  it('skips outside CI, saying why', () => {
    const { status, output } = browserSuiteWithoutChromium(false);
    expect(status, output).toBe(0);
    expect(output).toContain('SKIPPED web harness in Chromium: /nonexistent/chromium is missing');
  });
});
