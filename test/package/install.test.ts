import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { skipOrFail } from '../harness/requirement.js';
import { modified, run, staleBuild, type Ran } from './run.js';

const PROJECT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const REPLY = 'You are now subscribed, Priya! You will receive our newsletter at priya@example.com.';
const TIMEOUT = 180_000;

const temporary: string[] = [];
afterAll(async () => {
  await Promise.all(temporary.map((dir) => rm(dir, { recursive: true, force: true })));
});

/** Builds dist when it is missing or older than the sources; the reason it cannot be tested when the build fails. */
async function ensureBuilt(): Promise<string | undefined> {
  if ((await staleBuild(PROJECT)) === undefined) return undefined;
  const build = await run('npm', ['run', 'build'], PROJECT);
  if (build.code === 0) return undefined;
  // tsc still writes its output on type errors; errors outside plugin/ (e.g. scripts/) do not reach the package.
  const errors = (build.stdout + build.stderr).split('\n').filter((line) => /error TS\d+/.test(line));
  const inPackage = errors.filter((line) => line.startsWith('plugin/'));
  const emitted = (await modified(path.join(PROJECT, 'dist', 'plugin', 'index.js'))) !== undefined;
  if (emitted && errors.length > 0 && inPackage.length === 0) return undefined;
  return `\`npm run build\` failed (exit ${String(build.code)}), so there is no current dist to pack:\n${(inPackage.length > 0 ? inPackage : errors).slice(0, 8).join('\n')}`;
}

function explain(step: string, ran: Ran): string {
  return `${step} exited ${String(ran.code)}\n--- stdout\n${ran.stdout}\n--- stderr\n${ran.stderr}`;
}

describe('the npm package, installed from its tarball', () => {
  it(
    'packs, installs into an empty folder, and runs `validate` and `demo` from there',
    async ({ skip }) => {
      const reason = await ensureBuilt();
      if (reason) skipOrFail(skip, reason);

      const packDir = await mkdtemp(path.join(tmpdir(), 'mls-pack-'));
      const appDir = await mkdtemp(path.join(tmpdir(), 'mls-app-'));
      temporary.push(packDir, appDir);

      // The build above (or the one before the tests) made dist; --ignore-scripts keeps npm pack from rebuilding.
      const pack = await run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', packDir], PROJECT);
      expect(pack.code, explain('npm pack', pack)).toBe(0);
      const [packed] = JSON.parse(pack.stdout) as Array<{ filename: string; files: Array<{ path: string }> }>;
      const files = (packed?.files ?? []).map((f) => f.path);
      expect(files).toEqual(expect.arrayContaining(['package.json', 'manifest.json', 'bin/mailerlite-steps.js', 'dist/plugin/index.js', 'dist/plugin/index.d.ts', 'schemas/bundle.schema.json', 'templates/steps/new/subscriber-upsert.json']));
      expect(files.filter((f) => /(^|\/)test\/|\.test\.|^plugin\/.*\.ts$|^scripts\/|^dist\/scripts\//.test(f)), 'files users do not need').toEqual([]);

      await writeFile(path.join(appDir, 'package.json'), JSON.stringify({ name: 'install-check', version: '1.0.0', private: true, type: 'module' }, null, 2));
      const tarball = path.join(packDir, packed?.filename ?? '');
      const install = await run('npm', ['install', '--no-audit', '--no-fund', '--offline-first', tarball], appDir);
      expect(install.code, explain('npm install', install)).toBe(0);

      const validate = await run('npx', ['--no', 'mailerlite-steps', 'validate'], appDir);
      expect(validate.code, explain('mailerlite-steps validate', validate)).toBe(0);
      expect(validate.stdout).toMatch(/^validate: 1 manifest, \d+ templates, \d+ flows: no problems$/m);

      const api = await run('node', ['--input-type=module', '-e', "const m = await import('mailerlite-steps'); const s = await import('mailerlite-steps/schemas/bundle.schema.json', { with: { type: 'json' } }); console.log([typeof m.packBundle, typeof m.runFlow, typeof m.loadCatalog, s.default.title].join(' '))"], appDir);
      expect(api.code, explain('import mailerlite-steps', api)).toBe(0);
      expect(api.stdout.trim()).toBe('function function function PluginBundle');

      const demo = await run('npx', ['--no', 'mailerlite-steps', 'demo'], appDir);
      expect(demo.code, explain('mailerlite-steps demo', demo)).toBe(0);
      expect(demo.stdout).toContain(REPLY);
    },
    TIMEOUT,
  );
});
