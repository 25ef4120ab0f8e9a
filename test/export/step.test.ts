import { describe, expect, it } from 'vitest';
import { exportStep } from '../../plugin/export/step.js';
import { stepPage } from '../../plugin/export/markdown.js';
import { context, section, template } from './catalog.js';

/**
 * The guide's upsert body (seed guide, "Add subscriber"; its doubled braces are a
 * rendering artifact of single JSON braces), with the group id it uses.
 */
const GUIDE_BODY = `{
  "email": "{{customer_email}}",
  "fields": {
    "name": "{{customer_name}}",
    "phone": "{{customer_phone}}"
  },
  "groups": ["123456789"],
  "status": "active"
}`;

describe('export of the upsert (POST /subscribers)', () => {
  const upsert = exportStep(template('mailerlite.subscriber.upsert'), context());

  it("writes the guide's body, the group id given as a setting value", () => {
    const withGroup = exportStep(template('mailerlite.subscriber.upsert'), context({ group_id: '123456789' }));
    expect(withGroup.form.body).toBe(GUIDE_BODY);
    expect(withGroup.variables.find((v) => v.setting === 'group_id')?.builder).toBe('123456789');
  });

  it('writes the group id as the plugin setting {{group_id}} when no value is given', () => {
    expect(upsert.form.body).toBe(GUIDE_BODY.replace('"123456789"', '"{{group_id}}"'));
    expect(upsert.variables.find((v) => v.name === 'group_id')).toEqual({
      builder: '{{group_id}}',
      name: 'group_id',
      source: 'setting',
      setting: 'group_id',
      description: expect.stringMatching(/^Plugin setting `group_id`: /) as unknown as string,
      required: true,
      example: '123456789',
    });
  });

  it('fills method, URL, auth, headers and body type as the form asks, the key only as YOUR_API_KEY', () => {
    expect(upsert.form.method).toBe('POST');
    expect(upsert.form.url).toBe('https://connect.mailerlite.com/api/subscribers');
    expect(upsert.form.auth).toEqual({ type: 'bearer', label: 'Bearer token', header: 'Authorization', value: 'Bearer YOUR_API_KEY', secret: 'YOUR_API_KEY' });
    expect(upsert.form.headers).toEqual([
      { name: 'Accept', value: 'application/json' },
      { name: 'Content-Type', value: 'application/json' },
    ]);
    expect(upsert.form.body_type).toBe('JSON');
    expect(upsert.form.timeout_seconds).toBe(10);
    expect(JSON.stringify(upsert)).not.toContain('secrets.');
  });

  it('gives the status conditions in order: 201 created, 200 updated, ... anything else -> error', () => {
    expect(upsert.form.status_conditions.map((r) => r.row)).toEqual([
      'HTTP 201 -> created',
      'HTTP 200 -> updated',
      "HTTP 422 and JMESPath body.subscriber || contains(join(' ', body.errors.email || `[]`), 'cannot be imported') -> cannot_resubscribe",
      'HTTP 422 -> invalid',
      'HTTP 401 or 403 -> auth_error',
      'HTTP 429 -> rate_limited',
      'anything else (another status, a timeout, no connection) -> error',
    ]);
    expect(upsert.form.status_conditions[2]?.jmespath).toBe("body.subscriber || contains(join(' ', body.errors.email || `[]`), 'cannot be imported')");
  });

  it('says next to the body what plain substitution cannot keep: escaping, dropped empty fields, lower-cased emails', () => {
    const body = upsert.caveats.filter((c) => c.field === 'body').map((c) => c.about);
    expect(body).toEqual(['escaping', 'fields.name', 'fields.phone', 'customer_email']);
    const page = stepPage(upsert);
    const underBody = section(page, '### 6. Body');
    expect(underBody).toContain('```json\n' + upsert.form.body + '\n```');
    expect(underBody).toContain('> **Caveat:** Our engine escapes quotes, backslashes and line breaks in {{customer_email}}, {{customer_name}}, {{customer_phone}}');
    expect(underBody).toContain('> **Caveat:** `fields.name`: our engine leaves this field out when {{customer_name}} is empty');
    expect(underBody).toContain('> **Caveat:** {{customer_email}}: our engine trims and lower-cases the email');
    expect(section(page, '### 9. Timeout and retries')).toContain('> **Caveat:** Our engine retries this step on 429 (honouring Retry-After), 5xx and network failures: 3 attempts in all');
    expect(section(page, '### 8. Status conditions')).toContain('the row `invalid` below takes these answers');
  });
});

