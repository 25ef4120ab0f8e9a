import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { UsageError } from '../../plugin/errors.js';
import { runServe } from '../../plugin/harness/web/serve.js';
import { startSimulator, type Simulator } from '../../plugin/simulator/index.js';
import type { StepResult } from '../../plugin/step/result.js';
import { isLoopback, isRemote, openTarget, parseBaseUrl } from '../../plugin/target.js';
import { cli, type CliRun } from './io.js';

const ACCEPTED = 'expected an http:// or https:// origin, alone or followed by /api (new API) or /api/v2 (classic), e.g. http://127.0.0.1:9090/api';

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ port: 0 });
});
afterAll(async () => sim.close());
beforeEach(() => sim.reset());

function refusal(text: string): string {
  try {
    parseBaseUrl(text);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as UsageError).message;
  }
  throw new Error(`parseBaseUrl accepted ${text}`);
}

describe('parseBaseUrl: base URLs as people write them', () => {
  it.each([
    ['http://127.0.0.1:9090', 'http://127.0.0.1:9090'],
    ['http://127.0.0.1:9090/', 'http://127.0.0.1:9090'],
    ['http://127.0.0.1:9090/api', 'http://127.0.0.1:9090'],
    ['http://127.0.0.1:9090/api/', 'http://127.0.0.1:9090'],
    ['http://127.0.0.1:9090/api/v2', 'http://127.0.0.1:9090'],
    ['http://127.0.0.1:9090/api/v2/', 'http://127.0.0.1:9090'],
    ['https://connect.mailerlite.com/api', 'https://connect.mailerlite.com'],
    ['https://api.mailerlite.com/api/v2', 'https://api.mailerlite.com'],
    ['HTTP://LocalHost:80/api', 'http://localhost'],
    ['http://[::1]:9090/api/v2', 'http://[::1]:9090'],
    [' http://127.0.0.1:9090/api ', 'http://127.0.0.1:9090'],
  ])('%s → %s', (text, origin) => {
    expect(parseBaseUrl(text)).toBe(origin);
  });

  it.each([
    ['http://127.0.0.1:9090/api/subscribers', 'the path /api/subscribers is not /api or /api/v2'],
    ['http://127.0.0.1:9090/api/v3', 'the path /api/v3 is not /api or /api/v2'],
    ['http://127.0.0.1:9090/v2', 'the path /v2 is not /api or /api/v2'],
    ['http://127.0.0.1:9090/apis', 'the path /apis is not /api or /api/v2'],
    ['http://127.0.0.1:9090/api//', 'the path /api// is not /api or /api/v2'],
    ['http://127.0.0.1:9090/API', 'the path /API is not /api or /api/v2'],
    ['127.0.0.1:9090', 'not a valid URL'],
    ['http://[::1', 'not a valid URL'],
  ])('refuses %s: %s', (text, reason) => {
    expect(refusal(text)).toBe(`--base-url ${text}: ${reason}; ${ACCEPTED}`);
  });

  it.each(['ftp://127.0.0.1:9090', 'localhost:9090', 'file:///api'])('refuses %s: not http(s), so it says what is', (text) => {
    expect(refusal(text)).toBe(`--base-url ${text}: ${ACCEPTED}`);
  });

  it.each([
    ['http://127.0.0.1:9090/api?x=1', 'http://127.0.0.1:9090/api?…', 'a base URL has no query'],
    ['http://127.0.0.1:9090/api?', 'http://127.0.0.1:9090/api?…', 'a base URL has no query'],
    ['http://127.0.0.1:9090/api#top', 'http://127.0.0.1:9090/api#…', 'a base URL has no fragment'],
    ['', '""', 'not a valid URL'],
  ])('refuses %j, shown as %s: %s', (text, shown, reason) => {
    expect(refusal(text)).toBe(`--base-url ${shown}: ${reason}; ${ACCEPTED}`);
  });

  it('refuses credentials in the URL without printing them, and never prints a query', () => {
    const withPassword = refusal('https://priya:hunter2@connect.mailerlite.com/api');
    expect(withPassword).toBe(`--base-url https://[redacted]@connect.mailerlite.com/api: a base URL holds no user name or password (the key comes from MAILERLITE_API_KEY); ${ACCEPTED}`);
    expect(refusal('http://rahul@127.0.0.1:9090')).not.toContain('rahul');
    const withQuery = refusal('http://127.0.0.1:9090/api?api_key=secret-key-123');
    expect(withQuery).not.toContain('secret-key-123');
    expect(withQuery).toContain('http://127.0.0.1:9090/api?…');
  });
});

