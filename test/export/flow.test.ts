import { describe, expect, it } from 'vitest';
import { exportFlow } from '../../plugin/export/flow.js';
import { flowPage } from '../../plugin/export/markdown.js';
import { convertTemplate, joinPieces, settingVariable, type ExportScope } from '../../plugin/export/placeholders.js';
import { catalog, context, flow, section } from './catalog.js';

describe('export of the JOIN flow (new API)', () => {
  const join = exportFlow(flow('whatsapp.join', 'new'), catalog.template, context());

  it('lists its steps as form fields under their node ids', () => {
    expect(join.steps.map((s) => [s.node, s.template, s.form.method, s.form.url])).toEqual([
      ['lookup', 'mailerlite.subscriber.lookup', 'GET', 'https://connect.mailerlite.com/api/subscribers/{{customer_email}}'],
      ['upsert', 'mailerlite.subscriber.upsert', 'POST', 'https://connect.mailerlite.com/api/subscribers'],
    ]);
    expect(join.trigger).toEqual({ keyword: 'JOIN' });
    expect(join.start).toBe('lookup');
  });

  it('has a routing table: each step outcome to its next node, replies with {{variables}}', () => {
    const lookup = join.routing.find((r) => r.node === 'lookup');
    expect(lookup).toEqual({
      node: 'lookup',
      type: 'step',
      template: 'mailerlite.subscriber.lookup',
      routes: [
        { outcome: 'already_in_group', next: 'reply_already', row: 'already_in_group -> reply_already' },
        { outcome: 'found_not_in_group', next: 'upsert', row: 'found_not_in_group -> upsert' },
        { outcome: 'not_found', next: 'upsert', row: 'not_found -> upsert' },
        { outcome: 'unsubscribed', next: 'reply_optin_form', row: 'unsubscribed -> reply_optin_form' },
        { outcome: 'unconfirmed', next: 'reply_confirm', row: 'unconfirmed -> reply_confirm' },
        { outcome: 'invalid_input', next: 'ask_email', row: 'invalid_input -> ask_email' },
      ],
      otherwise: 'reply_later',
    });
    const reply = join.routing.find((r) => r.node === 'reply_subscribed');
    expect(reply?.type === 'reply' && reply.text).toBe('You are now subscribed, {{customer_name}}! You will receive our newsletter at {{customer_email}}.');
    expect(reply?.type === 'reply' && reply.caveats.map((c) => c.text)).toEqual([
      '`reply_subscribed`: our engine prints only the first word of {{customer_name}} (Priya Sharma -> Priya); the builder prints the whole value.',
      '`reply_subscribed`: our engine shows ", {{customer_name}}" only when {{customer_name}} is set; the builder always shows it.',
    ]);
  });

  it('lists conversation variables, the plugin settings it reads and the step outputs', () => {
    const bySource = (source: string): string[] => join.variables.filter((v) => v.source === source).map((v) => v.builder);
    expect(bySource('conversation')).toEqual(['{{customer_email}}', '{{customer_name}}', '{{customer_phone}}']);
    expect(bySource('setting').sort()).toEqual(['{{group_id}}', '{{optin_form_url}}']);
    expect(bySource('step output')).toEqual(['{{subscriber_id}}', '{{subscriber_status}}', '{{subscriber_group_ids}}', '{{in_target_group}}', '{{error_message}}']);
  });

  it('prints a page with the routing table, the invalid_input caveat and each step form', () => {
    const page = flowPage(join);
    const routing = section(page, '## Routing table');
    expect(routing).toContain('| `lookup` | Step: `mailerlite.subscriber.lookup` (see below) | `already_in_group` -> `reply_already`<br>');
    expect(routing).toContain('> **Caveat:** `lookup`: the route invalid_input -> ask_email is taken by our engine before any request');
    expect(section(page, '#### 6. Body')).toContain('"groups": ["{{group_id}}"]');
    expect(page).not.toContain('<<');
  });
});

describe('flow node inputs and settings', () => {
  it('writes a node input given as a setting into its step, encoded when a value is given', () => {
    const setup = exportFlow(flow('setup.optin-group', 'new'), catalog.template, context({ group_name: 'WhatsApp Opt-Ins' }));
    const find = setup.steps.find((s) => s.node === 'find');
    expect(find?.form.url).toBe('https://connect.mailerlite.com/api/groups?filter[name]=WhatsApp%20Opt-Ins&limit=100&sort=name');
    const create = setup.steps.find((s) => s.node === 'create');
    expect(create?.form.body).toBe('{\n  "name": "WhatsApp Opt-Ins"\n}');
    const unset = exportFlow(flow('setup.optin-group', 'new'), catalog.template, context());
    expect(unset.steps.find((s) => s.node === 'find')?.form.url).toBe('https://connect.mailerlite.com/api/groups?filter[name]={{group_name}}&limit=100&sort=name');
  });

  it('renames a setting whose name a conversation variable already has', () => {
    const scope: ExportScope = { settings: catalog.manifest.settings, values: {}, inputs: {}, taken: new Set(['group_id']) };
    expect(settingVariable('group_id', scope)).toBe('setting_group_id');
    expect(joinPieces(convertTemplate('<<settings.group_id>>/<<group_id>>', scope).pieces)).toBe('{{setting_group_id}}/{{group_id}}');
    expect(joinPieces(convertTemplate('Bearer <<secrets.api_key>>', scope).pieces)).toBe('Bearer YOUR_API_KEY');
  });
});
