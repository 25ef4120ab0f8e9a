import { describe, expect, it } from 'vitest';
import { DeclarationError } from '../../plugin/errors.js';
import { exportStep } from '../../plugin/export/step.js';
import { stepPage } from '../../plugin/export/markdown.js';
import type { StepTemplate } from '../../plugin/generated/step-template.js';
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

const caveatPlaces = (caveats: ReadonlyArray<{ field: string; about?: string }>): Array<[string, string | undefined]> => caveats.map((c) => [c.field, c.about]);

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

  it('maps plain paths straight from the template and branches by status only', () => {
    expect(upsert.form.response_mapping.map((r) => r.row)).toEqual(['data.id -> subscriber_id', 'data.status -> subscriber_status', 'message -> error_message', 'errors.email[0] -> email_error']);
    expect(upsert.form.status_conditions.map((r) => r.row)).toEqual([
      'HTTP 201 -> created',
      'HTTP 200 -> updated',
      'HTTP 422 -> invalid',
      'HTTP 401 or 403 -> auth_error',
      'HTTP 429 -> rate_limited',
      'anything else -> error',
    ]);
  });

  it('leaves only caveats the builder user can act on: validations, optional body rows, the retry option', () => {
    expect(caveatPlaces(upsert.caveats)).toEqual([
      ['inputs', 'customer_email'],
      ['inputs', 'customer_phone'],
      ['body', 'fields.name'],
      ['body', 'fields.phone'],
      ['retries', undefined],
    ]);
    const page = stepPage(upsert);
    expect(section(page, '## Before this step')).toContain('> **Caveat:** Turn on email validation on the ask that captures {{customer_email}}, so this step is only reached with a well-formed value');
    expect(section(page, '## Before this step')).toContain('Turn on phone validation on the ask that captures {{customer_phone}} (E.164, e.g. +919820000001), or fill it with the contact\'s WhatsApp number in that form');
    const underBody = section(page, '### 6. Body');
    expect(underBody).toContain('```json\n' + upsert.form.body + '\n```');
    expect(underBody).toContain('> **Caveat:** `fields.name`: when {{customer_name}} is empty the builder sends it empty, which blanks the value MailerLite holds (our engine leaves the row out). Make sure {{customer_name}} is always filled');
    expect(section(page, '### 9. Timeout and retries')).toContain("Timeout: 10 s (set the step's timeout to 10 seconds).");
    expect(section(page, '### 9. Timeout and retries')).toContain("> **Caveat:** Turn on the builder's retry option for this step, if it has one: up to 3 attempts on HTTP 429, 5xx and no connection");
    for (const gone of ['Trim and lower-case it', 'escapes quotes', 'JMESPath', 'may not support', 'line break']) expect(page).not.toContain(gone);
  });
});

describe('export of the lookup (GET /subscribers/{email})', () => {
  const lookup = exportStep(template('mailerlite.subscriber.lookup'), context());

  it("puts the email into the URL and maps the guide's rows as plain paths", () => {
    expect(lookup.form.method).toBe('GET');
    expect(lookup.form.url).toBe('https://connect.mailerlite.com/api/subscribers/{{customer_email}}');
    expect(lookup.form.body).toBeNull();
    expect(lookup.form.body_type).toBe('none');
    expect(lookup.form.response_mapping.map((r) => [r.path, r.variable])).toEqual([
      ['data.id', 'subscriber_id'],
      ['data.status', 'subscriber_status'],
      ['data.groups[*].id', 'subscriber_group_ids'],
    ]);
  });

  it('branches by status: HTTP 200 -> found, HTTP 404 -> not_found, ..., anything else -> error', () => {
    expect(lookup.form.status_conditions.map((r) => [r.when, r.outcome])).toEqual([
      ['HTTP 200', 'found'],
      ['HTTP 404', 'not_found'],
      ['HTTP 401 or 403', 'auth_error'],
      ['HTTP 429', 'rate_limited'],
      ['anything else', 'error'],
    ]);
  });

  it('says to validate the email where it is captured, and nothing next to the mapping', () => {
    expect(caveatPlaces(lookup.caveats)).toEqual([
      ['inputs', 'customer_email'],
      ['retries', undefined],
    ]);
    const page = stepPage(lookup);
    expect(section(page, '### 2. URL')).toBe('\n```text\nhttps://connect.mailerlite.com/api/subscribers/{{customer_email}}\n```\n\n');
    const mapping = section(page, '### 6. Response mapping');
    expect(mapping).toContain('```text\ndata.id -> subscriber_id\ndata.status -> subscriber_status\ndata.groups[*].id -> subscriber_group_ids\n```');
    expect(mapping).not.toContain('Caveat');
    expect(section(page, '### 7. Status conditions')).toContain('```text\nHTTP 200 -> found\nHTTP 404 -> not_found\nHTTP 401 or 403 -> auth_error\nHTTP 429 -> rate_limited\nanything else -> error\n```');
  });
});

