import { mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FlowResult } from '../../plugin/flow/result.js';
import { startSimulator, type Simulator } from '../../plugin/simulator/index.js';
import { cli, type CliRun } from './io.js';

/** A usage error: exit 2, one `mailerlite-steps:` message on stderr, nothing on stdout, never "unexpected error". */
function expectUsageError(run: CliRun, message: string | RegExp): void {
  expect(run.code, run.stderr).toBe(2);
  expect(run.stdout).toBe('');
  expect(run.stderr).not.toContain('unexpected error');
  expect(run.stderr).not.toMatch(/\n\s+at /);
  expect(run.stderr.startsWith('mailerlite-steps: '), run.stderr).toBe(true);
  if (typeof message === 'string') expect(run.stderr).toBe(`mailerlite-steps: ${message}\n`);
  else expect(run.stderr).toMatch(message);
}

/** A port on 127.0.0.1 that something else holds for the test. */
async function busyPort(): Promise<{ port: number; release: () => void }> {
  const blocker = createServer();
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
  return { port: (blocker.address() as { port: number }).port, release: () => blocker.close() };
}

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ port: 0 });
});
afterAll(async () => sim.close());

describe('usage mistakes are usage errors (exit 2, the mailerlite-steps: prefix)', () => {
  it('sim --port 99999', async () => {
    expectUsageError(await cli(['sim', '--port', '99999']), '--port 99999: expected a whole number from 0 to 65535, e.g. --port 9090');
  });

  it('serve --port 99999 and --port abc', async () => {
    expectUsageError(await cli(['serve', '--port', '99999']), '--port 99999: expected a whole number from 0 to 65535, e.g. --port 8787');
    expectUsageError(await cli(['serve', '--port', 'abc']), '--port abc: expected a whole number from 0 to 65535, e.g. --port 8787');
  });

  it('sim with the same key for both API versions', async () => {
    expectUsageError(await cli(['sim', '--port', '0', '--key', 'one-key-for-both', '--classic-key', 'one-key-for-both']), /^mailerlite-steps: --key and --classic-key are the same: the new API and the classic API each need their own key/);
    expectUsageError(await cli(['sim', '--port', '0', '--key', 'sim-classic-0000-key']), /^mailerlite-steps: --key is the default classic key: /);
  });

  it('sim and serve on a busy port', async () => {
    const busy = await busyPort();
    try {
      const message = `port ${busy.port} on 127.0.0.1 is in use: pick another with --port (0 picks a free one)`;
      expectUsageError(await cli(['sim', '--port', String(busy.port)]), message);
      expectUsageError(await cli(['serve', '--port', String(busy.port)]), message);
    } finally {
      busy.release();
    }
  });

  it('export --out under a file, or a file itself, writes nothing', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'export-out-'));
    const file = path.join(dir, 'notes.txt');
    await writeFile(file, 'not a folder\n');
    for (const out of [path.join(file, 'export'), file]) {
      expectUsageError(await cli(['export', 'whatsapp.join', '--for', 'external-api-request', '--out', out]), `--out ${out}: ${file} is a file, not a folder; pick a folder for --out`);
    }
    expect(await readdir(dir)).toEqual(['notes.txt']);
  });

  it('pack --out under a file', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'pack-out-'));
    const file = path.join(dir, 'notes.txt');
    await writeFile(file, 'not a folder\n');
    expectUsageError(await cli(['pack', '--out', path.join(file, 'dist')]), `--out ${path.join(file, 'dist')}: ${file} is a file, not a folder; pick a folder for --out`);
  });

  it.each([
    ['run', ['run', 'mailerlite.subscriber.lookup', '--var', 'customer_email=priya@example.com']],
    ['preview', ['preview', 'mailerlite.subscriber.lookup', '--var', 'customer_email=priya@example.com']],
    ['chat', ['chat']],
  ])("%s --base-url 'http://[::1'", async (_command, args) => {
    expectUsageError(await cli([...args, '--base-url', 'http://[::1']), '--base-url http://[::1: not a valid URL; expected an http:// or https:// origin, alone or followed by /api (new API) or /api/v2 (classic), e.g. http://127.0.0.1:9090/api');
  });

  it('--base-url that is not http(s)', async () => {
    expectUsageError(await cli(['run', 'mailerlite.subscriber.lookup', '--var', 'customer_email=p@example.com', '--base-url', 'ftp://127.0.0.1:9090']), /^mailerlite-steps: --base-url ftp:\/\/127\.0\.0\.1:9090: expected an http:\/\/ or https:\/\/ origin/);
  });
});

