import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ApiErrorBody, CatalogView, ChatAnswer, FindAnswer, PreviewView, TargetView } from '../../plugin/harness/web/index.js';
import { chatRooms } from '../../plugin/harness/web/chat.js';
import { createSession } from '../../plugin/harness/session.js';
import type { Target } from '../../plugin/target.js';
import type { StepResult } from '../../plugin/step/result.js';
import { PRIYA, SIM_KEYS, startHarness, type TestHarness } from './support.js';

const ASK_EMAIL = 'What email address should we send the newsletter to?';
const GUIDE_REPLY = 'You are now subscribed, Priya! You will receive our newsletter at priya@example.com.';

let h: TestHarness;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});
beforeEach(async () => {
  await h.post('/api/sim/reset', {});
});

const replies = (answer: ChatAnswer): string[] => answer.events.flatMap((e) => (e.type === 'reply' ? [e.text] : []));

/** A conversation through POST /api/chat, as the page holds it. */
function talk(start: Record<string, unknown> = {}) {
  let id: string | undefined;
  return async (message: string): Promise<ChatAnswer> => {
    const answer = await h.post<ChatAnswer>('/api/chat', { ...start, message, ...(id ? { conversation: id } : {}) });
    expect(answer.status, answer.text).toBe(200);
    id = answer.body.conversation;
    return answer.body;
  };
}

describe('POST /api/chat', () => {
  it('JOIN, a bad email, STOP mid-question, an email, JOIN again and a name: one message at a time', async () => {
    const say = talk();
    const join = await say('JOIN');
    expect(join.started).toBe(true);
    expect(join.conversation).toMatch(/^[0-9a-f-]{36}$/);
    expect(join.api).toBe('new');
    expect(join.events[0]).toEqual({ type: 'start', flow: 'whatsapp.join', api: 'new', trigger: 'JOIN' });
    expect(replies(join)).toEqual([ASK_EMAIL]);
    expect(join.state).toEqual({ flow: 'whatsapp.join', waiting_for: 'customer_email', format: 'email', variables: {} });

    const bad = await say('priya@');
    expect(bad.started).toBe(false);
    expect(replies(bad)).toEqual([`That doesn't look like an email address (for example priya@example.com). ${ASK_EMAIL}`]);

    const stop = await say('stop');
    expect(stop.events.map((e) => e.type)).toEqual(['left', 'start', 'reply']);
    expect(stop.state).toMatchObject({ flow: 'whatsapp.stop', waiting_for: 'customer_email' });
    expect(replies(await say('priya@example.com'))).toEqual(["You weren't subscribed to our newsletter, so there is nothing to stop."]);

    expect(replies(await say('JOIN'))).toEqual(["And what's your name?"]);
    const done = await say('Priya Sharma');
    expect(replies(done)).toEqual([GUIDE_REPLY]);
    const steps = done.events.flatMap((e) => (e.type === 'step' ? [e.step] : [])) as StepResult[];
    expect(steps.map((s) => `${s.request?.method} ${s.response?.status} ${s.outcome}`)).toEqual(['GET 404 not_found', 'POST 201 created']);
    expect(steps[1]?.request?.headers.Authorization).toBe('Bearer [redacted:api_key]');
    expect(done.state).toEqual({ variables: { customer_email: 'priya@example.com', customer_name: 'Priya Sharma' } });
    expect(h.target.simulator?.journal().map((e) => `${e.method} ${e.path}`)).toEqual([
      'GET /api/subscribers/priya@example.com',
      'GET /api/subscribers/priya@example.com',
      'POST /api/subscribers',
    ]);
  });

  it('keeps conversations apart', async () => {
    const one = talk();
    const two = talk();
    await one('JOIN');
    await one('priya@example.com');
    expect(replies(await two('JOIN'))).toEqual([ASK_EMAIL]);
    expect(replies(await one('Priya Sharma'))).toEqual([GUIDE_REPLY]);
  });

  it('starts a new conversation for an id it does not hold, and says so', async () => {
    const answer = await h.post<ChatAnswer>('/api/chat', { conversation: 'gone', message: 'JOIN' });
    expect(answer.body.started).toBe(true);
    expect(answer.body.conversation).not.toBe('gone');
  });

  it('runs the classic flows for api "classic" or the api_version setting', async () => {
    for (const start of [{ api: 'classic' }, { settings: { api_version: 'classic' } }]) {
      await h.post('/api/sim/reset', {});
      const say = talk(start);
      await say('JOIN');
      await say('priya@example.com');
      const done = await say('Priya Sharma');
      expect(done.api).toBe('classic');
      expect(replies(done)).toEqual([GUIDE_REPLY]);
      expect(done.events.some((e) => e.type === 'step' && e.step.request?.url.includes('/api/v2/subscribers'))).toBe(true);
    }
  });

  it("takes the page's settings: an opt-in form URL reaches the reply", async () => {
    expect((await h.post('/api/sim/seed', { scenario: 'unsubscribed-contact' })).status).toBe(200);
    const say = talk({ settings: { optin_form_url: 'https://example.com/come-back', group_id: '' } });
    await say('JOIN');
    await say('priya@example.com');
    const done = await say('Priya');
    expect(replies(done).join(' ')).toContain('https://example.com/come-back');
  });

  it('refuses a misspelt or invalid setting before the first message is played (400 settings)', async () => {
    const typo = await h.post<ApiErrorBody>('/api/chat', { message: 'JOIN', settings: { groupid: '42' } });
    expect(typo.status).toBe(400);
    expect(typo.body.error).toEqual({ kind: 'settings', message: expect.stringContaining('unknown setting "groupid" (did you mean "group_id"?)') });
    const invalid = await h.post<ApiErrorBody>('/api/chat', { message: 'JOIN', settings: { group_id: 'WhatsApp' } });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.message).toMatch(/^invalid settings: group_id: not an id of digits/);
  });

  it('names what is wrong with a body', async () => {
    const answer = await h.post<ApiErrorBody>('/api/chat', { text: 'JOIN', api: 'old' });
    expect(answer.status).toBe(400);
    expect(answer.body.error.message).toContain('/message: expected');
    expect(answer.body.error.message).toContain('/api: expected "new" or "classic"');
  });

  it('changes nothing unless the page itself asks (JSON and its own Origin)', async () => {
    expect((await h.post('/api/chat', { message: 'JOIN' }, { origin: null })).status).toBe(403);
    expect((await h.post('/api/chat', { message: 'JOIN' }, { origin: 'http://evil.example' })).status).toBe(403);
    expect((await h.post('/api/chat', {}, { contentType: 'text/plain', raw: '{"message":"JOIN"}' })).status).toBe(415);
  });

  it('never answers with a key', async () => {
    const say = talk();
    for (const message of ['JOIN', 'priya@example.com', 'Priya Sharma', 'UNSUBSCRIBE']) await say(message);
    for (const body of h.bodies) for (const key of SIM_KEYS) expect(body).not.toContain(key);
  });
});