describe('which base URLs are a simulator on this machine', () => {
  it.each([
    ['http://127.0.0.1:9090', true],
    ['http://127.45.6.7', true],
    ['http://localhost:9090', true],
    ['http://[::1]:9090', true],
    ['http://0.0.0.0:9090', false],
    ['http://128.0.0.1', false],
    ['http://10.0.0.5:9090', false],
    ['http://127.0.0.1.example.com', false],
    ['https://connect.mailerlite.com', false],
  ])('%s is loopback: %s', (origin, loopback) => {
    expect(isLoopback(origin)).toBe(loopback);
    expect(isRemote({ kind: 'url', baseUrl: origin })).toBe(!loopback);
  });

  it('live is remote, the embedded simulator is not', () => {
    expect(isRemote({ kind: 'live', baseUrl: undefined })).toBe(true);
    expect(isRemote({ kind: 'sim', baseUrl: 'http://127.0.0.1:9090' })).toBe(false);
  });

  it('openTarget keeps the origin of a base URL with /api, and says when it is not on this machine', async () => {
    const local = await openTarget({ baseUrl: `${sim.url}/api/`, env: {} });
    expect(local).toMatchObject({ kind: 'url', baseUrl: sim.url, description: `simulator at ${sim.url}` });
    const remote = await openTarget({ baseUrl: 'https://connect.mailerlite.com/api', env: {} });
    expect(remote.baseUrl).toBe('https://connect.mailerlite.com');
    expect(remote.description).toBe('https://connect.mailerlite.com (not a simulator on this machine: if it reaches MailerLite, real subscribers will change)');
  });
});

/** A usage error: exit 2, one `mailerlite-steps:` line on stderr, nothing on stdout. */
function expectRefused(run: CliRun, text: string, reason: string, prefix = 'mailerlite-steps: '): void {
  expect(run.code, run.stderr).toBe(2);
  expect(run.stdout).toBe('');
  expect(run.stderr).toBe(`${prefix}--base-url ${text}: ${reason}; ${ACCEPTED}\n`);
}

describe('every command that takes --base-url parses it the same way', () => {
  const bad = 'http://127.0.0.1:9090/api/subscribers';
  const reason = 'the path /api/subscribers is not /api or /api/v2';

  it.each([
    ['preview', ['preview', 'mailerlite.subscriber.lookup', '--var', 'customer_email=priya@example.com']],
    ['run', ['run', 'mailerlite.subscriber.lookup', '--var', 'customer_email=priya@example.com']],
    ['chat', ['chat']],
    ['serve', ['serve', '--port', '0']],
  ])('%s refuses another path (exit 2)', async (_command, args) => {
    expectRefused(await cli([...args, '--base-url', bad], { stdin: 'JOIN\n' }), bad, reason);
  });

  it('sync refuses it too, before sending anything', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'base-url-sync-'));
    const csv = path.join(dir, 'optins.csv');
    await writeFile(csv, 'email,name\npriya@example.com,Priya Sharma\n');
    const run = await cli(['sync', csv, '--group', '123456789', '--base-url', bad, '--journal', path.join(dir, 'journal.jsonl')]);
    expectRefused(run, bad, reason, 'mailerlite-steps: ');
    expect(sim.journal()).toEqual([]);
  });

  it('run refuses a password without printing it', async () => {
    const run = await cli(['run', 'mailerlite.subscriber.lookup', '--var', 'customer_email=priya@example.com', '--base-url', 'http://priya:hunter2@127.0.0.1:9090']);
    expect(run.code).toBe(2);
    expect(run.stderr).not.toContain('hunter2');
    expect(run.stderr).toMatch(/^mailerlite-steps: --base-url http:\/\/\[redacted\]@127\.0\.0\.1:9090: a base URL holds no user name or password/);
  });
});

describe('preview at a base URL with /api', () => {
  it('shows the request with the right path', async () => {
    const run = await cli(['preview', 'mailerlite.subscriber.lookup', '--var', 'customer_email=priya@example.com', '--base-url', 'http://127.0.0.1:9090/api/', '--format', 'json']);
    expect(run.code, run.stderr).toBe(0);
    expect((JSON.parse(run.stdout) as { url: string }).url).toBe('http://127.0.0.1:9090/api/subscribers/priya@example.com');
  });
});

