import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { skipOrFail } from '../harness/requirement.js';
import { publicExports, readmeExample } from './public-api.js';
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

/** The package packed and installed into an empty project, once for every test below. */
interface Installed {
  /** The project the tarball is installed into (`type: module`, nothing else). */
  appDir: string;
  /** The files `npm pack` put in the tarball. */
  files: string[];
}

let installed: Installed | undefined;
let unavailable: string | undefined;

async function packAndInstall(): Promise<Installed> {
  const packDir = await mkdtemp(path.join(tmpdir(), 'mls-pack-'));
  const appDir = await mkdtemp(path.join(tmpdir(), 'mls-app-'));
  temporary.push(packDir, appDir);
  // The build above (or the one before the tests) made dist; --ignore-scripts keeps npm pack from rebuilding.
  const pack = await run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', packDir], PROJECT);
  expect(pack.code, explain('npm pack', pack)).toBe(0);
  const [packed] = JSON.parse(pack.stdout) as Array<{ filename: string; files: Array<{ path: string }> }>;
  await writeFile(path.join(appDir, 'package.json'), JSON.stringify({ name: 'install-check', version: '1.0.0', private: true, type: 'module' }, null, 2));
  const install = await run('npm', ['install', '--no-audit', '--no-fund', '--offline-first', path.join(packDir, packed?.filename ?? '')], appDir);
  expect(install.code, explain('npm install', install)).toBe(0);
  return { appDir, files: (packed?.files ?? []).map((f) => f.path) };
}

beforeAll(async () => {
  unavailable = await ensureBuilt();
  if (unavailable === undefined) installed = await packAndInstall();
}, TIMEOUT);

/** The installed package, or a skip (a failure under CI) saying why there is none. */
function need(skip: (note?: string) => never): Installed {
  if (installed === undefined) skipOrFail(skip, unavailable ?? 'the package was not installed');
  return installed;
}

/** Runs a JavaScript module file written into the installed project. */
async function runModule(appDir: string, name: string, source: string, env: Record<string, string> = {}): Promise<Ran> {
  await writeFile(path.join(appDir, name), source);
  return run(process.execPath, [name], appDir, undefined, env);
}

describe('the npm package, installed from its tarball', () => {
  it('holds what users need and nothing else', ({ skip }) => {
    const { files } = need(skip);
    expect(files).toEqual(expect.arrayContaining(['package.json', 'manifest.json', 'bin/mailerlite-steps.js', 'dist/plugin/index.js', 'dist/plugin/index.d.ts', 'schemas/bundle.schema.json', 'templates/steps/new/subscriber-upsert.json']));
    expect(files.filter((f) => /(^|\/)test\/|\.test\.|^plugin\/.*\.ts$|^scripts\/|^dist\/scripts\//.test(f)), 'files users do not need').toEqual([]);
  });

  it(
    'runs `validate` and `demo` from the installed project',
    async ({ skip }) => {
      const { appDir } = need(skip);
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

  it(
    "runs the README's \"Use it from code\" example as is, printing the guide's reply",
    async ({ skip }) => {
      const { appDir } = need(skip);
      const example = readmeExample(await readFile(path.join(PROJECT, 'README.md'), 'utf8'));
      expect(example).toContain("from 'mailerlite-steps'");
      const ran = await runModule(appDir, 'readme-example.mjs', example);
      expect(ran.code, explain('the README example', ran)).toBe(0);
      expect(ran.stdout).toBe(`${REPLY}\n`);
      expect(ran.stderr).toBe('');
    },
    TIMEOUT,
  );

  it(
    'runStep(template, vars) and runFlow(flow, vars) need no environment; without MAILERLITE_API_KEY they say so',
    async ({ skip }) => {
      const { appDir } = need(skip);
      const source = [
        "import { loadCatalog, runFlow, runStep, UsageError } from 'mailerlite-steps';",
        'const catalog = loadCatalog();',
        "const lookup = catalog.template('mailerlite.subscriber.lookup');",
        "const join = catalog.flow('whatsapp.join', 'new');",
        'for (const call of [',
        "  () => runStep(lookup, { customer_email: 'not-an-email' }).then((r) => `runStep: ${r.outcome}, ${r.attempts} sent`),",
        "  () => runFlow(join, { customer_email: 'not-an-email' }).then((r) => `runFlow: ${r.steps.map((s) => s.template + ' ' + s.outcome).join(', ')}`),",
        ']) {',
        '  try { console.log(await call()); } catch (error) { console.log(`${error instanceof UsageError ? "UsageError" : error.name}: ${error.message}`); }',
        '}',
      ].join('\n');
      // run() takes MAILERLITE_API_KEY out of the environment.
      const without = await runModule(appDir, 'no-environment.mjs', source);
      expect(without.code, explain('no environment, no key', without)).toBe(0);
      const lines = without.stdout.trim().split('\n');
      expect(lines).toHaveLength(2);
      for (const line of lines) expect(line).toMatch(/^UsageError: MAILERLITE_API_KEY is not set: /);

      const withKey = await runModule(appDir, 'no-environment.mjs', source, { MAILERLITE_API_KEY: 'a-key-that-is-never-sent' });
      expect(withKey.code, explain('no environment, a key', withKey)).toBe(0);
      // An invalid email ends before any request, so nothing reaches MailerLite.
      expect(withKey.stdout).toBe('runStep: invalid_input, 0 sent\nrunFlow: mailerlite.subscriber.lookup invalid_input\n');
    },
    TIMEOUT,
  );

  it(
    'its type declarations compile in a project without @types/node',
    async ({ skip }) => {
      const { appDir } = need(skip);
      expect(existsSync(path.join(appDir, 'node_modules', '@types', 'node')), 'the project must not have @types/node').toBe(false);
      const index = await readFile(path.join(appDir, 'node_modules', 'mailerlite-steps', 'dist', 'plugin', 'index.d.ts'), 'utf8');
      const { types, values } = publicExports(index);
      expect(types).toEqual(expect.arrayContaining(['StepEnvironment', 'FlowEnvironment', 'StepResult', 'FlowResult', 'EnvVars', 'Simulator']));
      expect(values).toEqual(expect.arrayContaining(['runStep', 'runFlow', 'defaultEnvironment', 'startSimulator']));
      await writeFile(
        path.join(appDir, 'types-check.ts'),
        [
          `import { ${values.join(', ')} } from 'mailerlite-steps';`,
          `export type { ${types.join(', ')} } from 'mailerlite-steps';`,
          `export const api = { ${values.join(', ')} };`,
          '',
        ].join('\n'),
      );
      await writeFile(
        path.join(appDir, 'tsconfig.json'),
        JSON.stringify({ compilerOptions: { strict: true, module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', noEmit: true, types: [], skipLibCheck: false }, files: ['types-check.ts'] }, null, 2),
      );
      const tsc = await run(process.execPath, [path.join(PROJECT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json'], appDir);
      expect(tsc.code, explain('tsc --noEmit without @types/node', tsc)).toBe(0);
    },
    TIMEOUT,
  );
});