describe('the conversations a harness keeps', () => {
  it('drops the one unused the longest beyond the limit', async () => {
    const session = createSession({ settings: {}, target: h.target });
    const rooms = chatRooms(2);
    const first = await rooms.send({ message: 'JOIN' }, () => session);
    const second = await rooms.send({ message: 'JOIN' }, () => session);
    await rooms.send({ conversation: first.conversation, message: 'priya@example.com' }, () => session);
    await rooms.send({ message: 'hello' }, () => session);
    expect(rooms.size).toBe(2);
    expect((await rooms.send({ conversation: second.conversation, message: 'x' }, () => session)).started).toBe(true);
    expect((await rooms.send({ conversation: first.conversation, message: 'Priya' }, () => session)).started).toBe(true);
    await rooms.close();
    expect(rooms.size).toBe(0);
  });
});

describe("the page's settings on preview and run", () => {
  it('a group id from the settings panel is the one the upsert sends; blank texts are unset', async () => {
    const shown = await h.post<Extract<PreviewView, { curl: string }>>('/api/preview', {
      id: 'mailerlite.subscriber.upsert',
      vars: PRIYA,
      settings: { group_id: '987', optin_form_url: ' ' },
    });
    expect(shown.body.request?.body).toMatchObject({ groups: ['987'] });
    const plain = await h.post<Extract<PreviewView, { curl: string }>>('/api/preview', { id: 'mailerlite.subscriber.upsert', vars: PRIYA });
    expect(plain.body.request?.body).toMatchObject({ groups: ['123456789'] });
    const typo = await h.post<ApiErrorBody>('/api/run', { id: 'mailerlite.subscriber.upsert', vars: PRIYA, settings: { group: '1' } });
    expect(typo.status).toBe(400);
    expect(typo.body.error.kind).toBe('settings');
  });

  it('GET /api/target gives the defaults the panel shows, per API version', async () => {
    const { body } = await h.get<TargetView>('/api/target');
    expect(body.defaults.new).toMatchObject({ api_version: 'new', group_id: '123456789' });
    expect(body.defaults.classic).toMatchObject({ group_id: '3640549' });
    expect(body.key).toBeUndefined();
  });

  it('the catalog holds the setting declarations and the flows’ aliases', async () => {
    const { body } = await h.get<CatalogView>('/api/catalog');
    expect(Object.keys(body.settings)).toEqual(['api_version', 'group_id', 'optin_form_url', 'group_name']);
    expect(body.flows.find((f) => f.id === 'whatsapp.stop')?.aliases).toEqual(['STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT', 'OPTOUT']);
  });
});

