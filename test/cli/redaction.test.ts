import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { FlowResult } from '../../plugin/flow/result.js';
import type { StepResult } from '../../plugin/step/result.js';
import { startEchoServer, type EchoServer } from '../harness/echo-server.js';
import { cli } from './io.js';

/** The key MailerLite would never echo, but a misbehaving server (or a proxy) might. */
const KEY = 'echoed-key-3b9e71c2d4';
const env = { MAILERLITE_API_KEY: KEY };
const MARKER = '[redacted:api_key]';

let echo: EchoServer;
beforeAll(async () => {
  echo = await startEchoServer();
});
afterAll(async () => echo.close());
beforeEach(() => {
  echo.received.length = 0;
});

describe('a server that echoes the key does not get it printed', () => {
  it('run --json: body and header redacted, the result still JSON', async () => {
    const run = await cli(['run', 'mailerlite.subscriber.lookup', '--var', 'customer_email=priya@example.com', '--base-url', echo.url, '--set', 'group_id=123456789', '--json'], { env });
    expect(echo.received).toEqual([`Bearer ${KEY}`]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout + run.stderr).not.toContain(KEY);
    const result = JSON.parse(run.stdout) as StepResult;
    expect(result.response?.body).toMatchObject({ data: { echo: `Bearer ${MARKER}` } });
    expect(result.response?.headers['x-echo']).toBe(`Bearer ${MARKER}`);
  });

  it('run, text output', async () => {
    const run = await cli(['run', 'mailerlite.subscriber.lookup', '--var', 'customer_email=priya@example.com', '--base-url', echo.url, '--set', 'group_id=123456789'], { env });
    expect(echo.received).toHaveLength(1);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(`"echo":"Bearer ${MARKER}"`);
    expect(run.stdout + run.stderr).not.toContain(KEY);
  });

  it('run of a flow, text and --json, and for the classic header', async () => {
    const flow = await cli(['run', 'JOIN', '--var', 'customer_email=priya@example.com', '--base-url', echo.url, '--set', 'group_id=123456789', '--json'], { env });
    expect(flow.code, flow.stderr).toBe(0);
    const result = JSON.parse(flow.stdout) as FlowResult;
    expect(result.steps.length).toBeGreaterThan(0);
    const classic = await cli(['run', 'whatsapp.join', '--api', 'classic', '--var', 'customer_email=priya@example.com', '--base-url', echo.url, '--set', 'group_id=3640549'], { env });
    expect(echo.received).toContain(KEY);
    for (const run of [flow, classic]) expect(run.stdout + run.stderr).not.toContain(KEY);
    expect(flow.stdout).toContain(MARKER);
  });

  it('chat: a refusal whose message quotes the key reaches the reply redacted', async () => {
    const refusing = await startEchoServer((credential, request) =>
      request.method === 'GET'
        ? { status: 404, body: { message: 'No query results for model [App\\Models\\Subscriber\\Subscriber].' } }
        : { status: 422, body: { message: `The request was refused for ${credential}`, errors: { email: [credential] } } },
    );
    try {
      const run = await cli(['chat', '--base-url', refusing.url, '--set', 'group_id=123456789'], { env, stdin: 'JOIN\npriya@example.com\nPriya Sharma\n' });
      expect(refusing.received).toEqual([`Bearer ${KEY}`, `Bearer ${KEY}`]);
      expect(run.stdout).toContain(`MailerLite said: The request was refused for Bearer ${MARKER}`);
      expect(run.stdout + run.stderr).not.toContain(KEY);
    } finally {
      await refusing.close();
    }
  });
});
