import { afterEach, describe, expect, it, vi } from 'vitest';
import { runStep } from '../../plugin/step/run.js';
import { SECRETS, SETTINGS, template } from './support/catalog.js';
import { drive, fakeSleep, useFakeClock } from './support/clock.js';
import { fakeMailerLite } from './support/fake-fetch.js';
import { subscriberObject } from './support/mailerlite.js';

afterEach(() => {
  vi.useRealTimers();
});

/** The whole StepResult, end to end, for the two commonest templates. */
describe('runStep', () => {
  it('upsert: the request as sent (key redacted), the response, outputs and outcome', async () => {
    useFakeClock();
    const ml = fakeMailerLite([{ request: 'POST https://connect.mailerlite.com/api/subscribers', reply: { status: 201, shape: 'subscriber', with: { name: 'Priya Sharma' } } }]);
    const result = await drive(runStep(template('mailerlite.subscriber.upsert'), { customer_email: 'Priya@Example.com', customer_name: 'Priya Sharma' }, { settings: SETTINGS, secrets: SECRETS, fetch: ml.fetch, sleep: fakeSleep().sleep }));
    expect({ ...result, durationMs: 0 }).toEqual({
      template: 'mailerlite.subscriber.upsert',
      inputs: { customer_email: 'priya@example.com', customer_name: 'Priya Sharma' },
      request: {
        method: 'POST',
        url: 'https://connect.mailerlite.com/api/subscribers',
        headers: { Authorization: 'Bearer [redacted:api_key]', Accept: 'application/json', 'Content-Type': 'application/json' },
        body: { email: 'priya@example.com', fields: { name: 'Priya Sharma' }, groups: ['123456789'], status: 'active' },
      },
      response: {
        status: 201,
        headers: { 'cache-control': 'no-cache, private', 'content-type': 'application/json', 'x-locale': 'en', 'x-ratelimit-limit': '120', 'x-ratelimit-remaining': '89' },
        body: { data: subscriberObject({ name: 'Priya Sharma' }) },
      },
      outputs: { subscriber_id: '165968862226941797', subscriber_status: 'active', error_message: null, email_error: null },
      outcome: 'created',
      rule: 0,
      attempts: 1,
      durationMs: 0,
    });
    expect(ml.requests[0]?.headers.authorization).toBe(`Bearer ${SECRETS.api_key}`);
    expect(JSON.stringify(result)).not.toContain(SECRETS.api_key);
  });

  it('lookup against the simulator origin: the base URL replaces the origin', async () => {
    const ml = fakeMailerLite([{ request: 'GET http://127.0.0.1:9090/api/subscribers/priya%2B1@x.com', reply: { status: 404, shape: 'subscriber_not_found' } }]);
    const result = await runStep(template('mailerlite.subscriber.lookup'), { customer_email: 'priya+1@x.com' }, { settings: SETTINGS, secrets: SECRETS, fetch: ml.fetch, baseUrl: 'http://127.0.0.1:9090' });
    expect(ml.problems()).toEqual([]);
    expect(result).toMatchObject({ outcome: 'not_found', rule: 1, attempts: 1, request: { url: 'http://127.0.0.1:9090/api/subscribers/priya%2B1@x.com' } });
  });

  it('a timeout on every attempt: no response, the error says so, outputs are null', async () => {
    useFakeClock();
    const ml = fakeMailerLite([{ reply: { failure: 'timeout' } }, { reply: { failure: 'timeout' } }, { reply: { failure: 'timeout' } }]);
    const { sleep, waits } = fakeSleep();
    const result = await drive(runStep(template('mailerlite.subscriber.lookup'), { customer_email: 'priya@example.com' }, { settings: SETTINGS, secrets: SECRETS, fetch: ml.fetch, sleep, random: () => 1 }));
    expect(result).toMatchObject({
      response: null,
      error: { kind: 'timeout', message: 'no response within 10000 ms' },
      outputs: { subscriber_id: null, subscriber_status: null, subscriber_group_ids: null },
      outcome: 'error',
      rule: 4,
      attempts: 3,
    });
    expect(waits).toEqual([500, 1000]);
  });

  it('a header value from the conversation holding a line break: invalid_input, nothing sent', async () => {
    const step = { ...template('mailerlite.subscriber.lookup'), request: { ...template('mailerlite.subscriber.lookup').request, headers: { 'X-Contact': '<<customer_email>> <<settings.group_name>>' } } };
    const ml = fakeMailerLite([]);
    const result = await runStep(step, { customer_email: 'priya@example.com' }, { settings: { ...SETTINGS, group_name: 'a\r\nX-Evil: 1' }, secrets: SECRETS, fetch: ml.fetch });
    expect(result).toMatchObject({ outcome: 'invalid_input', attempts: 0, request: null, error: { kind: 'invalid_input', inputs: [{ name: 'headers.X-Contact', message: 'the value of header X-Contact holds a line break' }] } });
    expect(ml.requests).toEqual([]);
  });

  it('a setting that renders the path segment "..": invalid_input at the URL, nothing sent', async () => {
    const ml = fakeMailerLite([]);
    const result = await runStep(template('mailerlite.group.assign'), { subscriber_id: '165968862226941797' }, { settings: { ...SETTINGS, group_id: '..' }, secrets: SECRETS, fetch: ml.fetch });
    expect(result).toMatchObject({
      outcome: 'invalid_input',
      attempts: 0,
      request: null,
      error: { kind: 'invalid_input', inputs: [{ name: 'url', message: 'a value in https://connect.mailerlite.com/api/subscribers/<<subscriber_id>>/groups/<<settings.group_id>> renders the path segment "..", which is not allowed' }] },
    });
    expect(ml.requests).toEqual([]);
  });
});
