import { describe, expect, it } from 'vitest';
import { loadCatalog, type Catalog } from '../../plugin/catalog.js';
import { exportNodeRed, NodeRedExportError, routeOf } from '../../plugin/export/node-red/index.js';
import { holds as exportedHolds, textFunction } from '../../plugin/export/node-red/flow.js';
import { inputCheck } from '../../plugin/export/node-red/inputs.js';
import { program } from '../../plugin/export/node-red/jsonata.js';
import type { NodeRedNode } from '../../plugin/export/node-red/nodes.js';
import { FLOW_SCOPE, text } from '../../plugin/export/node-red/placeholders.js';
import { requestParts } from '../../plugin/export/node-red/request.js';
import { outputValue } from '../../plugin/export/node-red/step.js';
import { holds, setValue } from '../../plugin/flow/condition.js';
import type { ConditionNode, StepNode } from '../../plugin/generated/flow.js';
import type { StepTemplate, VariableDeclaration } from '../../plugin/generated/step-template.js';
import type { JsonValue } from '../../plugin/json.js';
import { renderBody } from '../../plugin/request/body.js';
import { renderContext } from '../../plugin/request/context.js';
import { mapOutputs } from '../../plugin/response/map.js';
import { checkInputs } from '../../plugin/step/inputs.js';
import { renderText } from '../../plugin/template/compile.js';
import { compileJsonata, evaluateJsonata } from './support/node-red-jsonata.js';
import { HOSTILE_NAME } from './support/scenarios.js';

/**
 * The Node-RED export without a running Node-RED: its shape (core nodes only, every wire
 * to a node, every JSONata expression valid, no key), its refusals, and its JSONata
 * agreeing with our engine's functions on tables of values (conditions, first_word, plain
 * paths, bodies, texts, input checks). The real-engine runs are node-red-{new,classic}.test.ts.
 */
const catalog = loadCatalog();
const CORE = new Set(['tab', 'comment', 'http in', 'http response', 'http request', 'change', 'switch', 'delay', 'catch']);

function exported(api: 'new' | 'classic', from: Catalog = catalog): NodeRedNode[] {
  const { files } = exportNodeRed(from, { api });
  expect(files.map((f) => f.path)).toEqual(['flows.json']);
  return JSON.parse(files[0]!.content) as NodeRedNode[];
}

function expressions(nodes: NodeRedNode[]): string[] {
  return nodes.flatMap((n) => {
    if (n.type === 'change') return n.rules.flatMap((r) => (r.t === 'set' && r.tot === 'jsonata' ? [r.to] : []));
    if (n.type === 'switch') return n.rules.flatMap((r) => (r.t === 'jsonata_exp' ? [r.v] : []));
    return [];
  });
}

