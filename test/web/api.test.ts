import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { FlowResult } from '../../plugin/flow/result.js';
import type { ApiErrorBody, CatalogView, PreviewView, SimStatus, TargetView } from '../../plugin/harness/web/index.js';
import type { StepResult } from '../../plugin/step/result.js';
import { PRIYA, SIM_KEYS, startHarness, type TestHarness } from './support.js';

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

type Shown = Extract<PreviewView, { curl: string }>;
type Problems = Extract<PreviewView, { ok: false }>;

describe('GET /api/catalog and /api/target', () => {
  it('lists every template and flow with declared inputs, examples, formats and outcomes, by API version', async () => {
    const { status, body } = await h.get<CatalogView>('/api/catalog');
    expect(status).toBe(200);
    expect(body.apis.map((a) => a.api)).toEqual(['new', 'classic']);
    const upsert = body.templates.find((t) => t.id === 'mailerlite.subscriber.upsert');
    expect(upsert?.api).toBe('new');
    expect(upsert?.method).toBe('POST');
    expect(upsert?.inputs.customer_email).toMatchObject({ format: 'email', required: true, example: 'priya@example.com' });
    expect(upsert?.inputs.customer_phone).toMatchObject({ format: 'phone', example: '+919820000001' });
    expect(upsert?.outcomes[0]).toMatchObject({ name: 'created', when: { status: 201 } });
    expect(upsert?.outcomes.at(-1)).toMatchObject({ name: 'error', fallback: true });
    const joins = body.flows.filter((f) => f.id === 'whatsapp.join');
    expect(joins.map((f) => f.api).sort()).toEqual(['classic', 'new']);
    expect(joins[0]?.trigger).toBe('JOIN');
    expect(body.scenarios.map((s) => s.title)).toEqual(['Priya already subscribed', 'An unsubscribed contact', 'Rate limited next requests']);
  });

  it('says where Send goes without the key', async () => {
    const { body } = await h.get<TargetView>('/api/target');
    expect(body).toMatchObject({ kind: 'sim', live: false, controllable: true, api: 'new' });
    expect(body.description).toMatch(/^embedded MailerLite simulator at http:\/\/127\.0\.0\.1:\d+$/);
    expect(body.counts?.new).toEqual({ subscribers: 0, groups: 1 });
  });
});

describe('POST /api/preview', () => {
  it('shows the request as it would be sent, the key redacted, and a curl reading $MAILERLITE_API_KEY', async () => {
    const { status, body } = await h.post<Shown>('/api/preview', {
      id: 'mailerlite.subscriber.upsert',
      vars: { ...PRIYA, customer_email: ' Priya@Example.com ' },
    });
    expect(status).toBe(200);
    expect(body.ok).toBe(true);
    expect(body.request?.method).toBe('POST');
    expect(body.request?.url).toBe(`${h.target.baseUrl}/api/subscribers`);
    expect(body.request?.headers.Authorization).toBe('Bearer [redacted:api_key]');
    expect(body.request?.body).toEqual({
      email: 'priya@example.com',
      fields: { name: 'Priya Sharma', phone: '+919820000001' },
      groups: ['123456789'],
      status: 'active',
    });
    expect(body.curl).toContain(`-H "Authorization: Bearer $MAILERLITE_API_KEY"`);
    expect(body.curl).toContain(`--data-raw '{"email":"priya@example.com",`);
    expect(h.target.simulator?.journal()).toEqual([]);
  });

  it('quotes a name with an apostrophe, quotes and emoji safely for the shell', async () => {
    const name = `Priya "P" D'Souza 🌸`;
    const { body } = await h.post<Shown>('/api/preview', { id: 'mailerlite.subscriber.upsert', vars: { ...PRIYA, customer_name: name } });
    expect(body.request?.body).toMatchObject({ fields: { name } });
    expect(body.curl).toContain(`"name":"Priya \\"P\\" D'\\''Souza 🌸"`);
  });

  it('names every problem at once: missing inputs and bad formats', async () => {
    const { status, body } = await h.post<Problems>('/api/preview', {
      id: 'mailerlite.subscriber.upsert',
      vars: { customer_email: '', customer_phone: '98200 00001' },
    });
    expect(status).toBe(200);
    expect(body.ok).toBe(false);
    expect(body.problems).toEqual([
      { name: 'customer_email', kind: 'missing', message: 'this input is required (e.g. "priya@example.com")' },
      { name: 'customer_phone', kind: 'invalid', message: 'not an E.164 phone number: "98200 00001" (e.g. +919820000001)' },
    ]);
    const bad = await h.post<Problems>('/api/preview', {
      id: 'mailerlite.subscriber.upsert',
      vars: { customer_email: 'priya@', customer_phone: '+919820000001' },
    });
    expect(bad.body.problems).toEqual([{ name: 'customer_email', kind: 'invalid', message: 'not a valid email address: "priya@" (e.g. priya@example.com)' }]);
  });

  it('previews a flow as the first request its trigger makes', async () => {
    const { body } = await h.post<Shown>('/api/preview', { id: 'whatsapp.join', api: 'new', vars: PRIYA });
    expect(body.template).toBe('mailerlite.subscriber.lookup');
    expect(body.request?.url).toBe(`${h.target.baseUrl}/api/subscribers/priya@example.com`);
    const classic = await h.post<Shown>('/api/preview', { id: 'whatsapp.join', api: 'classic', vars: PRIYA });
    expect(classic.body.request?.headers['X-MailerLite-ApiKey']).toBe('[redacted:api_key]');
  });
});

