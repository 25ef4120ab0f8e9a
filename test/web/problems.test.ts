import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiErrorBody } from '../../plugin/harness/web/index.js';
import { holdsSecret } from '../../plugin/harness/web/guard.js';
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

describe('an answer that would carry the key is withheld', () => {
  it('replaces the result of a template that renders the key into its body', async () => {
    const { status, body, text } = await h.post<ApiErrorBody>('/api/run', { id: 'test.leaky', vars: PRIYA });
    expect(status).toBe(500);
    expect(body.error.message).toBe('the answer was withheld because it held the API key');
    for (const key of SIM_KEYS) expect(text).not.toContain(key);
  });

  it('holdsSecret finds a key whole or JSON-escaped, and ignores redacted markers', () => {
    expect(holdsSecret('{"a":"Bearer sim-new-0000-key"}', ['sim-new-0000-key'])).toBe(true);
    expect(holdsSecret(JSON.stringify({ a: 'k"ey\\1' }), ['k"ey\\1'])).toBe(true);
    expect(holdsSecret('{"Authorization":"Bearer [redacted:api_key]"}', ['sim-new-0000-key'])).toBe(false);
  });
});
