import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../plugin/catalog.js';
import { parseOrigin, readAccount, accountKey } from '../../plugin/node-red/account.js';
import { escapeHtml, paletteHtml } from '../../plugin/node-red/html.js';
import { redactResult, stepMessage } from '../../plugin/node-red/message.js';
import { INVALID_INPUT, nodeTypeOf, outputsOf, paletteType, paletteTypes } from '../../plugin/node-red/palette.js';
import { previewStep } from '../../plugin/node-red/preview.js';
import { sourceOf, toJsonValue } from '../../plugin/node-red/sources.js';
import { statusOf } from '../../plugin/node-red/status.js';
import type { NodeInstance } from '../../plugin/node-red/types.js';
import type { StepTemplate } from '../../plugin/generated/step-template.js';
import type { StepResult } from '../../plugin/step/result.js';

const catalog = loadCatalog();
const lookup = catalog.template('mailerlite.subscriber.lookup')!;
const upsert = catalog.template('mailerlite.subscriber.upsert')!;
const groups = catalog.template('mailerlite-classic.groups.list')!;

function result(template: StepTemplate, outcome: string, status: number | null, extra: Partial<StepResult> = {}): StepResult {
  const rule = template.outcomes.findIndex((o) => o.name === outcome);
  return {
    template: template.id,
    inputs: {},
    request: null,
    response: status === null ? null : { status, headers: {}, body: null },
    outputs: {},
    outcome,
    rule,
    attempts: 1,
    durationMs: 1,
    ...extra,
  };
}

describe('palette types from the declarations', () => {
  it('names each type after its template id, dots as dashes', () => {
    expect(nodeTypeOf('mailerlite.subscriber.lookup')).toBe('mailerlite-subscriber-lookup');
    expect(nodeTypeOf('mailerlite-classic.subscriber.lookup')).toBe('mailerlite-classic-subscriber-lookup');
    expect(paletteTypes(catalog).map((t) => t.type)).toEqual(catalog.templates.map((t) => nodeTypeOf(t.id)));
    expect(paletteTypes(catalog)).toHaveLength(catalog.manifest.templates.length);
    expect(paletteTypes(catalog).map((t) => t.label)).toEqual(catalog.templates.map((t) => t.name));
  });

  it('has one output per outcome in the template order, invalid_input last when there are inputs', () => {
    expect(outputsOf(lookup)).toEqual(['found', 'not_found', 'auth_error', 'rate_limited', 'error', INVALID_INPUT]);
    expect(outputsOf(groups)).toEqual(['listed', 'auth_error', 'rate_limited', 'error']);
  });

  it('reads each input from msg.payload.<name> unless the node names another msg, flow, global or env property', () => {
    const [email] = paletteType(lookup).inputs;
    expect(email).toMatchObject({ name: 'customer_email', property: 'input_customer_email', typeProperty: 'input_customer_emailType' });
    expect(sourceOf(email!, { id: 'n', type: 't' })).toEqual({ type: 'msg', value: 'payload.customer_email' });
    expect(sourceOf(email!, { id: 'n', type: 't', input_customer_email: ' contact ', input_customer_emailType: 'flow' })).toEqual({ type: 'flow', value: 'contact' });
    expect(sourceOf(email!, { id: 'n', type: 't', input_customer_email: 'x', input_customer_emailType: 'jsonata' })).toEqual({ type: 'msg', value: 'payload.customer_email' });
    expect(sourceOf(email!, { id: 'n', type: 't', input_customer_email: '', input_customer_emailType: 'env' })).toEqual({ type: 'msg', value: 'payload.customer_email' });
  });

  it('takes values as a builder variable holds them', () => {
    expect(toJsonValue(Buffer.from('priya@example.com'))).toBe('priya@example.com');
    expect(toJsonValue(new Date(Date.UTC(2024, 1, 1)))).toBe('2024-02-01T00:00:00.000Z');
    expect(toJsonValue({ a: [1, undefined, () => 1], b: undefined })).toEqual({ a: [1, null, null] });
    expect(toJsonValue(undefined)).toBeUndefined();
    expect(toJsonValue(Number.NaN)).toBe('NaN');
  });
});