describe('POST /api/run', () => {
  it("runs the upsert with Priya's details: 201, subscriber_id, outcome created by rule 0", async () => {
    const { status, body } = await h.post<StepResult>('/api/run', { id: 'mailerlite.subscriber.upsert', vars: PRIYA });
    expect(status).toBe(200);
    expect(body.response?.status).toBe(201);
    expect(body.outputs.subscriber_id).toBe('987654321');
    expect(body.outcome).toBe('created');
    expect(body.rule).toBe(0);
    expect(body.request?.headers.Authorization).toBe('Bearer [redacted:api_key]');
    expect(h.target.simulator?.state.subscriber('new', 'priya@example.com')).toMatchObject({ status: 'active' });
  });

  it("runs the JOIN flow to the guide's reply", async () => {
    const { body } = await h.post<FlowResult>('/api/run', { id: 'whatsapp.join', api: 'new', vars: PRIYA });
    expect(body.steps.map((s) => [s.template, s.response?.status, s.outcome])).toEqual([
      ['mailerlite.subscriber.lookup', 404, 'not_found'],
      ['mailerlite.subscriber.upsert', 201, 'created'],
    ]);
    expect(body.replies).toEqual(['You are now subscribed, Priya! You will receive our newsletter at priya@example.com.']);
    expect(body.end).toMatchObject({ result: 'subscribed' });
  });

  it("plays the contact's answers to the flow's questions, in order", async () => {
    const waiting = await h.post<FlowResult>('/api/run', { id: 'whatsapp.join', api: 'new', vars: { ...PRIYA, customer_email: 'not-an-email' } });
    expect(waiting.body.end).toMatchObject({ waiting_for: 'customer_email' });
    const answered = await h.post<FlowResult>('/api/run', {
      id: 'whatsapp.join',
      api: 'new',
      vars: { ...PRIYA, customer_email: 'not-an-email' },
      answers: ['priya@example.com'],
    });
    expect(answered.body.replies.at(-1)).toBe('You are now subscribed, Priya! You will receive our newsletter at priya@example.com.');
  });

  it('answers a missing input with 422 naming it, before any request', async () => {
    const { status, body } = await h.post<ApiErrorBody>('/api/run', { id: 'mailerlite.subscriber.upsert', vars: { customer_name: 'Priya Sharma' } });
    expect(status).toBe(422);
    expect(body.error.kind).toBe('missing_input');
    expect(body.error.problems).toEqual([{ name: 'customer_email', kind: 'missing', message: 'this input is required (e.g. "priya@example.com")' }]);
    expect(h.target.simulator?.journal()).toEqual([]);
  });

  it('turns a dropped connection into the network failure of the step, not an error answer', async () => {
    h.target.simulator?.inject({ kind: 'drop', count: 5 });
    const { status, body } = await h.post<StepResult>('/api/run', { id: 'mailerlite.subscriber.lookup', vars: PRIYA });
    expect(status).toBe(200);
    expect(body.response).toBeNull();
    expect(body.error?.kind).toBe('network');
    expect(body.outcome).toBe('error');
  });
});

describe('simulator control', () => {
  it('"Priya already subscribed" makes JOIN answer that she is', async () => {
    const seeded = await h.post<SimStatus>('/api/sim/seed', { scenario: 'priya-subscribed' });
    expect(seeded.body).toMatchObject({ ok: true, scenario: 'priya-subscribed', title: 'Priya already subscribed' });
    expect(seeded.body.counts?.new.subscribers).toBe(1);
    const { body } = await h.post<FlowResult>('/api/run', { id: 'whatsapp.join', api: 'new', vars: PRIYA });
    expect(body.replies).toEqual(['You are already subscribed!']);
  });

  it('"unsubscribed contact" routes JOIN to the opt-in form', async () => {
    await h.post('/api/sim/seed', { scenario: 'unsubscribed-contact' });
    const { body } = await h.post<FlowResult>('/api/run', { id: 'whatsapp.join', api: 'new', vars: PRIYA });
    expect(body.end).toMatchObject({ result: 'needs_optin' });
  });

  it('"rate limited" answers 429 with Retry-After until the burst is spent', async () => {
    await h.post('/api/sim/seed', { scenario: 'rate-limited' });
    const { body } = await h.post<StepResult>('/api/run', { id: 'mailerlite.group.create', vars: { group_name: 'Not repeatable' } });
    expect(body.response?.status).toBe(429);
    expect(body.outcome).toBe('rate_limited');
    expect(body.attempts).toBe(1);
  });

  it('reset puts the default data back', async () => {
    await h.post('/api/sim/seed', { scenario: 'priya-subscribed' });
    const { body } = await h.post<SimStatus>('/api/sim/reset', {});
    expect(body).toMatchObject({ ok: true, scenario: 'default' });
    expect(body.counts?.new).toEqual({ subscribers: 0, groups: 1 });
    expect(h.target.simulator?.faults()).toEqual([]);
  });

  it('names the known scenarios when given an unknown one', async () => {
    const { status, body } = await h.post<ApiErrorBody>('/api/sim/seed', { scenario: 'priya' });
    expect(status).toBe(400);
    expect(body.error.message).toContain('"priya-subscribed" (Priya already subscribed)');
  });
});