describe.each(['new', 'classic'] as const)('the %s export', (api) => {
  const nodes = exported(api);

  it('uses core nodes only, no function node', () => {
    expect(nodes.filter((n) => !CORE.has(n.type))).toEqual([]);
  });

  it('answers POST /mailerlite-steps/<flow id> for each flow, on a tab of its own', () => {
    const flows = catalog.flows.filter((f) => f.api === api);
    const inputs = nodes.flatMap((n) => (n.type === 'http in' ? [`${n.method} ${n.url}`] : []));
    expect(inputs.sort()).toEqual(flows.map((f) => `post ${routeOf(f)}`).sort());
    expect(nodes.filter((n) => n.type === 'tab')).toHaveLength(flows.length);
    expect(nodes.filter((n) => n.type === 'http response')).toHaveLength(flows.length);
  });

  it('sends each step with an http request node of the template method', () => {
    const methods = nodes.flatMap((n) => (n.type === 'http request' ? [n.method] : [])).sort();
    const steps = catalog.flows.filter((f) => f.api === api).flatMap((f) => Object.values(f.nodes).flatMap((n) => (n.type === 'step' ? [catalog.template(n.template)!.request.method] : [])));
    expect(methods).toEqual(steps.sort());
  });

  it('has unique ids and wires every output to a node on the same tab', () => {
    const byId = new Map(nodes.map((n) => [n.id, n]));
    expect(byId.size).toBe(nodes.length);
    for (const node of nodes) {
      if (!('wires' in node)) continue;
      for (const target of node.wires.flat()) {
        const to = byId.get(target);
        expect(to && to.type !== 'tab' ? to.z : undefined, `${node.name} -> ${target}`).toBe(node.z);
      }
    }
  });

  it('writes only JSONata that Node-RED compiles', () => {
    const all = expressions(nodes);
    expect(all.length).toBeGreaterThan(50);
    for (const source of all) expect(() => compileJsonata(source), source.slice(0, 300)).not.toThrow();
  });

  it('reads the key from MAILERLITE_API_KEY and never holds one', () => {
    const content = JSON.stringify(nodes);
    expect(content).toContain('$env(\\"MAILERLITE_API_KEY\\")');
    expect(content).not.toMatch(/Bearer [A-Za-z0-9]/);
    for (const name of ['MAILERLITE_BASE_URL', 'MAILERLITE_GROUP_ID', 'MAILERLITE_OPTIN_FORM_URL', 'MAILERLITE_GROUP_NAME']) expect(content).toContain(name);
  });

  it('is the same for the same declarations', () => {
    expect(exportNodeRed(catalog, { api }).files).toEqual(exportNodeRed(loadCatalog(), { api }).files);
  });
});

describe('a declaration outside the builder profile', () => {
  it('is refused, naming every problem by file and JSON Pointer', () => {
    const flows = catalog.flows.map((f) => structuredClone(f));
    const join = flows.find((f) => f.api === 'new' && f.id === 'whatsapp.join')!;
    const reply = Object.entries(join.nodes).find(([, n]) => n.type === 'reply')!;
    if (reply[1].type === 'reply') reply[1].text = 'Hi <<first_name customer_name>><<#if customer_email>>!<</if>>';
    const templates = catalog.templates.map((t) => structuredClone(t));
    const lookup = templates.find((t) => t.id === 'mailerlite.subscriber.lookup')!;
    lookup.outputs.subscriber_id!.expression = 'length(data)';
    lookup.outcomes.unshift({ name: 'odd', description: 'reads the body', when: { status: 200, condition: 'body.data' } });
    const broken: Catalog = { ...catalog, flows, templates, template: (id) => templates.find((t) => t.id === id), flow: (id, api) => flows.find((f) => f.id === id && f.api === api) };

    const error = (() => {
      try {
        exportNodeRed(broken, { api: 'new' });
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(NodeRedExportError);
    const problems = (error as NodeRedExportError).problems;
    const file = { flow: 'templates/flows/new/whatsapp-join.json', lookup: 'templates/steps/new/subscriber-lookup.json' };
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ file: file.flow, pointer: `/nodes/${reply[0]}/text`, rule: 'node-red-export', message: '<<first_name customer_name>> is not a plain placeholder' }),
        expect.objectContaining({ file: file.flow, pointer: `/nodes/${reply[0]}/text`, message: '<<#if customer_email>> is not a plain placeholder' }),
        expect.objectContaining({ file: file.lookup, pointer: '/outputs/subscriber_id/expression', message: 'output "subscriber_id" is not a plain path: length(data)' }),
        expect.objectContaining({ file: file.lookup, pointer: '/outcomes/0/when/condition', message: 'outcome "odd" reads the response body' }),
      ]),
    );
    expect(problems.every((p) => p.expected && p.example)).toBe(true);
    expect((error as Error).message).toContain(`${file.flow} at /nodes/${reply[0]}/text: <<first_name customer_name>> is not a plain placeholder [node-red-export]`);
    // The classic flows do not use them: their export still works.
    expect(() => exportNodeRed(broken, { api: 'classic' })).not.toThrow();
  });
});

