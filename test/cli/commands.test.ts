import { execFileSync } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SEED, startSimulator, type Simulator } from '../../plugin/simulator/index.js';
import type { FlowResult } from '../../plugin/flow/result.js';
import type { StepResult } from '../../plugin/step/result.js';
import { cli } from './io.js';

const GUIDE_REPLY = 'You are now subscribed, Priya! You will receive our newsletter at priya@example.com.';
const ESC = '\u001b[';

describe('demo', () => {
  it("plays the guide's story and exits 0", async () => {
    const run = await cli(['demo']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('GET http://127.0.0.1:');
    expect(run.stdout).toMatch(/← 404 Not Found/);
    expect(run.stdout).toMatch(/← 201 Created/);
    expect(run.stdout).toContain('"groups":["123456789"]');
    expect(run.stdout).toContain(`bot: ${GUIDE_REPLY}`);
    expect(run.stdout).toContain('bot: You are already subscribed!');
    expect(run.stdout).toContain('■ end send');
    expect(run.stdout).toContain('■ end unsubscribed');
    expect(run.stdout).toContain('https://landing.mailerlite.com/webforms/landing/a1b2c3');
    expect(run.stdout).toContain('demo: all 5 scenes ended as the guide says');
    expect(run.stdout).not.toContain(ESC);
  });
});

describe('preview', () => {
  it('prints the raw HTTP request with the key redacted', async () => {
    const run = await cli(['preview', 'mailerlite.subscriber.lookup', '--var', 'customer_email= Priya+1@Example.com ']);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      'GET /api/subscribers/priya%2B1@example.com HTTP/1.1\r\nHost: connect.mailerlite.com\r\n' +
        'Authorization: Bearer [redacted:api_key]\r\nAccept: application/json\r\n\r\n\n',
    );
  });

  it('prints the request object as JSON', async () => {
    const run = await cli(['preview', 'mailerlite.subscriber.upsert', '--var', 'customer_email=priya@example.com', '--var', 'customer_name=Priya Sharma', '--set', 'group_id=123456789', '--format', 'json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({
      method: 'POST',
      url: 'https://connect.mailerlite.com/api/subscribers',
      headers: { Authorization: 'Bearer [redacted:api_key]', Accept: 'application/json', 'Content-Type': 'application/json' },
      body: { email: 'priya@example.com', fields: { name: 'Priya Sharma' }, groups: ['123456789'], status: 'active' },
    });
  });

  it('prints a curl command that a shell parses back into the exact values', async () => {
    const name = `O'Neil "Pri" $HOME \`x\` \\ 🎉`;
    const run = await cli(['preview', 'mailerlite.subscriber.upsert', '--var', 'customer_email=priya@example.com', '--var', `customer_name=${name}`, '--set', 'group_id=1', '--format', 'curl']);
    expect(run.code).toBe(0);
    const args = execFileSync('bash', ['-c', `curl() { printf '%s\\0' "$@"; }\n${run.stdout}`], {
      env: { PATH: process.env.PATH, MAILERLITE_API_KEY: 'the-key' },
    })
      .toString('utf8')
      .split('\0');
    expect(args).toContain('Authorization: Bearer the-key');
    const body = args[args.indexOf('--data-raw') + 1] ?? '';
    expect(JSON.parse(body)).toEqual({ email: 'priya@example.com', fields: { name }, groups: ['1'], status: 'active' });
    expect(run.stdout).toContain('$MAILERLITE_API_KEY');
  });

  it('lists missing inputs with their examples, exit 2', async () => {
    const run = await cli(['preview', 'mailerlite.subscriber.upsert']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--var customer_email=priya@example.com');
  });

  it('refuses invalid input without printing a request, exit 2', async () => {
    const run = await cli(['preview', 'mailerlite.subscriber.upsert', '--var', 'customer_email=not-an-email']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('customer_email: not a valid email address');
  });

  it('suggests the nearest ids for a mistyped one, exit 2', async () => {
    const run = await cli(['preview', 'mailerlite.subscriber.lokup']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Did you mean: mailerlite.subscriber.lookup');
  });
});

describe('run against a running simulator', () => {
  let sim: Simulator;
  const keys = { new: 'cli-test-new-key-7d1c', classic: 'cli-test-classic-key-9a2f' };
  beforeAll(async () => {
    sim = await startSimulator({ port: 0, keys });
  });
  afterAll(async () => sim.close());
  const env = () => ({ MAILERLITE_API_KEY: keys.new });

  it('--json prints exactly the StepResult', async () => {
    sim.reset();
    const run = await cli(['run', 'mailerlite.subscriber.lookup', '--var', 'customer_email=nobody@example.com', '--base-url', sim.url, '--json'], { env: env() });
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout) as StepResult;
    expect(result.outcome).toBe('not_found');
    expect(result.response?.status).toBe(404);
    expect(result.request?.url).toBe(`${sim.url}/api/subscribers/nobody@example.com`);
    expect(result.request?.headers.Authorization).toBe('Bearer [redacted:api_key]');
  });

  it('--json prints exactly the FlowResult of a flow', async () => {
    sim.reset();
    const run = await cli(['run', 'whatsapp.join', '--var', 'customer_email=priya@example.com', '--var', 'customer_name=Priya Sharma', '--base-url', sim.url, '--json'], { env: env() });
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout) as FlowResult;
    expect(result.replies).toEqual([GUIDE_REPLY]);
    expect(result.steps.map((s) => s.outcome)).toEqual(['not_found', 'created']);
    expect(result.end).toMatchObject({ result: 'subscribed' });
  });

  it('human output shows request line, status, outputs, outcome and next node', async () => {
    sim.reset();
    const run = await cli(['run', 'whatsapp.join', '--var', 'customer_email=priya@example.com', '--base-url', sim.url], { env: env() });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`GET ${sim.url}/api/subscribers/priya@example.com`);
    expect(run.stdout).toContain('outcome not_found → upsert');
    expect(run.stdout).toContain('outputs subscriber_id="987654321"');
    expect(run.stdout).toContain('bot: You are now subscribed! You will receive our newsletter at priya@example.com.');
  });

  it('exits 1 when a step ends in the fallback outcome (a 502 from MailerLite)', async () => {
    sim.reset();
    sim.inject({ kind: 'error', status: 502, count: 10 });
    const run = await cli(['run', 'mailerlite.subscriber.lookup', '--var', 'customer_email=priya@example.com', '--base-url', sim.url, '--json'], { env: env() });
    sim.clearFaults();
    expect(run.code).toBe(1);
    const result = JSON.parse(run.stdout) as StepResult;
    expect(result.outcome).toBe('error');
    expect(result.response?.status).toBe(502);
    expect(result.attempts).toBe(3);
  });

  it('a flow that could not read an answer ends at its failure end, exit 1, and writes nothing (setup after a cut-off 200)', async () => {
    sim.reset();
    const groups = sim.state.count('new').groups;
    sim.inject({ kind: 'truncate', method: 'GET', path: '/api/groups', count: 1 });
    const run = await cli(['run', 'setup.optin-group', '--base-url', sim.url, '--json'], { env: env() });
    sim.clearFaults();
    expect(run.code).toBe(1);
    const result = JSON.parse(run.stdout) as FlowResult;
    expect(result.end).toEqual({ node: 'failed', result: 'failed', reason: 'could not find or create the group', failure: true });
    expect(sim.journal().map((entry) => entry.method)).toEqual(['GET']);
    expect(sim.state.count('new').groups).toBe(groups);
  });

  it('STOP after a cut-off lookup ends at the error end, exit 1, with nothing on stdout but the FlowResult', async () => {
    sim.seed({ scenario: 'priya-subscribed' });
    sim.inject({ kind: 'truncate', method: 'GET', path: '/api/subscribers/*', count: 1 });
    const run = await cli(['run', 'whatsapp.stop', '--var', 'customer_email=priya@example.com', '--base-url', sim.url, '--json'], { env: env() });
    sim.clearFaults();
    const journal = sim.journal();
    sim.seed(DEFAULT_SEED);
    expect(run.code).toBe(1);
    const result = JSON.parse(run.stdout) as FlowResult;
    expect(result.end).toMatchObject({ node: 'end_error', failure: true });
    expect(journal.map((entry) => entry.method)).toEqual(['GET']);
  });

  it('an API outcome such as auth_error is not a failure of the command', async () => {
    const run = await cli(['run', 'mailerlite.subscriber.lookup', '--var', 'customer_email=priya@example.com', '--base-url', sim.url, '--json'], { env: { MAILERLITE_API_KEY: keys.classic } });
    expect(run.code).toBe(0);
    expect((JSON.parse(run.stdout) as StepResult).outcome).toBe('auth_error');
  });

  it("a refused key (401) says what the guide's troubleshooting table says: wrong key or the other version's key", async () => {
    const run = await cli(['run', 'mailerlite.subscriber.lookup', '--var', 'customer_email=priya@example.com', '--base-url', sim.url], { env: { MAILERLITE_API_KEY: keys.classic } });
    expect(run.code).toBe(0);
    const hint = run.stdout.split('\n').find((line) => line.trim().startsWith('hint'));
    expect(hint).toContain('a wrong key, or a key of the other MailerLite version');
    expect(hint).toContain('api_version classic');
    const flow = await cli(['run', 'whatsapp.join', '--var', 'customer_email=priya@example.com', '--base-url', sim.url, '--json'], { env: { MAILERLITE_API_KEY: keys.classic } });
    expect(flow.code).toBe(1);
    expect((JSON.parse(flow.stdout) as FlowResult).end).toMatchObject({ node: 'end_key_refused', failure: true });
  });

  it('chat reads lines and answers as the flows would', async () => {
    sim.reset();
    const run = await cli(['chat', '--base-url', sim.url], { env: env(), stdin: 'JOIN\nPriya@Example.com\nPriya Sharma\nJOIN\nSTOP\n' });
    expect(run.code).toBe(0);
    expect(run.stdout.trim().split('\n')).toEqual([
      'bot: What email address should we send the newsletter to?',
      "bot: And what's your name?",
      `bot: ${GUIDE_REPLY}`,
      'bot: You are already subscribed!',
      'bot: You have been unsubscribed from our newsletter. Send JOIN any time to come back.',
    ]);
    expect(run.stderr).toContain(`POST ${sim.url}/api/subscribers ← 201 created → check_name`);
  });

  it('never prints the key, whatever the command and format', async () => {
    sim.reset();
    const csv = path.join(await mkdtemp(path.join(tmpdir(), 'optins-')), 'optins.csv');
    await writeFile(csv, 'email,name\npriya@example.com,Priya Sharma\nnot-an-email,X\n');
    const runs = [
      await cli(['run', 'whatsapp.join', '--var', 'customer_email=priya@example.com', '--base-url', sim.url], { env: env() }),
      await cli(['run', 'whatsapp.join', '--var', 'customer_email=priya@example.com', '--base-url', sim.url, '--json'], { env: env() }),
      await cli(['run', 'mailerlite.subscriber.upsert', '--var', 'customer_email=a@example.com', '--base-url', sim.url, '--json'], { env: env() }),
      await cli(['chat', '--base-url', sim.url], { env: env(), stdin: 'JOIN\npriya@example.com\n\nSTOP\n' }),
      ...(await Promise.all(['http', 'curl', 'json'].map((format) => cli(['preview', 'mailerlite.subscriber.lookup', '--var', 'customer_email=p@example.com', '--format', format], { env: env() })))),
      await cli(['list'], { env: env() }),
      await cli(['validate'], { env: env() }),
      await cli(['export', 'whatsapp.join', '--for', 'external-api-request', '--out', await mkdtemp(path.join(tmpdir(), 'export-'))], { env: env() }),
      await cli(['pack', '--out', await mkdtemp(path.join(tmpdir(), 'pack-'))], { env: env() }),
      await cli(['sync', csv, '--group', '123456789', '--base-url', sim.url, '--journal', path.join(await mkdtemp(path.join(tmpdir(), 'journal-')), 'j.jsonl')], { env: env() }),
      await cli(['run', 'mailerlite.subscriber.lookup', '--target', 'live', '--base-url', sim.url], { env: env() }),
    ];
    // Every command really ran (the last one is refused: live with --base-url).
    expect(runs.map((run) => run.code)).toEqual([...Array(runs.length - 1).fill(0), 2]);
    for (const run of runs) {
      expect(run.stdout + run.stderr).not.toContain(keys.new);
      expect(run.stdout + run.stderr).not.toContain(keys.classic);
    }
  });
});