describe('bad requests get a clear message, never a stack trace', () => {
  const cases: Array<{ what: string; path: string; raw?: string; body?: unknown; contentType?: string; status: number; kind: string; message: RegExp }> = [
    {
      what: 'body not JSON',
      path: '/api/run',
      raw: '{"id": ',
      status: 400,
      kind: 'bad_request',
      message: /^the body is not valid JSON \(.+\); expected e\.g\. \{"id"/,
    },
    {
      what: 'body not an object',
      path: '/api/preview',
      body: ['whatsapp.join'],
      status: 400,
      kind: 'bad_request',
      message: /expected a JSON object .* got an array/,
    },
    { what: 'no id', path: '/api/run', body: { vars: {} }, status: 400, kind: 'bad_request', message: /^\/id: expected the id of a step template or flow/ },
    {
      what: 'vars not an object',
      path: '/api/run',
      body: { id: 'whatsapp.join', vars: 'x' },
      status: 400,
      kind: 'bad_request',
      message: /\/vars: expected an object/,
    },
    {
      what: 'unknown id',
      path: '/api/run',
      body: { id: 'whatsapp.joi' },
      status: 400,
      kind: 'unknown_id',
      message: /unknown template or flow "whatsapp\.joi"\. Did you mean: whatsapp\.join/,
    },
    {
      what: 'not JSON content type',
      path: '/api/run',
      raw: 'id=whatsapp.join',
      contentType: 'application/x-www-form-urlencoded',
      status: 415,
      kind: 'bad_request',
      message: /Content-Type: application\/json/,
    },
    { what: 'unknown route', path: '/api/nope', body: {}, status: 404, kind: 'not_found', message: /^no API route POST \/api\/nope/ },
    { what: 'wrong method', path: '/api/catalog', body: {}, status: 405, kind: 'method_not_allowed', message: /^\/api\/catalog takes GET, not POST/ },
  ];
  it.each(cases)('$what → $status', async ({ path, raw, body, contentType, status, kind, message }) => {
    const answer = await h.post<ApiErrorBody>(path, body, { ...(raw === undefined ? {} : { raw }), ...(contentType ? { contentType } : {}) });
    expect(answer.status).toBe(status);
    expect(answer.body.error.kind).toBe(kind);
    expect(answer.body.error.message).toMatch(message);
    expect(answer.text).not.toMatch(/\n\s+at /);
  });

  it('refuses requests from another origin', async () => {
    const { status, body } = await h.post<ApiErrorBody>('/api/run', { id: 'whatsapp.join' }, { headers: { origin: 'https://evil.example' } });
    expect(status).toBe(403);
    expect(body.error.message).toContain('requests from https://evil.example are refused');
  });
});

describe('the key never leaves', () => {
  it('appears in no answer: catalog, target, page, every preview and run in both API versions, control and errors', async () => {
    const from = h.bodies.length;
    const catalog = (await h.get<CatalogView>('/api/catalog')).body;
    await h.get('/api/target');
    await h.get('/');
    await h.get('/js/main.js');
    for (const t of catalog.templates) {
      const vars = Object.fromEntries(Object.entries(t.inputs).map(([name, d]) => [name, d.example ?? '']));
      await h.post('/api/preview', { id: t.id, vars });
      await h.post('/api/run', { id: t.id, vars });
    }
    for (const f of catalog.flows) {
      const vars = Object.fromEntries(Object.entries(f.variables).map(([name, d]) => [name, d.example ?? '']));
      await h.post('/api/preview', { id: f.id, api: f.api, vars });
      await h.post('/api/run', { id: f.id, api: f.api, vars });
    }
    await h.post('/api/sim/seed', { scenario: 'priya-subscribed' });
    await h.post('/api/sim/reset', {});
    await h.post('/api/run', { id: 'mailerlite.subscriber.upsert', vars: {} });
    await h.post('/api/run', { id: 'whatsapp.joi' });
    const bodies = h.bodies.slice(from);
    expect(bodies).toHaveLength(8 + 2 * (catalog.templates.length + catalog.flows.length));
    expect(bodies.filter((body) => body.includes('[redacted:api_key]')).length).toBeGreaterThan(catalog.templates.length);
    for (const body of bodies) for (const key of SIM_KEYS) expect(body).not.toContain(key);
  });
});