describe('typos in --var and --set are named, in preview, run and export alike', () => {
  it('preview --set groupid=… is refused with the nearest setting', async () => {
    const run = await cli(['preview', 'mailerlite.subscriber.upsert', '--var', 'customer_email=priya@example.com', '--set', 'groupid=42']);
    expectUsageError(run, 'unknown setting "groupid" (did you mean "group_id"?); the settings are api_version, group_id, optin_form_url, group_name');
  });

  it('preview --var custmer_email=… is refused with the nearest input', async () => {
    const run = await cli(['preview', 'mailerlite.subscriber.lookup', '--var', 'custmer_email=priya@example.com']);
    expectUsageError(run, 'unknown input "custmer_email" (did you mean "customer_email"?); mailerlite.subscriber.lookup takes customer_email');
  });

  it('run refuses a mistyped --var or --set before sending anything', async () => {
    sim.reset();
    expectUsageError(
      await cli(['run', 'mailerlite.subscriber.lookup', '--var', 'customer_emial=priya@example.com', '--base-url', sim.url]),
      'unknown input "customer_emial" (did you mean "customer_email"?); mailerlite.subscriber.lookup takes customer_email',
    );
    expectUsageError(
      await cli(['run', 'whatsapp.join', '--var', 'customer_email=priya@example.com', '--var', 'name=Priya', '--base-url', sim.url]),
      /^mailerlite-steps: unknown variable "name"( \(did you mean "[a-z_]+"\?\))?; whatsapp\.join takes customer_email, customer_name, customer_phone\n$/,
    );
    expectUsageError(
      await cli(['run', 'whatsapp.join', '--var', 'customer_email=priya@example.com', '--set', 'group_idd=1', '--base-url', sim.url]),
      'unknown setting "group_idd" (did you mean "group_id"?); the settings are api_version, group_id, optin_form_url, group_name',
    );
    expect(sim.journal()).toEqual([]);
  });

  it('export --set groupid=… is refused the same way', async () => {
    const out = await mkdtemp(path.join(tmpdir(), 'export-typo-'));
    expectUsageError(
      await cli(['export', 'whatsapp.join', '--for', 'external-api-request', '--out', out, '--set', 'groupid=42']),
      'unknown setting "groupid" (did you mean "group_id"?); the settings are api_version, group_id, optin_form_url, group_name',
    );
    expect(await readdir(out)).toEqual([]);
  });
});

describe('run by trigger word', () => {
  it.each(['JOIN', 'join', ' Join '])('run %j runs the JOIN flow', async (word) => {
    sim.reset();
    const run = await cli(['run', word, '--var', 'customer_email=priya@example.com', '--var', 'customer_name=Priya Sharma', '--base-url', sim.url, '--json']);
    expect(run.code, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout) as FlowResult;
    expect(result.flow).toBe('whatsapp.join');
    expect(result.steps.map((s) => s.outcome)).toEqual(['not_found', 'created']);
  });

  it('run STOP --api classic runs the classic STOP flow', async () => {
    sim.reset();
    const run = await cli(['run', 'stop', '--api', 'classic', '--var', 'customer_email=priya@example.com', '--base-url', sim.url, '--json']);
    expect(run.code, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout) as FlowResult;
    expect([result.flow, result.steps[0]?.template]).toEqual(['whatsapp.stop', expect.stringMatching(/^mailerlite-classic\./)]);
  });

  it('an unknown word is still an unknown id with suggestions', async () => {
    expectUsageError(await cli(['run', 'JION']), /^mailerlite-steps: unknown template or flow "JION"\./);
  });
});
