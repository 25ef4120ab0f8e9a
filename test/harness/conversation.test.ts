import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadCatalog, type Catalog } from '../../plugin/catalog.js';
import { DeclarationError } from '../../plugin/errors.js';
import type { Flow } from '../../plugin/generated/flow.js';
import { createConversation, type ConversationEvent, type Turn } from '../../plugin/harness/conversation.js';
import { checkAnswer, findTrigger, startHint } from '../../plugin/harness/conversation-words.js';
import { createSession, type Session } from '../../plugin/harness/session.js';
import { openTarget, type Target } from '../../plugin/target.js';

const ASK_EMAIL = 'What email address should we send the newsletter to?';
const ASK_NAME = "And what's your name?";
const HINT = "That doesn't look like an email address (for example priya@example.com).";
const RESTART = "Sorry, that still isn't right, so let's stop here. Send JOIN to start again.";
const GUIDE_REPLY = 'You are now subscribed, Priya! You will receive our newsletter at priya@example.com.';

/** A test flow whose ask node waits mid-run, validating a phone; trigger HELLO or HI. */
const ASKING: Flow = {
  id: 'test.asking',
  name: 'Asks mid-run',
  description: 'An ask node after a reply.',
  api: 'new',
  trigger: { keyword: 'HELLO', aliases: ['HI'] },
  variables: { customer_phone: { type: 'string', format: 'phone', description: 'The number.', example: '+919820000001' } },
  start: 'greet',
  nodes: {
    greet: { type: 'reply', text: 'Hello!', next: 'ask' },
    ask: { type: 'ask', variable: 'customer_phone', text: 'Your WhatsApp number?', validate: 'phone', invalid_text: 'Please send it with +.', next: 'done' },
    done: { type: 'reply', text: 'Got <<customer_phone>>.', next: 'end' },
    end: { type: 'end', result: 'done' },
  },
};

/** A flow whose ask node validates an answer the variable declares no format for: the runner rejects it. */
const STRICT: Flow = {
  ...ASKING,
  id: 'test.strict',
  trigger: { keyword: 'CODE' },
  variables: {},
  start: 'ask',
  nodes: {
    ask: { type: 'ask', variable: 'contact_email', text: 'Your email?', validate: 'email', invalid_text: 'An email, please.', next: 'end' },
    end: { type: 'end', result: 'done' },
  },
};

/** A flow that routes to a node that does not exist: a broken declaration. */
const BROKEN: Flow = { ...ASKING, id: 'test.broken', trigger: { keyword: 'BROKEN' }, start: 'nowhere' };

let target: Target;
let session: Session;

beforeAll(async () => {
  target = await openTarget({ target: 'sim' });
  const catalog = loadCatalog();
  const withTests: Catalog = { ...catalog, flows: [...catalog.flows, ASKING, STRICT, BROKEN] };
  session = createSession({ catalog: withTests, settings: {}, target });
});
afterAll(async () => {
  await target.close();
});
beforeEach(() => {
  target.simulator?.reset();
});

const replies = (turn: Turn): string[] => turn.events.flatMap((e) => (e.type === 'reply' ? [e.text] : []));
const kinds = (turn: Turn): string[] => turn.events.map((e) => e.type);

describe('trigger words', () => {
  const flows = loadCatalog().flows.filter((f) => f.api === 'new');

  it('match the whole message, trimmed, in any case, keyword or alias, as the flows declare them', () => {
    expect(findTrigger(flows, 'join')?.id).toBe('whatsapp.join');
    expect(findTrigger(flows, '  OptOut \n')?.id).toBe('whatsapp.stop');
    for (const alias of flows.find((f) => f.id === 'whatsapp.stop')?.trigger.aliases ?? []) expect(findTrigger(flows, alias.toLowerCase())?.id).toBe('whatsapp.stop');
    expect(findTrigger(flows, 'stop please')).toBeUndefined();
    expect(findTrigger(flows, '')).toBeUndefined();
    expect(findTrigger([ASKING], 'hi')?.id).toBe('test.asking');
  });

  it('the start hint lists the keywords of the flows', () => {
    expect(startHint(flows)).toBe('Send JOIN, STOP, PRECHECK or SETUP to start.');
    expect(startHint([ASKING])).toBe('Send HELLO to start.');
  });
});