describe('the account config node', () => {
  it('accepts what parseBaseUrl accepts (an origin, alone or with /api or /api/v2) or blank as the base URL, nothing else', () => {
    expect(parseOrigin('http://127.0.0.1:9090/')).toEqual({ origin: 'http://127.0.0.1:9090' });
    expect(parseOrigin('http://127.0.0.1:9090/api')).toEqual({ origin: 'http://127.0.0.1:9090' });
    expect(parseOrigin(' http://127.0.0.1:9090/api/v2/ ')).toEqual({ origin: 'http://127.0.0.1:9090' });
    expect(parseOrigin('  ')).toEqual({ origin: undefined });
    for (const bad of ['http://127.0.0.1:9090/api/subscribers', 'ftp://example.com', 'http://user:pw@example.com', 'http://example.com/?a=1', 'example.com']) {
      expect(parseOrigin(bad).problem, bad).toMatch(/^baseUrl \S+: .*expected an http:\/\/ or https:\/\/ origin/);
    }
  });

  it('never echoes a user name, password or query of the base URL in its problem', () => {
    const problem = parseOrigin('http://priya:s3cret@example.com/?key=abc123').problem ?? '';
    expect(problem).toMatch(/^baseUrl http:\/\/\[redacted\]@/);
    expect(problem).not.toMatch(/priya|s3cret|abc123/);
  });

  it('reads the settings with the manifest defaults, and the key from the credential or MAILERLITE_API_KEY', () => {
    const account = readAccount({ id: 'a', type: 'mailerlite-account', api: 'classic', groupId: ' 3640549 ', optinFormUrl: '', baseUrl: '' }, catalog);
    expect(account).toEqual({ api: 'classic', baseUrl: undefined, settings: { api_version: 'classic', group_id: '3640549', optin_form_url: undefined, group_name: 'WhatsApp Opt-Ins' } });
    expect(readAccount({ id: 'a', type: 'mailerlite-account' }, catalog).api).toBe('new');
    const node = (credentials: Record<string, string | undefined>): NodeInstance => ({ credentials }) as unknown as NodeInstance;
    expect(accountKey(node({ apiKey: ' key-1 ' }), { MAILERLITE_API_KEY: 'key-2' })).toBe('key-1');
    expect(accountKey(node({ apiKey: '' }), { MAILERLITE_API_KEY: 'key-2' })).toBe('key-2');
    expect(accountKey(node({}), {})).toBe('');
  });
});

describe('what a step node sends and shows', () => {
  it('merges the outputs into the payload and keeps the rest of the message', () => {
    const res = { end: 'kept' };
    const msg = stepMessage({ payload: { customer_email: 'priya@example.com', subscriber_id: 'old' }, res }, result(lookup, 'found', 200, { outputs: { subscriber_id: '987654321' } }), { group_id: '1' });
    expect(msg).toMatchObject({ payload: { customer_email: 'priya@example.com', subscriber_id: '987654321' }, outcome: 'found', settings: { group_id: '1' }, res });
    expect(stepMessage({ payload: 'text' }, result(lookup, 'found', 200, { outputs: { subscriber_id: null } }), {}).payload).toEqual({ subscriber_id: null });
  });

  it('redacts the key anywhere in the result, however it is written', () => {
    const key = 'secret-key/+1';
    const echoed = result(upsert, 'invalid', 422, { response: { status: 422, headers: { 'x-echo': key }, body: { message: `bad ${key}`, url: encodeURIComponent(key) } }, outputs: { error_message: `bad "${key}"` } });
    const redacted = JSON.stringify(redactResult(echoed, key));
    expect(redacted).not.toContain(key);
    expect(redacted).not.toContain(encodeURIComponent(key));
    expect(redacted).toContain('bad [redacted:api_key]');
  });

  it('shows the outcome and status: green for success, yellow for answers the flow routes, red for failures', () => {
    expect(statusOf(result(upsert, 'created', 201), upsert)).toEqual({ fill: 'green', shape: 'dot', text: 'created 201' });
    expect(statusOf(result(upsert, 'auth_error', 401), upsert)).toEqual({ fill: 'red', shape: 'ring', text: 'auth_error 401' });
    expect(statusOf(result(lookup, 'not_found', 404), lookup)).toEqual({ fill: 'yellow', shape: 'ring', text: 'not_found 404' });
    expect(statusOf(result(lookup, 'error', 422), lookup)).toEqual({ fill: 'red', shape: 'ring', text: 'error 422' });
    expect(statusOf(result(lookup, 'rate_limited', 429), lookup).fill).toBe('red');
    expect(statusOf(result(lookup, 'error', null, { error: { kind: 'timeout', message: 'no response' } }), lookup)).toEqual({ fill: 'red', shape: 'ring', text: 'error timeout' });
    expect(statusOf(result(lookup, INVALID_INPUT, null, { rule: -1, error: { kind: 'invalid_input', message: 'x' } }), lookup)).toEqual({ fill: 'yellow', shape: 'ring', text: INVALID_INPUT });
  });
});