describe('GET /api/find', () => {
  it('finds an id, or names the nearest ones', async () => {
    const typo = await h.get<FindAnswer>('/api/find?kind=template&id=mailerlite.subscriber.lokup');
    expect(typo.body.found).toBeNull();
    expect(typo.body.nearest[0]).toEqual({ kind: 'template', id: 'mailerlite.subscriber.lookup', api: 'new', name: expect.any(String) });
    const flow = await h.get<FindAnswer>('/api/find?kind=flow&api=classic&id=whatsapp.jion');
    expect(flow.body.nearest[0]).toEqual({ kind: 'flow', id: 'whatsapp.join', api: 'classic', name: expect.any(String) });
    expect(flow.body.nearest.every((item) => item.kind === 'flow' && item.api === 'classic')).toBe(true);
    const found = await h.get<FindAnswer>('/api/find?kind=flow&api=new&id=whatsapp.stop');
    expect(found.body.found).toMatchObject({ id: 'whatsapp.stop', api: 'new' });
    expect((await h.get<FindAnswer>('/api/find?kind=template&id=zzzzzzzzzzzzzzzzzzzzzzzzzzzzz')).body.nearest).toEqual([]);
    expect((await h.get<ApiErrorBody>('/api/find')).status).toBe(400);
  });
});

describe('POST /api/key', () => {
  it('is for live MailerLite only', async () => {
    const answer = await h.post<ApiErrorBody>('/api/key', { api_key: 'some-long-key-1234' });
    expect(answer.status).toBe(400);
    expect(answer.body.error.message).toMatch(/^an API key is given only for live MailerLite/);
  });

  it('live: the key typed in the page is the one sent, held by the server, never answered back', async () => {
    const ENV_KEY = 'env-live-key-0123456789';
    const PAGE_KEY = 'page-live-key-9876543210';
    const sent: string[] = [];
    const live: Target = {
      kind: 'live',
      description: 'LIVE MailerLite (test double)',
      baseUrl: undefined,
      simulator: undefined,
      secrets: () => ({ api_key: ENV_KEY }),
      close: async () => {},
      // MailerLite as a test double: it echoes the credential it got.
      fetch: async (_url, init) => {
        const auth = new Headers(init.headers).get('authorization') ?? '';
        sent.push(auth);
        return new Response(JSON.stringify({ message: `No subscriber for ${auth}` }), { status: 404, headers: { 'content-type': 'application/json' } });
      },
    };
    const page = await startHarness({ target: live, settings: { group_id: '123456789' } });
    try {
      expect((await page.get<TargetView>('/api/target')).body.key).toBe('environment');
      expect((await page.post<ApiErrorBody>('/api/key', { api_key: 'short' })).status).toBe(400);
      const set = await page.post<{ ok: boolean; key: string }>('/api/key', { api_key: ` ${PAGE_KEY} ` });
      expect(set.body).toEqual({ ok: true, key: 'page' });
      expect((await page.get<TargetView>('/api/target')).body.key).toBe('page');
      const run = await page.post<StepResult>('/api/run', { id: 'mailerlite.subscriber.lookup', vars: { customer_email: 'priya@example.com' } });
      expect(sent).toEqual([`Bearer ${PAGE_KEY}`]);
      expect(run.text).toContain('No subscriber for Bearer [redacted:api_key]');
      const back = await page.post<{ key: string }>('/api/key', { api_key: '' });
      expect(back.body.key).toBe('environment');
      await page.post('/api/run', { id: 'mailerlite.subscriber.lookup', vars: { customer_email: 'priya@example.com' } });
      expect(sent.at(-1)).toBe(`Bearer ${ENV_KEY}`);
      for (const body of page.bodies) {
        expect(body).not.toContain(PAGE_KEY);
        expect(body).not.toContain(ENV_KEY);
      }
    } finally {
      await page.close();
    }
  });
});