describe('checkAnswer', () => {
  const email = { type: 'string' as const, format: 'email' as const, description: 'Email', example: 'priya@example.com' };
  it('normalises a good answer, refuses a blank one, and hints at the format of a bad one', () => {
    expect(checkAnswer(' Priya@Example.com ', email)).toEqual({ ok: true, value: 'priya@example.com' });
    expect(checkAnswer('  ', email)).toEqual({ ok: false, blank: true });
    expect(checkAnswer('priya@', email)).toEqual({ ok: false, blank: false, hint: HINT });
    expect(checkAnswer('98200', { type: 'string', format: 'phone', description: 'Phone' })).toMatchObject({ hint: "That doesn't look like a phone number with its country code (for example +919820000001)." });
    expect(checkAnswer('anything at all', undefined)).toEqual({ ok: true, value: 'anything at all' });
  });
});

describe('a conversation', () => {
  it("JOIN asks for the email and the name, then runs the flow to the guide's reply", async () => {
    const chat = createConversation(session);
    const first = await chat.send('JOIN');
    expect(first.events[0]).toEqual({ type: 'start', flow: 'whatsapp.join', api: 'new', trigger: 'JOIN' });
    expect(replies(first)).toEqual([ASK_EMAIL]);
    expect(first.state).toEqual({ flow: 'whatsapp.join', waiting_for: 'customer_email', format: 'email', variables: {} });
    expect(replies(await chat.send('Priya@Example.com'))).toEqual([ASK_NAME]);
    const last = await chat.send('Priya Sharma');
    expect(replies(last)).toEqual([GUIDE_REPLY]);
    const steps = last.events.flatMap((e) => (e.type === 'step' ? [`${e.node} ${e.step.response?.status} ${e.step.outcome}`] : []));
    expect(steps).toEqual(['lookup 404 not_found', 'upsert 201 created']);
    expect(last.events.at(-1)).toEqual({ type: 'end', flow: 'whatsapp.join', result: 'subscribed', reason: 'added to the group' });
    expect(last.state).toEqual({ variables: { customer_email: 'priya@example.com', customer_name: 'Priya Sharma' } });
  });

  it('asks a blank answer again, without counting it as an answer', async () => {
    const chat = createConversation(session);
    await chat.send('JOIN');
    const blank = await chat.send('   ');
    expect(kinds(blank)).toEqual(['reply']);
    expect(replies(blank)).toEqual([ASK_EMAIL]);
    expect(blank.state.waiting_for).toBe('customer_email');
  });

  it('catches a bad email when it is given, before the next question', async () => {
    const chat = createConversation(session);
    await chat.send('JOIN');
    const bad = await chat.send('priya@');
    expect(replies(bad)).toEqual([`${HINT} ${ASK_EMAIL}`]);
    expect(bad.state.waiting_for).toBe('customer_email');
    expect(target.simulator?.journal()).toEqual([]);
  });

  it('STOP while the bot waits for an email is an opt-out, not an email', async () => {
    const chat = createConversation(session);
    await chat.send('JOIN');
    const stop = await chat.send('STOP');
    expect(stop.events.slice(0, 2)).toEqual([
      { type: 'left', flow: 'whatsapp.join', waiting_for: 'customer_email', why: 'trigger' },
      { type: 'start', flow: 'whatsapp.stop', api: 'new', trigger: 'STOP' },
    ]);
    expect(replies(stop)).toEqual(['Which email address should we unsubscribe?']);
    expect(stop.state).toMatchObject({ flow: 'whatsapp.stop', waiting_for: 'customer_email' });
    const done = await chat.send('priya@example.com');
    expect(replies(done)).toEqual(["You weren't subscribed to our newsletter, so there is nothing to stop."]);
    expect(done.events.at(-1)).toMatchObject({ type: 'end', flow: 'whatsapp.stop', result: 'not_subscribed' });
  });

  it('after three bad answers says how to start again and forgets the flow', async () => {
    const chat = createConversation(session);
    await chat.send('JOIN');
    await chat.send('a');
    await chat.send('');
    const third = await chat.send('b@');
    expect(replies(third)).toEqual([RESTART]);
    expect(third.events.at(-1)).toEqual({ type: 'left', flow: 'whatsapp.join', waiting_for: 'customer_email', why: 'bad_answers' });
    expect(third.state).toEqual({ variables: {} });
    expect(replies(await chat.send('priya@example.com'))).toEqual(['Send JOIN, STOP, PRECHECK, SETUP, HELLO, CODE or BROKEN to start.']);
  });

  it('counts bad answers per question: a good email, then three blank names', async () => {
    const chat = createConversation(session);
    await chat.send('JOIN');
    await chat.send('x');
    await chat.send('priya@example.com');
    await chat.send('');
    await chat.send('');
    const third = await chat.send('');
    expect(replies(third)).toEqual([RESTART]);
    expect(third.state.variables).toEqual({ customer_email: 'priya@example.com' });
  });

  it('remembers what the contact said for later flows: STOP after JOIN asks nothing', async () => {
    const chat = createConversation(session);
    for (const message of ['JOIN', 'priya@example.com', 'Priya Sharma']) await chat.send(message);
    const stop = await chat.send('unsubscribe');
    expect(replies(stop)).toEqual(['You have been unsubscribed from our newsletter. Send JOIN any time to come back.']);
    expect(stop.events.filter((e) => e.type === 'step').map((e) => (e.type === 'step' ? e.step.request?.method : ''))).toEqual(['GET', 'PUT']);
  });

  it('says how to start to a message that starts nothing, and nothing to a blank one', async () => {
    const chat = createConversation(session);
    expect(replies(await chat.send('hello there'))).toEqual(['Send JOIN, STOP, PRECHECK, SETUP, HELLO, CODE or BROKEN to start.']);
    expect((await chat.send('  ')).events).toEqual([]);
  });

  it('takes messages in order even when they come at once', async () => {
    const chat = createConversation(session);
    const turns = await Promise.all(['JOIN', 'priya@example.com', 'Priya Sharma'].map((m) => chat.send(m)));
    expect(turns.map(replies)).toEqual([[ASK_EMAIL], [ASK_NAME], [GUIDE_REPLY]]);
  });

  it('passes each event to onEvent as it happens, in the order of the turn', async () => {
    const seen: ConversationEvent[] = [];
    const chat = createConversation(session, { known: { customer_email: 'priya@example.com', customer_name: 'Priya Sharma' }, onEvent: (e) => seen.push(e) });
    const turn = await chat.send('JOIN');
    expect(seen).toEqual(turn.events);
    expect(kinds(turn)).toEqual(['start', 'step', 'step', 'reply', 'end']);
  });

  it('runs the classic flows when asked', async () => {
    const chat = createConversation(createSession({ catalog: session.catalog, settings: { group_id: '3640549' }, target }), { api: 'classic' });
    for (const message of ['JOIN', 'priya@example.com']) await chat.send(message);
    const done = await chat.send('Priya Sharma');
    expect(replies(done)).toEqual([GUIDE_REPLY]);
    expect(done.events.find((e) => e.type === 'step')).toMatchObject({ step: { request: { url: expect.stringContaining('/api/v2/subscribers') } } });
  });
});