describe('usage errors exit 2', () => {
  it('live without a key says what to set', async () => {
    const run = await cli(['run', 'mailerlite.subscriber.lookup', '--var', 'customer_email=p@example.com', '--target', 'live']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('MAILERLITE_API_KEY');
  });

  it('an unknown option', async () => {
    const run = await cli(['run', 'whatsapp.join', '--nope']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("unknown option '--nope'");
  });

  it('a bad --var', async () => {
    const run = await cli(['preview', 'mailerlite.subscriber.lookup', '--var', 'customer_email']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('expected name=value');
  });
});

describe('help and listing', () => {
  it.each(['demo', 'preview', 'run', 'chat', 'list', 'validate', 'sim', 'serve', 'sync', 'pack', 'export'])('%s --help shows an example', async (command) => {
    const run = await cli([command, '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Example:');
    expect(run.stdout).toContain(`mailerlite-steps ${command}`);
  });

  it('list shows every template and flow with inputs', async () => {
    const run = await cli(['list']);
    expect(run.code).toBe(0);
    for (const id of ['mailerlite.groups.list', 'mailerlite.subscriber.lookup', 'mailerlite.subscriber.upsert', 'mailerlite-classic.group.add-subscriber', 'whatsapp.join', 'campaign.precheck']) {
      expect(run.stdout).toContain(id);
    }
    expect(run.stdout).toContain('inputs: customer_email (email), customer_name?, customer_phone? (phone)');
  });

  it('validate passes on the shipped tree', async () => {
    const run = await cli(['validate']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('no problems');
  });
});
