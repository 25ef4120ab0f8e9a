import { describe, expect, it } from 'vitest';
import { exportFlow } from '../../plugin/export/flow.js';
import { flowPage } from '../../plugin/export/markdown.js';
import { convertTemplate, joinPieces, settingVariable, type ExportScope } from '../../plugin/export/placeholders.js';
import { catalog, context, flow, section } from './catalog.js';

describe('export of the JOIN flow (new API)', () => {
  const join = exportFlow(flow('whatsapp.join', 'new'), catalog.template, context());
  const row = (node: string) => join.routing.find((r) => r.node === node);

  it('lists its steps as form fields under their node ids', () => {
    expect(join.steps.map((s) => [s.node, s.template, s.form.method, s.form.url])).toEqual([
      ['lookup', 'mailerlite.subscriber.lookup', 'GET', 'https://connect.mailerlite.com/api/subscribers/{{customer_email}}'],
      ['upsert', 'mailerlite.subscriber.upsert', 'POST', 'https://connect.mailerlite.com/api/subscribers'],
    ]);
    expect(join.trigger).toEqual({ keyword: 'JOIN', aliases: [] });
    expect(join.start).toBe('lookup');
  });

  it('routes each step by status: every branch a status row (or anything else) to its node', () => {
    const lookup = row('lookup');
    expect(lookup?.type === 'step' && lookup.branches.map((b) => b.row)).toEqual([
      'HTTP 200 (found) -> check_read',
      'HTTP 404 (not_found) -> upsert',
      'HTTP 401 or 403 (auth_error) -> reply_later_key',
      'HTTP 429 (rate_limited) -> reply_later',
      'anything else (error) -> reply_later',
    ]);
    const upsert = row('upsert');
    expect(upsert?.type === 'step' && upsert.branches.map((b) => [b.when, b.next])).toEqual([
      ['HTTP 201', 'check_name'],
      ['HTTP 200', 'check_name'],
      ['HTTP 422', 'check_cannot_import'],
      ['HTTP 401 or 403', 'reply_later_key'],
      ['HTTP 429', 'reply_later'],
      ['anything else', 'reply_later'],
    ]);
  });

  it("has condition, set and ask rows in the builder's words", () => {
    expect(row('check_member')).toEqual({
      node: 'check_member',
      type: 'condition',
      condition: '{{subscriber_group_ids}} contains {{group_id}}',
      variable: '{{subscriber_group_ids}}',
      operator: 'contains',
      value: '{{group_id}}',
      then: 'reply_already',
      else: 'upsert',
    });
    expect(row('check_stopped')).toMatchObject({ condition: '{{subscriber_status}} is one of "unsubscribed", "bounced", "junk"', values: ['unsubscribed', 'bounced', 'junk'] });
    expect(row('check_read')).toMatchObject({ condition: '{{subscriber_id}} is empty', then: 'reply_later', else: 'check_stopped' });
    expect(row('check_cannot_import')).toMatchObject({ condition: '{{email_error}} contains "cannot be imported"', value: 'cannot be imported' });
    expect(row('check_form')).toMatchObject({ condition: '{{optin_form_url}} is empty' });
    expect(row('first_name')).toEqual({ node: 'first_name', type: 'set', set: '{{customer_first_name}} = first word of {{customer_name}}', variable: '{{customer_first_name}}', function: 'first_word', of: '{{customer_name}}', next: 'reply_subscribed' });
    expect(row('ask_email')).toMatchObject({ type: 'ask', variable: '{{customer_email}}', validate: 'email', next: 'lookup' });
    expect(row('reply_subscribed')).toEqual({ node: 'reply_subscribed', type: 'reply', text: 'You are now subscribed, {{customer_first_name}}! You will receive our newsletter at {{customer_email}}.', next: 'end_subscribed' });
  });

  it('captures the email with email validation and the name with a question; the phone is filled in by the builder', () => {
    expect(join.captures).toEqual([
      { variable: '{{customer_email}}', ask: 'What email address should we send the newsletter to?', validate: 'email', required: true, description: "The contact's email address.", example: 'priya@example.com' },
      { variable: '{{customer_name}}', ask: "And what's your name?", required: false, description: "The contact's name (the first word is used in replies).", example: 'Priya Sharma' },
      { variable: '{{customer_phone}}', required: false, description: "The contact's WhatsApp number in E.164 form, filled in by the builder.", example: '+919820000001' },
    ]);
  });

  it('says what to do instead of invalid_input, and to check group membership item by item', () => {
    expect(join.caveats.map((c) => [c.field, c.about])).toEqual([
      ['routing', 'lookup'],
      ['routing', 'check_member'],
      ['routing', 'upsert'],
    ]);
    expect(join.caveats[0]?.text).toBe(
      "`lookup`: the route `invalid_input -> ask_email` is our engine's check of the step's inputs before any request; the builder's step has no such branch. Turn on email validation on the ask that captures {{customer_email}}, so the step never gets a malformed value. The validation asks again itself; `ask_email`'s text is the message for an invalid answer.",
    );
    expect(join.caveats[1]?.text).toContain('`check_member`: {{subscriber_group_ids}} is a list: use the condition that checks for an item equal to {{group_id}} (list contains), not a text search');
    expect(join.caveats[2]?.text).toContain('Turn on email validation on the ask that captures {{customer_email}}; fill {{customer_phone}} with a valid phone in E.164 form (e.g. +919820000001)');
    expect(join.steps.map((s) => s.caveats.map((c) => [c.field, c.about]))).toEqual([
      [['retries', undefined]],
      [
        ['body', 'fields.name'],
        ['body', 'fields.phone'],
        ['retries', undefined],
      ],
    ]);
  });

  it('lists conversation variables, the plugin settings it reads, the step outputs and the set variable', () => {
    const bySource = (source: string): string[] => join.variables.filter((v) => v.source === source).map((v) => v.builder);
    expect(bySource('conversation')).toEqual(['{{customer_email}}', '{{customer_name}}', '{{customer_phone}}']);
    expect(bySource('setting').sort()).toEqual(['{{group_id}}', '{{optin_form_url}}']);
    expect(bySource('step output')).toEqual(['{{subscriber_id}}', '{{subscriber_status}}', '{{subscriber_group_ids}}', '{{error_message}}', '{{email_error}}']);
    expect(bySource('set step')).toEqual(['{{customer_first_name}}']);
  });

  it('prints a page with what to capture, the routing table, its caveats and each step form with its branches', () => {
    const page = flowPage(join);
    expect(section(page, '## Before the first step')).toContain('| `{{customer_email}}` | ask `What email address should we send the newsletter to?` | email validation on | yes |');
    const routing = section(page, '## Routing table');
    expect(routing).toContain('| `check_member` | Condition: `{{subscriber_group_ids}} contains {{group_id}}` | then -> `reply_already`<br>else -> `upsert` |');
    expect(routing).toContain('| `lookup` | External API Request `mailerlite.subscriber.lookup` (see below) | HTTP 200 -> `check_read`<br>HTTP 404 -> `upsert`<br>');
    expect(routing).toContain('| `first_name` | Set: `{{customer_first_name}} = first word of {{customer_name}}` | `reply_subscribed` |');
    expect(routing).toContain('> **Caveat:** `lookup`: the route `invalid_input -> ask_email`');
    expect(section(page, '#### 6. Response mapping')).toContain('```text\ndata.id -> subscriber_id\ndata.status -> subscriber_status\ndata.groups[*].id -> subscriber_group_ids\n```');
    expect(section(page, '#### 7. Status conditions')).toContain('```text\nHTTP 200 (found) -> check_read\nHTTP 404 (not_found) -> upsert\n');
    expect(section(page, '#### 6. Body')).toContain('"groups": ["{{group_id}}"]');
    expect(page).not.toContain('<<');
  });
});

