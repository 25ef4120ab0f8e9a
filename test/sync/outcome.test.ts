import { describe, expect, test } from 'vitest';
import { loadCatalog } from '../../plugin/catalog.js';
import { batchRequests, classifyItem, FILLER_ITEM, strategyFor, UPSERT_TEMPLATE } from '../../plugin/sync/index.js';
import { shapeBody } from '../engine/support/mailerlite.js';

const catalog = loadCatalog();
const upsert = catalog.template(UPSERT_TEMPLATE.new)!;
const classic = catalog.template(UPSERT_TEMPLATE.classic)!;

describe('per-item answers, read with the upsert template’s own outcome rules', () => {
  test.each([
    [201, shapeBody('subscriber'), { outcome: 'created' }],
    [200, shapeBody('subscriber'), { outcome: 'updated' }],
    [422, shapeBody('cannot_import'), { outcome: 'cannot_resubscribe', message: 'email: This subscriber is unsubscribed and cannot be imported' }],
    [422, shapeBody('invalid_group'), { outcome: 'invalid', message: 'groups.0: The selected groups.0 is invalid.' }],
    [
      422,
      { message: 'The email must be a valid email address.', errors: { email: ['The email must be a valid email address.'] } },
      { outcome: 'invalid', message: 'email: The email must be a valid email address.' },
    ],
    [429, shapeBody('too_many_attempts'), { outcome: 'retry', message: 'Too Many Attempts.' }],
    [503, '<html><head><title>503 Service Temporarily Unavailable</title></head></html>', { outcome: 'retry' }],
    [404, { message: 'The route api/subscriber could not be found.' }, { outcome: 'failed', message: 'The route api/subscriber could not be found.' }],
  ])('new API: %d → %j', (status, body, expected) => {
    expect(classifyItem(upsert, { status, body })).toMatchObject(expected);
  });

  test.each([
    [200, shapeBody('classic_subscriber'), { outcome: 'created' }],
    [200, shapeBody('classic_subscriber', { status: 'unsubscribed' }), { outcome: 'cannot_resubscribe', message: 'the subscriber is unsubscribed; the API does not re-subscribe it' }],
    [404, { error: { code: 123, message: 'Group not found' } }, { outcome: 'failed', message: 'Group not found' }],
    [400, { error: { code: 400, message: 'The email must be a valid email address.' } }, { outcome: 'invalid', message: 'The email must be a valid email address.' }],
  ])('classic API: %d → %j', (status, body, expected) => {
    expect(classifyItem(classic, { status, body })).toMatchObject(expected);
  });
});

describe('batch items are the upsert step’s own request', () => {
  const contact = { email: 'priya@example.com', name: 'Priya "P" Sharma', line: 2, lines: [2], warnings: [] };

  test('new API: email, fields (empty ones dropped), the group, status active, plus opted_in_at', () => {
    const requests = batchRequests(catalog, strategyFor('new'), '123456789', { api_key: 'secret-key' }, 'http://127.0.0.1:9');
    expect(requests.item({ ...contact, optedInAt: '2024-08-13 09:49:51' })).toEqual({
      ok: true,
      item: {
        method: 'POST',
        path: 'api/subscribers',
        body: { email: 'priya@example.com', fields: { name: 'Priya "P" Sharma' }, groups: ['123456789'], status: 'active', opted_in_at: '2024-08-13 09:49:51' },
      },
    });
  });

  test('new API: the batch goes to /api/batch with the template’s headers, one read-only item added, the key only in the real headers', () => {
    const requests = batchRequests(catalog, strategyFor('new'), '123456789', { api_key: 'secret-key' }, 'http://127.0.0.1:9');
    const item = requests.item(contact);
    const built = requests.batch([item.ok ? item.item : {}]);
    expect(built.outgoing.url).toBe('http://127.0.0.1:9/api/batch');
    expect(built.outgoing.headers.Authorization).toBe('Bearer secret-key');
    expect(built.shown.headers.Authorization).toBe('Bearer [redacted:api_key]');
    const body = JSON.parse(built.outgoing.body!) as { requests: unknown[] };
    expect(body.requests).toHaveLength(2);
    expect(body.requests[1]).toEqual(FILLER_ITEM);
    expect(JSON.stringify(built.shown)).not.toContain('secret-key');
  });

  test('classic API: POST /api/v2/groups/{id}/subscribers items, resubscribe false, 50 per batch, no filler', () => {
    const requests = batchRequests(catalog, strategyFor('classic'), '3640549', { api_key: 'k' }, undefined);
    expect(requests.item({ ...contact, phone: '+919820000001', optedInAt: '2024-08-13 09:49:51' })).toEqual({
      ok: true,
      item: {
        method: 'POST',
        path: '/api/v2/groups/3640549/subscribers',
        body: { email: 'priya@example.com', name: 'Priya "P" Sharma', fields: { phone: '+919820000001' }, resubscribe: false, type: 'active' },
      },
    });
    const built = requests.batch([]);
    expect(built.outgoing.url).toBe('https://api.mailerlite.com/api/v2/batch');
    expect(built.outgoing.headers['X-MailerLite-ApiKey']).toBe('k');
    expect(strategyFor('classic')).toMatchObject({ contactsPerBatch: 50, filler: false });
  });
});
