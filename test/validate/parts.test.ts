import { describe, expect, it } from 'vitest';
import type { Problem } from '../../plugin/declarations/problem.js';
import type { Flow } from '../../plugin/generated/flow.js';
import { analyzeExpression } from '../../plugin/validate/expression.js';
import { availableNames, reachableNodes } from '../../plugin/validate/flow-graph.js';
import { nearest } from '../../plugin/nearest.js';
import { isPlainPath } from '../../plugin/validate/plugin-data.js';
import { checkSchema } from '../../plugin/validate/schema.js';
import { sortProblems } from '../../plugin/validate/sort.js';

describe('analyzeExpression', () => {
  it.each([
    ['data.id', { variables: [], rootFields: ['data'], variableFields: [], outputFields: [] }],
    ['outputs.in_target_group && status == `200`', { variables: [], rootFields: ['outputs', 'status'], variableFields: [], outputFields: ['in_target_group'] }],
    ['contains(body.data.groups[].id, $settings.group_id)', { variables: ['settings'], rootFields: ['body'], variableFields: [{ variable: 'settings', field: 'group_id' }], outputFields: [] }],
    ['let $g = $settings.group_id in body.data.groups[?id == $g]', { variables: ['settings'], rootFields: ['body'], variableFields: [{ variable: 'settings', field: 'group_id' }], outputFields: [] }],
    ['body.data[?status == `"active"`].outputs.x', { variables: [], rootFields: ['body'], variableFields: [], outputFields: [] }],
    ['$.outputs.found', { variables: [], rootFields: ['outputs'], variableFields: [], outputFields: ['found'] }],
    ['$inputs.customer_email', { variables: ['inputs'], rootFields: [], variableFields: [{ variable: 'inputs', field: 'customer_email' }], outputFields: [] }],
  ])('%s', (source, reads) => {
    expect(analyzeExpression(source)).toEqual({ ok: true, ...reads });
  });

  it('returns a syntax error as a value', () => {
    expect(analyzeExpression('data.')).toMatchObject({ ok: false });
    expect(analyzeExpression('status == `active`')).toMatchObject({ ok: false });
  });
});

describe('flow graph', () => {
  const flow: Flow = {
    id: 'whatsapp.join',
    name: 'Join',
    description: 'Join',
    api: 'new',
    trigger: { keyword: 'JOIN' },
    variables: { customer_name: { type: 'string', description: 'Name' } },
    start: 'lookup',
    nodes: {
      lookup: { type: 'step', template: 'lookup', routes: { invalid_input: 'ask' }, otherwise: 'done' },
      ask: { type: 'ask', variable: 'customer_email', text: 'Email?', next: 'lookup' },
      done: { type: 'end', result: 'ok' },
      orphan: { type: 'reply', text: 'Hi', next: 'done' },
    },
  };

  it('finds the reachable nodes', () => {
    expect([...reachableNodes(flow)].sort()).toEqual(['ask', 'done', 'lookup']);
  });

  it('counts a name as available only when every path from start sets it', () => {
    const available = availableNames(flow, (_, node) => (node.type === 'ask' ? [node.variable] : node.type === 'step' ? ['subscriber_id'] : []));
    expect([...(available.get('lookup') ?? [])]).toEqual(['customer_name']);
    expect([...(available.get('done') ?? [])].sort()).toEqual(['customer_name', 'subscriber_id']);
    expect(available.has('orphan')).toBe(false);
  });
});

describe('helpers', () => {
  it('suggests the nearest name only when it is close', () => {
    expect(nearest('not_fund', ['found', 'not_found', 'error'])).toBe('not_found');
    expect(nearest('zzz', ['found', 'not_found'])).toBeUndefined();
  });

  it('accepts only plain relative paths', () => {
    expect(isPlainPath('templates/steps/new/subscriber-lookup.json')).toBe(true);
    expect(isPlainPath('templates/steps/../../package.json')).toBe(false);
    expect(isPlainPath('/etc/passwd.json')).toBe(false);
    expect(isPlainPath('templates\\steps\\x.json')).toBe(false);
  });

  it('sorts problems by file, then pointer with numeric indexes', () => {
    const at = (file: string, pointer: string): Problem => ({ file, pointer, rule: 'r', message: 'm' });
    const sorted = sortProblems([at('b.json', ''), at('a.json', '/outcomes/10'), at('a.json', '/outcomes/2/name'), at('a.json', '/outcomes/2'), at('a.json', '')]);
    expect(sorted.map((p) => `${p.file} ${p.pointer}`)).toEqual(['a.json ', 'a.json /outcomes/2', 'a.json /outcomes/2/name', 'a.json /outcomes/10', 'b.json ']);
  });
});

describe('schema errors', () => {
  it('reports a failed oneOf by the branch the value meant, not by every branch', () => {
    const node = { type: 'reply', text: 'Hi', next: 'done', nxt: 'done' };
    const flow = { id: 'a', name: 'a', description: 'a', api: 'new', trigger: { keyword: 'A' }, variables: {}, start: 'x', nodes: { x: node, done: { type: 'end', result: 'ok' } } };
    expect(checkSchema('flow', 'f.json', flow).map(({ pointer, message }) => ({ pointer, message }))).toEqual([{ pointer: '/nodes/x/nxt', message: 'unknown property "nxt"' }]);
  });

  it('follows nested oneOfs down to the precise error', () => {
    const problems = checkSchema('step-template', 't.json', {
      id: 'x',
      name: 'x',
      description: 'x',
      api: 'new',
      inputs: {},
      request: { method: 'GET', url: 'https://connect.mailerlite.com/api/groups' },
      outputs: {},
      outcomes: [
        { name: 'missing', description: 'x', when: { status: '40x' } },
        { name: 'error', description: 'x', fallback: true },
      ],
    });
    expect(problems.map(({ pointer, message }) => ({ pointer, message }))).toEqual([{ pointer: '/outcomes/0/when/status', message: 'must match pattern "^[1-5]xx$"' }]);
  });
});
