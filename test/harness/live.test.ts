import { describe, expect, it } from 'vitest';
import { UsageError } from '../../plugin/errors.js';
import { createSession } from '../../plugin/harness/session.js';
import { openTarget, type Target } from '../../plugin/target.js';

/** The live target with its fetch replaced by a recorder: nothing leaves the machine. */
async function recordingLiveTarget(key: string): Promise<{ target: Target; sent: Array<{ url: string; init: RequestInit }> }> {
  const live = await openTarget({ target: 'live', env: { MAILERLITE_API_KEY: key } });
  const sent: Array<{ url: string; init: RequestInit }> = [];
  const target: Target = {
    ...live,
    fetch: async (url, init) => {
      sent.push({ url, init });
      return new Response('{"message":"No query results for model [App\\\\Models\\\\Subscriber\\\\Subscriber]."}', { status: 404, headers: { 'content-type': 'application/json' } });
    },
  };
  return { target, sent };
}

describe('live target (request building only; the real API is not reached from here)', () => {
  it('sends to connect.mailerlite.com with the key from MAILERLITE_API_KEY as a Bearer token', async () => {
    const { target, sent } = await recordingLiveTarget('live-key-123');
    expect(target.kind).toBe('live');
    expect(target.baseUrl).toBeUndefined();
    expect(target.description).toContain('LIVE');
    const session = createSession({ settings: { group_id: '123456789' }, target });
    const result = await session.runTemplate(session.catalog.template('mailerlite.subscriber.lookup')!, { customer_email: 'Priya@Example.com' });
    expect(sent).toHaveLength(1);
    expect(sent[0]!.url).toBe('https://connect.mailerlite.com/api/subscribers/priya@example.com');
    expect(sent[0]!.init.headers).toEqual({ Authorization: 'Bearer live-key-123', Accept: 'application/json' });
    expect(result.request?.headers.Authorization).toBe('Bearer [redacted:api_key]');
    expect(result.outcome).toBe('not_found');
    expect(JSON.stringify(result)).not.toContain('live-key-123');
  });

  it('sends classic templates to api.mailerlite.com/api/v2 with X-MailerLite-ApiKey', async () => {
    const { target, sent } = await recordingLiveTarget('classic-live-key');
    const session = createSession({ settings: { group_id: '3640549' }, target });
    const template = session.catalog.template('mailerlite-classic.group.add-subscriber')!;
    await session.runTemplate(template, { customer_email: 'priya@example.com', customer_name: 'Priya Sharma' });
    expect(sent[0]!.url).toBe('https://api.mailerlite.com/api/v2/groups/3640549/subscribers');
    expect(sent[0]!.init.headers).toMatchObject({ 'X-MailerLite-ApiKey': 'classic-live-key' });
    expect(JSON.parse(String(sent[0]!.init.body))).toEqual({ email: 'priya@example.com', name: 'Priya Sharma', resubscribe: false, type: 'active' });
  });

  it('needs group_id: live never falls back to the simulator defaults', async () => {
    const { target } = await recordingLiveTarget('k-live-1');
    const session = createSession({ settings: {}, target });
    await expect(session.runTemplate(session.catalog.template('mailerlite.subscriber.upsert')!, { customer_email: 'priya@example.com' })).rejects.toThrow(/missing setting: group_id/);
  });

  it('refuses to start without a key, and refuses a --base-url', async () => {
    await expect(openTarget({ target: 'live', env: {} })).rejects.toBeInstanceOf(UsageError);
    await expect(openTarget({ target: 'live', baseUrl: 'http://127.0.0.1:9', env: { MAILERLITE_API_KEY: 'k' } })).rejects.toThrow(/exclude each other/);
  });
});