describe('export of the classic JOIN flow', () => {
  const join = exportFlow(flow('whatsapp.join', 'classic'), catalog.template, context({ group_id: '123456789' }));

  it('checks membership after the groups step, an empty list as [], the group id given as a value', () => {
    const conditions = join.routing.flatMap((r) => (r.type === 'condition' ? [[r.node, r.condition]] : []));
    expect(conditions).toContainEqual(['check_groups_read', '{{subscriber_group_ids}} is empty']);
    expect(conditions).toContainEqual(['check_no_groups', '{{subscriber_group_ids}} equals "[]"']);
    expect(conditions).toContainEqual(['check_member', '{{subscriber_group_ids}} contains "123456789"']);
    expect(join.steps.find((s) => s.node === 'membership')?.form.response_mapping.map((r) => r.row)).toEqual(['[*].id -> subscriber_group_ids']);
    expect(join.steps.find((s) => s.node === 'add')?.form.url).toBe('https://api.mailerlite.com/api/v2/groups/123456789/subscribers');
  });
});

describe('flow node inputs and settings', () => {
  it('writes a node input given as a setting into its step, encoded when a value is given', () => {
    const setup = exportFlow(flow('setup.optin-group', 'new'), catalog.template, context({ group_name: 'WhatsApp Opt-Ins' }));
    const find = setup.steps.find((s) => s.node === 'find');
    expect(find?.form.url).toBe('https://connect.mailerlite.com/api/groups?filter[name]=WhatsApp%20Opt-Ins&limit=100&sort=name');
    expect(find?.caveats.map((c) => c.field)).toEqual(['retries']);
    const create = setup.steps.find((s) => s.node === 'create');
    expect(create?.form.body).toBe('{\n  "name": "WhatsApp Opt-Ins"\n}');
    const unset = exportFlow(flow('setup.optin-group', 'new'), catalog.template, context());
    expect(unset.steps.find((s) => s.node === 'find')?.form.url).toBe('https://connect.mailerlite.com/api/groups?filter[name]={{group_name}}&limit=100&sort=name');
    expect(unset.steps.find((s) => s.node === 'find')?.caveats.map((c) => [c.field, c.about])).toEqual([
      ['url', 'filter[name]'],
      ['retries', undefined],
    ]);
    expect(unset.variables.filter((v) => v.source === 'setting').map((v) => v.setting)).toEqual(['group_name']);
  });

  it('renames a setting whose name a conversation variable already has', () => {
    const scope: ExportScope = { settings: catalog.manifest.settings, values: {}, inputs: {}, taken: new Set(['group_id']) };
    expect(settingVariable('group_id', scope)).toBe('setting_group_id');
    expect(joinPieces(convertTemplate('<<settings.group_id>>/<<group_id>>', scope))).toBe('{{setting_group_id}}/{{group_id}}');
    expect(joinPieces(convertTemplate('Bearer <<secrets.api_key>>', scope))).toBe('Bearer YOUR_API_KEY');
  });
});