describe('export of the lookup (GET /subscribers/{email})', () => {
  const lookup = exportStep(template('mailerlite.subscriber.lookup'), context());

  it("puts the email into the URL and maps the guide's rows", () => {
    expect(lookup.form.method).toBe('GET');
    expect(lookup.form.url).toBe('https://connect.mailerlite.com/api/subscribers/{{customer_email}}');
    expect(lookup.form.body).toBeNull();
    expect(lookup.form.body_type).toBe('none');
    expect(lookup.form.response_mapping.map((r) => [r.row, r.plain])).toEqual([
      ['data.id -> subscriber_id', true],
      ['data.status -> subscriber_status', true],
      ['data.groups[].id -> subscriber_group_ids', false],
      ['contains(data.groups[].id || `[]`, $settings.group_id) -> in_target_group', false],
    ]);
  });

  it('states the status conditions in the builder\'s words, HTTP 404 -> not_found among them', () => {
    expect(lookup.form.status_conditions.map((r) => r.row)).toEqual([
      'HTTP 200 and {{subscriber_status}} is one of "unsubscribed", "bounced", "junk" -> unsubscribed',
      'HTTP 200 and {{subscriber_status}} is "unconfirmed" -> unconfirmed',
      'HTTP 200 and {{in_target_group}} is true -> already_in_group',
      'HTTP 200 -> found_not_in_group',
      'HTTP 404 -> not_found',
      'HTTP 401 or 403 -> auth_error',
      'HTTP 429 -> rate_limited',
      'anything else (another status, a timeout, no connection) -> error',
    ]);
  });

  it('says next to the URL that the builder does not encode or lower-case the email, and next to the mapping what JMESPath it needs', () => {
    const page = stepPage(lookup);
    const url = section(page, '### 2. URL');
    expect(url).toContain('```text\nhttps://connect.mailerlite.com/api/subscribers/{{customer_email}}\n```');
    expect(url).toContain('our engine encodes the value as one path segment (`priya+news@example.com` -> `priya%2Bnews@example.com`)');
    expect(url).toContain('our engine trims and lower-cases the email');
    const mapping = section(page, '### 6. Response mapping');
    expect(mapping).toContain('> **Caveat:** `in_target_group` is the JMESPath `` contains(data.groups[].id || `[]`, $settings.group_id) ``, using `contains(...)`');
    expect(mapping).toContain('`$settings.group_id` is the plugin setting {{group_id}}.');
    expect(mapping).toContain('map `data.groups` to a variable');
    expect(mapping).toContain('| `` contains(data.groups[].id \\|\\| `[]`, $settings.group_id) `` | `in_target_group` |');
    expect(section(page, '### 7. Status conditions')).toContain('ends in `invalid_input` without a request');
  });
});

describe('export of classic and query templates', () => {
  it('puts the classic key into an X-MailerLite-ApiKey header field and flags `let`/to_string ids', () => {
    const add = exportStep(template('mailerlite-classic.group.add-subscriber'), context({ group_id: '42' }));
    expect(add.form.url).toBe('https://api.mailerlite.com/api/v2/groups/42/subscribers');
    expect(add.form.auth).toEqual({ type: 'header', label: 'API key in a header', header: 'X-MailerLite-ApiKey', value: 'YOUR_API_KEY', secret: 'YOUR_API_KEY' });
    const id = add.caveats.find((c) => c.field === 'response_mapping' && c.about === 'subscriber_id');
    expect(id?.text).toContain('using `let`, `&&`, `to_string(...)`');
    expect(id?.text).toContain('keep ids as strings');
  });

  it('writes query values into the URL, encodes given values, and warns about empty ones', () => {
    const list = exportStep(template('mailerlite.groups.list'), context());
    expect(list.form.url).toBe('https://connect.mailerlite.com/api/groups?filter[name]={{group_name}}&limit=100&sort=name');
    expect(list.form.query).toEqual([
      { name: 'filter[name]', value: '{{group_name}}' },
      { name: 'limit', value: '100' },
      { name: 'sort', value: 'name' },
    ]);
    expect(list.caveats.find((c) => c.field === 'url' && c.about === 'filter[name]')?.text).toContain('sends `filter[name]=` when it is empty');
  });

  it('advises against retries for a step that is not safe to repeat', () => {
    const create = exportStep(template('mailerlite.group.create'), context());
    expect(create.retry).toEqual({ safe_to_repeat: false, max_attempts: 1 });
    expect(create.caveats.find((c) => c.field === 'retries')?.text).toContain("Leave the builder's retry option off");
  });
});