describe('export of classic and query templates', () => {
  it('puts the classic key into an X-MailerLite-ApiKey header field and maps the classic paths', () => {
    const add = exportStep(template('mailerlite-classic.group.add-subscriber'), context({ group_id: '42' }));
    expect(add.form.url).toBe('https://api.mailerlite.com/api/v2/groups/42/subscribers');
    expect(add.form.auth).toEqual({ type: 'header', label: 'API key in a header', header: 'X-MailerLite-ApiKey', value: 'YOUR_API_KEY', secret: 'YOUR_API_KEY' });
    expect(add.form.response_mapping.map((r) => r.row)).toEqual(['id -> subscriber_id', 'type -> subscriber_status', 'error.message -> error_message']);
    expect(add.form.status_conditions.map((r) => r.row)).toEqual(['HTTP 200 or 201 -> added', 'HTTP 404 -> not_found', 'HTTP 400 or 422 -> invalid', 'HTTP 401 or 403 -> auth_error', 'HTTP 429 -> rate_limited', 'anything else -> error']);
  });

  it('maps each item of a classic list answer with [*]', () => {
    const list = exportStep(template('mailerlite-classic.groups.list'), context());
    expect(list.form.response_mapping.map((r) => r.row)).toEqual(['[0].id -> group_id', '[0].name -> listed_group_name', '[*].name -> group_names']);
  });

  it('writes query values into the URL and says to use the query table for a {{variable}} value', () => {
    const list = exportStep(template('mailerlite.groups.list'), context());
    expect(list.form.url).toBe('https://connect.mailerlite.com/api/groups?filter[name]={{group_name}}&limit=100&sort=name');
    expect(list.form.query).toEqual([
      { name: 'filter[name]', value: '{{group_name}}' },
      { name: 'limit', value: '100' },
      { name: 'sort', value: 'name' },
    ]);
    expect(list.caveats.find((c) => c.field === 'url')).toEqual({
      field: 'url',
      about: 'filter[name]',
      text: "`filter[name]`: enter this parameter in the builder's query table (name `filter[name]`, value {{group_name}}) rather than in the URL, so the builder encodes the value (`WhatsApp Opt-Ins` travels as `WhatsApp%20Opt-Ins`).",
    });
  });

  it('advises against retries for a step that is not safe to repeat', () => {
    const create = exportStep(template('mailerlite.group.create'), context());
    expect(create.retry).toEqual({ safe_to_repeat: false, max_attempts: 1 });
    expect(create.caveats).toEqual([{ field: 'retries', text: "Leave the builder's retry option off for this step: sending it twice can differ from sending it once, so our engine never repeats it." }]);
  });
});

describe('a template outside the builder profile is not exported', () => {
  const lookup = template('mailerlite.subscriber.lookup');

  it('refuses an outcome that reads the body', () => {
    const reading: StepTemplate = { ...lookup, outcomes: [{ name: 'member', description: 'in the group', when: { status: 200, condition: 'outputs.subscriber_id' } }, { name: 'error', description: 'anything else', fallback: true }] };
    expect(() => exportStep(reading, context())).toThrow(new DeclarationError('outcome "member" reads the response body, which the builder\'s step cannot branch on (run `mailerlite-steps validate`)'));
  });

  it('refuses a helper in a placeholder', () => {
    const helper: StepTemplate = { ...lookup, request: { ...lookup.request, url: 'https://connect.mailerlite.com/api/subscribers/<<lower customer_email>>' } };
    expect(() => exportStep(helper, context())).toThrow(/^<<lower customer_email>> is not a plain placeholder/);
  });
});
