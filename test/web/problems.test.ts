import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiErrorBody } from '../../plugin/harness/web/index.js';
import { holdsSecret, redactSecrets } from '../../plugin/redact.js';
import type { StepResult } from '../../plugin/step/result.js';
import { openTarget } from '../../plugin/target.js';
import { startEchoServer } from '../harness/echo-server.js';
import { brokenCatalog } from './broken-catalog.js';
import { PRIYA, SIM_KEYS, startHarness, type TestHarness } from './support.js';

let h: TestHarness;
beforeAll(async () => {
  h = await startHarness({ catalog: brokenCatalog() });
});
afterAll(async () => {
  await h.close();
});

describe('a template problem is a clear 500, not a stack trace', () => {
  it.each(['/api/preview', '/api/run'])('%s', async (path) => {
    const { status, body, text } = await h.post<ApiErrorBody>(path, { id: 'test.unclosed', vars: PRIYA });
    expect(status).toBe(500);
    expect(body.error.kind).toBe('template');
    expect(body.error.message).toMatch(/^in test\.unclosed: unclosed "<<" at character \d+: add ">>"/);
    expect(body.error.message).toContain('run `mailerlite-steps validate`');
    expect(text).not.toMatch(/\n\s+at /);
  });
});

describe('an answer that would carry the key has it redacted', () => {
  it('redacts the key a template renders into its body, and keeps the rest of the result', async () => {
    const { status, body, text } = await h.post<StepResult>('/api/run', { id: 'test.leaky', vars: PRIYA });
    expect(status).toBe(200);
    expect(body.template).toBe('test.leaky');
    expect(text).toContain('[redacted:api_key]');
    for (const key of SIM_KEYS) expect(text).not.toContain(key);
  });

  it('redacts the key a server echoes in its body and in a header', async () => {
    const echo = await startEchoServer();
    const key = 'echo-web-key-5f0c1d';
    const web = await startHarness({ target: await openTarget({ baseUrl: echo.url, env: { MAILERLITE_API_KEY: key } }), settings: { group_id: '123456789' } });
    try {
      const { status, body, text } = await web.post<StepResult>('/api/run', { id: 'mailerlite.subscriber.lookup', vars: PRIYA });
      expect(echo.received).toEqual([`Bearer ${key}`]);
      expect(status).toBe(200);
      expect(body.response?.headers['x-echo']).toBe('Bearer [redacted:api_key]');
      expect(body.response?.body).toMatchObject({ data: { echo: 'Bearer [redacted:api_key]' } });
      expect(text).not.toContain(key);
    } finally {
      await web.close();
      await echo.close();
    }
  });
});

describe('redactSecrets and holdsSecret', () => {
  const secrets = [{ name: 'api_key', value: 'sim-new-0000-key' }];
  it('find a key as is, JSON-escaped or URL-encoded, and ignore redacted markers', () => {
    expect(holdsSecret('{"a":"Bearer sim-new-0000-key"}', secrets)).toBe(true);
    expect(holdsSecret(JSON.stringify({ a: 'k"ey\\1' }), [{ name: 'api_key', value: 'k"ey\\1' }])).toBe(true);
    expect(holdsSecret('/echo?key=a%2Fb%3Dc', [{ name: 'api_key', value: 'a/b=c' }])).toBe(true);
    expect(holdsSecret('{"Authorization":"Bearer [redacted:api_key]"}', secrets)).toBe(false);
  });

  it('replace each occurrence with the marker and keep JSON parseable', () => {
    const quoted = { name: 'api_key', value: 'k"ey\\1' };
    const text = JSON.stringify({ a: `Bearer ${quoted.value}`, b: [quoted.value] });
    expect(JSON.parse(redactSecrets(text, [quoted]))).toEqual({ a: 'Bearer [redacted:api_key]', b: ['[redacted:api_key]'] });
    expect(redactSecrets('sim-new-0000-key and sim-new-0000-key', secrets)).toBe('[redacted:api_key] and [redacted:api_key]');
  });

  it('leave values too short to be keys alone', () => {
    expect(redactSecrets('a b c', [{ name: 'api_key', value: 'a' }])).toBe('a b c');
  });
});