describe('run against a simulator at its /api or /api/v2 base URL', () => {
  it.each(['/api', '/api/', '', '/'])('new API, --base-url <sim>%s: the journal shows /api/subscribers/…', async (suffix) => {
    const run = await cli(['run', 'mailerlite.subscriber.lookup', '--var', 'customer_email=priya@example.com', '--base-url', `${sim.url}${suffix}`, '--json'], { env: { MAILERLITE_API_KEY: sim.keys.new } });
    expect(run.code, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout) as StepResult;
    expect(result.request?.url).toBe(`${sim.url}/api/subscribers/priya@example.com`);
    expect(sim.journal().map((entry) => `${entry.method} ${entry.path} ${String(entry.status)}`)).toEqual(['GET /api/subscribers/priya@example.com 404']);
    expect(result.outcome).toBe('not_found');
  });

  it('a flow at --base-url <sim>/api reaches the guide reply through /api/subscribers', async () => {
    const run = await cli(['run', 'whatsapp.join', '--var', 'customer_email=priya@example.com', '--var', 'customer_name=Priya Sharma', '--base-url', `${sim.url}/api`], { env: { MAILERLITE_API_KEY: sim.keys.new } });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toBe(`→ simulator at ${sim.url}\n`);
    expect(run.stdout).toContain('You are now subscribed, Priya! You will receive our newsletter at priya@example.com.');
    const paths = sim.journal().map((entry) => `${entry.method} ${entry.path}`);
    expect(paths).toEqual(['GET /api/subscribers/priya@example.com', 'POST /api/subscribers']);
    expect(paths.join('\n')).not.toContain('/api/api/');
  });

  it('classic API, --base-url <sim>/api/v2/: the journal shows /api/v2/subscribers/…', async () => {
    const run = await cli(['run', 'whatsapp.join', '--api', 'classic', '--var', 'customer_email=priya@example.com', '--var', 'customer_name=Priya Sharma', '--base-url', `${sim.url}/api/v2/`, '--json'], { env: { MAILERLITE_API_KEY: sim.keys.classic } });
    expect(run.code, run.stderr).toBe(0);
    const paths = sim.journal().map((entry) => entry.path);
    expect(paths[0]).toBe('/api/v2/subscribers/priya@example.com');
    expect(paths.every((p) => p.startsWith('/api/v2/') && !p.includes('/v2/api/'))).toBe(true);
  });
});

describe('a --base-url that is not on this machine is announced like --target live', () => {
  // 0.0.0.0 is not loopback, yet Linux delivers a connection to it to the simulator on
  // 127.0.0.1: the announcement can be checked against a real server.
  const elsewhere = () => `http://0.0.0.0:${String(sim.port)}/api`;
  const warning = () => `⚠ sending to http://0.0.0.0:${String(sim.port)} (not a simulator on this machine: if it reaches MailerLite, real subscribers will change)\n`;

  it('run: on stderr, before the request, also with --json', async () => {
    const args = ['run', 'mailerlite.subscriber.lookup', '--var', 'customer_email=priya@example.com', '--base-url', elsewhere()];
    const text = await cli(args, { env: { MAILERLITE_API_KEY: sim.keys.new } });
    expect(text.code, text.stderr).toBe(0);
    expect(text.stderr).toBe(warning());
    const json = await cli([...args, '--json'], { env: { MAILERLITE_API_KEY: sim.keys.new } });
    expect(json.stderr).toBe(warning());
    expect((JSON.parse(json.stdout) as StepResult).request?.url).toBe(`http://0.0.0.0:${String(sim.port)}/api/subscribers/priya@example.com`);
  });

  it('run: in red on a terminal', async () => {
    const out = new PassThrough();
    const err = new PassThrough();
    let printed = '';
    err.on('data', (chunk: Buffer) => (printed += chunk.toString()));
    Object.assign(out, { isTTY: true });
    const { main } = await import('../../plugin/harness/cli/main.js');
    const code = await main(['run', 'mailerlite.subscriber.lookup', '--var', 'customer_email=priya@example.com', '--base-url', elsewhere()], {
      stdout: out,
      stderr: err,
      stdin: new PassThrough(),
      env: { MAILERLITE_API_KEY: sim.keys.new, TERM: 'xterm' },
    });
    expect(code).toBe(0);
    expect(printed.split('\n')[0]).toBe(`\u001b[31m${warning().trimEnd()}\u001b[39m`);
  });

  it('a loopback --base-url is not announced as remote', async () => {
    const run = await cli(['run', 'mailerlite.subscriber.lookup', '--var', 'customer_email=priya@example.com', '--base-url', `http://localhost:${String(sim.port)}/api`], { env: { MAILERLITE_API_KEY: sim.keys.new } });
    expect(run.stderr).toBe(`→ simulator at http://localhost:${String(sim.port)}\n`);
  });

  it('serve: on stderr when it starts', async () => {
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    let err = '';
    let out = '';
    stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    const code = await runServe({ port: 0, baseUrl: elsewhere(), env: {} }, { stdout, stderr, stop: Promise.resolve() });
    expect(code).toBe(0);
    expect(err).toBe(warning());
    expect(out).toContain(`sends to: http://0.0.0.0:${String(sim.port)} (not a simulator on this machine`);
    const local = await runServe({ port: 0, baseUrl: `${sim.url}/api`, env: {} }, { stdout: new PassThrough(), stderr, stop: Promise.resolve() });
    expect(local).toBe(0);
    expect(err).toBe(warning());
  });
});