describe("a flow's own ask nodes", () => {
  it("wait for the next message: a blank one is asked again, a bad one gets the node's invalid_text, then it goes on", async () => {
    const chat = createConversation(session);
    const hello = await chat.send('hi');
    expect(replies(hello)).toEqual(['Hello!', 'Your WhatsApp number?']);
    expect(hello.state).toMatchObject({ flow: 'test.asking', waiting_for: 'customer_phone', format: 'phone' });
    expect(replies(await chat.send(''))).toEqual(['Your WhatsApp number?']);
    expect(replies(await chat.send('98200'))).toEqual(['Please send it with +.']);
    const done = await chat.send(' +919820000001 ');
    expect(replies(done)).toEqual(['Got +919820000001.']);
    expect(done.events.at(-1)).toEqual({ type: 'end', flow: 'test.asking', result: 'done' });
    expect(done.state.variables).toEqual({ customer_phone: '+919820000001' });
  });

  it("an ask node without validation is checked by the variable's format, asked again in its own words", async () => {
    const loose: Flow = {
      ...ASKING,
      id: 'test.loose',
      trigger: { keyword: 'LOOSE' },
      nodes: { ...ASKING.nodes, ask: { type: 'ask', variable: 'customer_phone', text: 'Your WhatsApp number?', next: 'done' } },
    };
    const chat = createConversation(createSession({ catalog: { ...session.catalog, flows: [loose] }, settings: {}, target }));
    await chat.send('loose');
    expect(replies(await chat.send('98200'))).toEqual(['Your WhatsApp number?']);
    expect(replies(await chat.send('+919820000001'))).toEqual(['Got +919820000001.']);
  });

  it('a trigger word leaves the waiting flow and starts its own', async () => {
    const chat = createConversation(session);
    await chat.send('HELLO');
    const join = await chat.send('join');
    expect(join.events.slice(0, 2)).toEqual([
      { type: 'left', flow: 'test.asking', waiting_for: 'customer_phone', why: 'trigger' },
      { type: 'start', flow: 'whatsapp.join', api: 'new', trigger: 'join' },
    ]);
    expect(replies(join)).toEqual([ASK_EMAIL]);
  });

  it("an answer the flow's validation refuses is asked with its invalid_text; the third says how to start again", async () => {
    const chat = createConversation(session);
    expect(replies(await chat.send('code'))).toEqual(['Your email?']);
    expect(replies(await chat.send('nope'))).toEqual(['An email, please.']);
    expect(replies(await chat.send('still no'))).toEqual(['An email, please.']);
    const third = await chat.send('no');
    expect(replies(third)).toEqual(["Sorry, that still isn't right, so let's stop here. Send CODE to start again."]);
    expect(third.events.at(-1)).toEqual({ type: 'left', flow: 'test.strict', waiting_for: 'contact_email', why: 'bad_answers' });
    expect(third.state.flow).toBeUndefined();
  });

  it('close() leaves a waiting flow', async () => {
    const chat = createConversation(session);
    await chat.send('HELLO');
    await chat.close();
    expect(chat.state()).toEqual({ variables: {} });
  });
});

