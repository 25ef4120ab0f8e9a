import { cp, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { packageRoot } from '../../plugin/paths.js';
import { validateTree } from '../../plugin/validate/index.js';
import { applyChange, removeTree, type Change, type Located } from './fixture-tree.js';

/** A copy of the shipped declarations (manifest with its builder profile, templates, flows). */
async function copyShippedTree(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'profile-'));
  for (const part of ['manifest.json', 'templates', 'package.json']) await cp(path.join(packageRoot(), part), path.join(dir, part), { recursive: true });
  return dir;
}

const JOIN = 'templates/flows/new/whatsapp-join.json';
const LOOKUP = 'templates/steps/new/subscriber-lookup.json';
const at = (file: string, pointer: string): Located => ({ file, pointer, rule: 'builder-profile' });

const CASES: Array<{ name: string; change: Change; expected: Located }> = [
  { name: 'an output that is JMESPath, not a plain path', change: { file: LOOKUP, pointer: '/outputs/subscriber_group_ids/expression', value: 'data.groups[].id' }, expected: at(LOOKUP, '/outputs/subscriber_group_ids/expression') },
  { name: 'a function in an output', change: { file: LOOKUP, pointer: '/outputs/subscriber_id/expression', value: 'to_string(data.id)' }, expected: at(LOOKUP, '/outputs/subscriber_id/expression') },
  { name: 'an outcome that reads the body', change: { file: LOOKUP, pointer: '/outcomes/0/when/condition', value: "outputs.subscriber_status == 'active'" }, expected: at(LOOKUP, '/outcomes/0/when/condition') },
  { name: 'a helper in a reply', change: { file: JOIN, pointer: '/nodes/reply_subscribed/text', value: 'Hi <<first_name customer_name>>!' }, expected: at(JOIN, '/nodes/reply_subscribed/text') },
  { name: "a helper in an ask's invalid_text", change: { file: JOIN, pointer: '/nodes/ask_email/invalid_text', value: 'Try again, <<first_name customer_name>>.' }, expected: at(JOIN, '/nodes/ask_email/invalid_text') },
  { name: 'a block in a reply', change: { file: JOIN, pointer: '/nodes/reply_already/text', value: 'Hi<<#if customer_name>> <<customer_name>><</if>>!' }, expected: at(JOIN, '/nodes/reply_already/text') },
  { name: 'a helper in a request header', change: { file: LOOKUP, pointer: '/request/headers/Accept', value: '<<lower settings.group_id>>' }, expected: at(LOOKUP, '/request/headers/Accept') },
  { name: 'a condition on a variable the flow never sets', change: { file: JOIN, pointer: '/nodes/check_member/variable', value: 'subscriber_groups' }, expected: at(JOIN, '/nodes/check_member/variable') },
  { name: 'a condition on a setting that does not exist', change: { file: JOIN, pointer: '/nodes/check_form/variable', value: 'settings.form_url' }, expected: at(JOIN, '/nodes/check_form/variable') },
  { name: 'contains without a value', change: { file: JOIN, pointer: '/nodes/check_member/value', delete: true }, expected: at(JOIN, '/nodes/check_member/value') },
  { name: 'is_one_of without values', change: { file: JOIN, pointer: '/nodes/check_stopped/values', delete: true }, expected: at(JOIN, '/nodes/check_stopped/values') },
  { name: 'an operator the profile does not list', change: { file: 'manifest.json', pointer: '/builder/conditions', value: ['equals', 'is_one_of', 'is_empty', 'is_not_empty'] }, expected: at(JOIN, '/nodes/check_member/operator') },
  { name: 'a text function the profile does not list', change: { file: 'manifest.json', pointer: '/builder/text_functions', value: [] }, expected: at(JOIN, '/nodes/first_name/function') },
  { name: 'an ask validation the profile does not list', change: { file: 'manifest.json', pointer: '/builder/ask_validation', value: ['phone'] }, expected: at(JOIN, '/nodes/ask_email/validate') },
];

describe('validate: the builder profile', () => {
  let dir: string | undefined;
  afterEach(async () => {
    if (dir) await removeTree(dir);
    dir = undefined;
  });

  it('holds for the shipped templates and flows', async () => {
    dir = await copyShippedTree();
    const result = await validateTree(dir);
    expect(result.problems).toEqual([]);
  });

  it.each(CASES.map((c) => [c.name, c] as const))('names %s by file and pointer', async (_name, { change, expected }) => {
    dir = await copyShippedTree();
    await applyChange(dir, change);
    const result = await validateTree(dir);
    const found = result.problems.filter((p) => p.rule === 'builder-profile');
    expect(found.map(({ file, pointer, rule }) => ({ file, pointer, rule }))).toContainEqual(expected);
    for (const problem of found) {
      expect(problem.expected?.length ?? 0).toBeGreaterThan(0);
      expect(problem.example?.length ?? 0).toBeGreaterThan(0);
    }
  });

  it('checks nothing when the manifest names no profile', async () => {
    dir = await copyShippedTree();
    await applyChange(dir, { file: LOOKUP, pointer: '/outputs/subscriber_id/expression', value: 'to_string(data.id)' });
    await applyChange(dir, { file: 'manifest.json', pointer: '/builder', delete: true });
    const result = await validateTree(dir);
    expect(result.problems.filter((p) => p.rule === 'builder-profile')).toEqual([]);
  });
});