describe('the preview route', () => {
  const entry = paletteType(upsert);

  it('shows the request the node would send, the key as its marker', () => {
    const answer = previewStep(entry, { account: { api: 'new', baseUrl: 'http://127.0.0.1:9090', groupId: '123456789' }, values: { customer_email: ' Priya@Example.com ', customer_name: 'Priya "Q"\n😀' } }, catalog);
    expect(answer.request).toEqual({
      method: 'POST',
      url: 'http://127.0.0.1:9090/api/subscribers',
      headers: { Authorization: 'Bearer [redacted:api_key]', Accept: 'application/json', 'Content-Type': 'application/json' },
      body: { email: 'priya@example.com', fields: { name: 'Priya "Q"\n😀' }, groups: ['123456789'], status: 'active' },
    });
  });

  it('says why nothing would be sent, and what is wrong with the account', () => {
    expect(previewStep(entry, { values: {} }, catalog).missing).toEqual(['customer_email']);
    expect(previewStep(entry, { values: { customer_email: 'priya@' } }, catalog).invalid?.[0]?.name).toBe('customer_email');
    expect(previewStep(entry, { account: { baseUrl: 'http://x/api/subscribers' }, values: {} }, catalog).problem).toMatch(/^baseUrl http:\/\/x\/api\/subscribers: the path/);
    expect(previewStep(entry, { account: { api: 'classic' }, values: { customer_email: 'priya@example.com' } }, catalog).problem).toBe('this step is for the new MailerLite API; the account is set to classic');
    expect(previewStep(entry, 'not an object', catalog).missing).toEqual(['customer_email']);
  });
});

describe('the editor HTML', () => {
  const script = '(function () { RED.nodes.registerType; })();';
  const html = paletteHtml(catalog, script);

  it('has an edit dialog and help per type, and the declarations as JSON for the editor script', () => {
    for (const entry of paletteTypes(catalog)) {
      expect(html).toContain(`<script type="text/html" data-template-name="${entry.type}">`);
      expect(html).toContain(`<script type="text/html" data-help-name="${entry.type}">`);
      for (const input of entry.inputs) expect(html).toContain(`id="node-input-${input.property}"`);
    }
    expect(html).toContain('data-template-name="mailerlite-account"');
    expect(html).toContain('id="node-config-input-apiKey"');
    const data = JSON.parse(/<script type="application\/json" id="mailerlite-steps-palette">([^<]*)<\/script>/.exec(html)![1]!) as { types: Array<{ type: string; outputs: string[] }> };
    expect(data.types.map((t) => t.type)).toEqual(paletteTypes(catalog).map((t) => t.type));
    expect(html).toContain(script);
  });

  it('escapes the declarations: text that looks like markup stays text', () => {
    expect(escapeHtml('<b onclick="x">&\'')).toBe('&lt;b onclick=&quot;x&quot;&gt;&amp;&#39;');
    const hostile = { ...upsert, id: 'x.hostile', name: '</script><img src=x>', description: '<script>alert(1)</script>' } as StepTemplate;
    const page = paletteHtml({ ...catalog, templates: [hostile] }, script);
    expect(page).not.toContain('<img src=x>');
    expect(page).not.toContain('<script>alert(1)');
    expect(page).toContain('\\u003c/script\\u003e\\u003cimg src=x\\u003e');
    expect(() => paletteHtml(catalog, 'x = "</script>"')).toThrow(/must not contain/);
  });
});

describe('docs/node-red.md', () => {
  it('lists every node type with its label, inputs and outputs in order', async () => {
    const { readFile } = await import('node:fs/promises');
    const doc = await readFile(new URL('../../docs/node-red.md', import.meta.url), 'utf8');
    const rows = [...doc.matchAll(/^\| `(mailerlite-[a-z-]+)` \| ([^|]+) \| ([^|]+) \| ([^|]+) \|$/gm)].map((m) => [m[1], m[2]!.trim(), m[3]!.trim(), m[4]!.trim()]);
    expect(rows).toEqual(
      paletteTypes(catalog).map((t) => [t.type, t.label, t.inputs.map((i) => `\`${i.name}\``).join(', ') || 'none', t.outputs.map((o) => `\`${o}\``).join(' · ')]),
    );
  });
});