describe('a broken flow', () => {
  it('rejects the message with the declaration error and leaves the conversation usable', async () => {
    const chat = createConversation(session);
    await expect(chat.send('BROKEN')).rejects.toBeInstanceOf(DeclarationError);
    expect(chat.state()).toEqual({ variables: {} });
    expect(replies(await chat.send('JOIN'))).toEqual([ASK_EMAIL]);
  });
});

describe('a refused key', () => {
  it("carries the guide's troubleshooting hint on the step that met the 401, for chat and the web page alike", async () => {
    const target = await openTarget({ target: 'sim' });
    try {
      // The classic account's key against the new API: MailerLite's 401.
      const wrong: Target = { ...target, secrets: () => ({ api_key: target.simulator!.keys.classic }) };
      const chat = createConversation(createSession({ settings: {}, target: wrong }));
      const turn = await chat.send('PRECHECK');
      const answered = await chat.send('priya@example.com');
      const steps = [...turn.events, ...answered.events].filter((event): event is Extract<ConversationEvent, { type: 'step' }> => event.type === 'step');
      expect(steps.map((event) => event.step.response?.status)).toEqual([401]);
      expect(steps[0]?.hint).toContain('a wrong key, or a key of the other MailerLite version');
    } finally {
      await target.close();
    }
  });
});