const condition = (variable: string, operator: ConditionNode['operator'], extra: Partial<ConditionNode> = {}): ConditionNode => ({ type: 'condition', variable, operator, then: 'a', else: 'b', ...extra });

describe("the export's JSONata agrees with our engine", () => {
  const settings = { group_id: '123456789', empty: '  ' };
  const values: Array<JsonValue | undefined> = [undefined, null, '', '  \n', 'x', ' Priya Sharma ', '123456789', 123456789, 3640549, 0, true, false, [], [''], ['1234567890'], ['123456789', '5'], [123456789], { a: 1 }, ['a', { b: 2 }], HOSTILE_NAME];
  const nodes: ConditionNode[] = [
    condition('v', 'is_empty'),
    condition('v', 'is_not_empty'),
    condition('v', 'equals', { value: '123456789' }),
    condition('v', 'equals', { value: '' }),
    condition('v', 'equals', { value: '<<settings.group_id>>' }),
    condition('v', 'equals', { value: '{"a":1}' }),
    condition('v', 'equals', { value: 'true' }),
    condition('v', 'is_one_of', { values: ['x', '0', '<<settings.group_id>>', 'false'] }),
    condition('v', 'contains', { value: '<<settings.group_id>>' }),
    condition('v', 'contains', { value: '123456789' }),
    condition('v', 'contains', { value: 'Sharma' }),
    condition('v', 'contains', { value: '<<settings.empty>>' }),
    condition('v', 'contains', { value: '<<settings.missing>>' }),
    condition('settings.group_id', 'equals', { value: '123456789' }),
    condition('settings.missing', 'is_empty'),
  ];

  it('on conditions (compared as text; contains on a list is exact membership)', async () => {
    for (const node of nodes) {
      for (const v of values) {
        const vars = v === undefined ? {} : { v };
        const want = holds(node, renderContext(vars, settings, {}));
        const got = await evaluateJsonata(program(exportedHolds(node)), { vars, settings });
        expect(got, `${JSON.stringify(node)} on ${JSON.stringify(v)}`).toBe(want);
      }
    }
    expect(holds(condition('v', 'contains', { value: '123456789' }), renderContext({ v: ['1234567890'] }, settings, {}))).toBe(false);
  });

  it('on first_word', async () => {
    for (const v of values) {
      const vars: Record<string, JsonValue> = v === undefined ? {} : { v };
      const node = { type: 'set', variable: 'w', function: 'first_word', of: 'v', next: 'n' } as const;
      expect(await evaluateJsonata(program(textFunction(node)), { vars }), JSON.stringify(v)).toEqual(setValue(node, vars));
    }
  });

  it('on texts with plain placeholders', async () => {
    for (const v of values) {
      const vars = v === undefined ? {} : { v };
      const source = 'a <<v>> b <<settings.group_id>><<settings.missing>> \\<<v>> {{v}}';
      expect(await evaluateJsonata(program(text(source, FLOW_SCOPE)), { vars, settings }), JSON.stringify(v)).toBe(renderText(source, renderContext(vars, settings, {})));
    }
  });

  it('on plain-path outputs (null when absent; [*] keeps what is not null; text outputs hold numbers as text)', async () => {
    const bodies: JsonValue[] = [
      { data: { id: '987654321', status: 'active', groups: [{ id: '1' }, { name: 'no id' }, { id: null }, { id: 42 }] } },
      { data: { groups: [] } },
      { data: { groups: [{ id: '123456789' }] } },
      { data: [{ id: 1, name: 'A' }, { id: 2, name: 'B' }], meta: { total: 2 } },
      [{ id: 3640549, name: 'WhatsApp Opt-Ins' }],
      [],
      { errors: { email: ['cannot be imported'] }, message: 'The email is invalid.' },
      { data: null },
      'not json',
      null,
      { id: 987654321, type: 'active', error: { message: 'x' } },
      { data: { groups: 'not a list' } },
      { a: [{ b: [{ c: 1 }, { c: null }] }, { b: [] }, {}] },
    ];
    const paths = ['data.id', 'data.status', 'data.groups[*].id', 'data[0].id', 'data[1].name', 'data[5].id', 'data[*].name', 'meta.total', '[0].id', '[*].name', '[*].id', 'id', 'type', 'message', 'errors.email[0]', 'error.message', 'a[*].b[*].c', 'a[0]', 'data'];
    for (const body of bodies) {
      for (const expression of paths) {
        for (const type of ['string', 'array', undefined] as const) {
          const outputs = { o: { expression, description: 'o', ...(type ? { type } : {}) } };
          const want = mapOutputs(outputs, { status: 200, headers: {}, body, json: true }, {}, {}).o;
          const got = await compileJsonata(program(outputValue(expression, type))).evaluate({}, { body });
          expect(got, `${expression} (${type}) over ${JSON.stringify(body)}`).toEqual(want);
        }
      }
    }
  });

  const template = (body: JsonValue, inputs: Record<string, VariableDeclaration> = {}): StepTemplate => ({
    id: 't',
    name: 't',
    description: 't',
    api: 'new',
    inputs,
    request: { method: 'POST', url: 'https://connect.mailerlite.com/api/things/<<id>>', query: { 'filter[name]': '<<name>>', limit: '100' }, headers: { Authorization: 'Bearer <<secrets.api_key>>', 'X-Name': '<<name>>' }, body },
    outputs: {},
    outcomes: [{ name: 'error', description: 'e', fallback: true }],
  });

  it('on request bodies (a value, never pasted text; blank optional values drop their key)', async () => {
    const body: JsonValue = {
      email: '<<email>>',
      fields: { name: '<<name>>', phone: '<<phone>>', both: '<<name>> <<phone>>' },
      groups: ['<<settings.group_id>>', '<<blank>>'],
      tags: '<<tags>>',
      nested: [['<<blank>>'], [], '<<tags>>'],
      emptied: { a: '<<blank>>' },
      kept: {},
      literal: 'as \\<<written>> {{x}}',
      n: 1,
      yes: true,
      none: null,
    };
    const inputs: Array<Record<string, JsonValue>> = [
      { email: 'priya+news@example.com', name: HOSTILE_NAME, phone: '+919820000001', tags: ['a', 'b'], blank: '  ' },
      { email: 'p@x.com', name: '', tags: [] },
      { email: 'p@x.com', tags: ['only'] },
      {},
    ];
    for (const input of inputs) {
      const parts = requestParts(template(body), { variables: 'input', secrets: { api_key: 'MAILERLITE_API_KEY' } });
      const got = await evaluateJsonata(program(parts.body!), { input, settings });
      expect(got, JSON.stringify(input)).toEqual(renderBody(body, renderContext(input, settings, {})));
    }
  });

  it('on URLs, query and headers (one encoded segment per value; blank query values and headers left out)', async () => {
    const parts = requestParts(template({}), { variables: 'input', secrets: { api_key: 'MAILERLITE_API_KEY' } });
    const env = { MAILERLITE_API_KEY: 'k-123', MAILERLITE_BASE_URL: 'http://127.0.0.1:9/' };
    const cases: Array<{ input: Record<string, JsonValue>; url: string; headers: Record<string, string>; unplaceable: boolean }> = [
      { input: { id: 'priya+1@x.com', name: 'A & B/C?' }, url: 'http://127.0.0.1:9/api/things/priya%2B1@x.com?filter[name]=A%20%26%20B%2FC%3F&limit=100', headers: { Authorization: 'Bearer k-123', 'X-Name': 'A & B/C?' }, unplaceable: false },
      { input: { id: '../groups', name: ' ' }, url: 'http://127.0.0.1:9/api/things/..%2Fgroups?limit=100', headers: { Authorization: 'Bearer k-123' }, unplaceable: false },
      { input: { id: '..', name: 'x' }, url: 'http://127.0.0.1:9/api/things/..?filter[name]=x&limit=100', headers: { Authorization: 'Bearer k-123', 'X-Name': 'x' }, unplaceable: true },
      { input: { id: '1', name: 'line\nbreak' }, url: 'http://127.0.0.1:9/api/things/1?filter[name]=line%0Abreak&limit=100', headers: { Authorization: 'Bearer k-123', 'X-Name': 'line\nbreak' }, unplaceable: true },
      { input: { id: '1', name: 'Zoë 🎉' }, url: 'http://127.0.0.1:9/api/things/1?filter[name]=Zo%C3%AB%20%F0%9F%8E%89&limit=100', headers: { Authorization: 'Bearer k-123', 'X-Name': 'Zoë 🎉' }, unplaceable: true },
    ];
    for (const c of cases) {
      const msg = { input: c.input };
      expect(await evaluateJsonata(program(parts.url), msg, env)).toBe(c.url);
      expect(await evaluateJsonata(program(parts.headers), msg, env)).toEqual(c.headers);
      expect(await evaluateJsonata(program(parts.unplaceable), msg, env), JSON.stringify(c.input)).toBe(c.unplaceable);
    }
    // Without MAILERLITE_BASE_URL, the template's own origin.
    expect(await evaluateJsonata(program(parts.url), { input: { id: '1' } }, {})).toBe('https://connect.mailerlite.com/api/things/1?limit=100');
  });

  it('on input checks (emails trimmed and lower-cased; invalid and missing values give invalid_input)', async () => {
    const declared: Record<string, VariableDeclaration> = {
      email: { type: 'string', format: 'email', required: true, description: 'e' },
      phone: { type: 'string', format: 'phone', description: 'p' },
      id: { type: 'string', format: 'id', description: 'i' },
      name: { type: 'string', description: 'n', default: 'there' },
      count: { type: 'integer', description: 'c' },
      ratio: { type: 'number', description: 'r', enum: [0.5, 1] },
      flag: { type: 'boolean', description: 'f' },
      code: { type: 'string', description: 'c', pattern: '^[A-Z]{2}$', enum: ['AB', 'CD'] },
    };
    const node: StepNode = { type: 'step', template: 't', routes: {} };
    const check = inputCheck(template({}, declared), node);
    const given: Array<Record<string, JsonValue>> = [
      { email: ' Priya+News@Example.COM ' },
      { email: 'priya(at)example.com' },
      { email: '   ' },
      { email: 'p@x.com', phone: ' +919820000001 ', id: ' 42 ', name: '  ', count: '7', ratio: 1, flag: 'true', code: 'AB' },
      { email: 'p@x.com', phone: '98200 00001' },
      { email: 'p@x.com', id: '12a' },
      { email: 'p@x.com', count: '7.5' },
      { email: 'p@x.com', count: 7, ratio: '0.5', flag: false },
      { email: 'p@x.com', ratio: 2 },
      { email: 'p@x.com', code: 'EF' },
      { email: 'p@x.com', code: 'ab' },
      { email: 'p@x.com', name: 42, flag: 'yes' },
      { email: 42 },
    ];
    for (const vars of given) {
      let want: { invalid: boolean; input?: Record<string, JsonValue> };
      try {
        const checked = checkInputs('t', declared, vars);
        want = checked.ok ? { invalid: false, input: checked.values } : { invalid: true };
      } catch {
        want = { invalid: true }; // missing: invalid_input inside a flow
      }
      const msg: Record<string, unknown> = { vars };
      msg.check = await evaluateJsonata(program(check.check), msg);
      msg.input = await evaluateJsonata(program(check.input), msg);
      const invalid = await evaluateJsonata(program(check.invalid), msg);
      expect(want.invalid ? { invalid } : { invalid, input: msg.input }, JSON.stringify(vars)).toEqual(want);
    }
  });
});
