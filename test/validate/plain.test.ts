import { describe, expect, it } from 'vitest';
import { plainPath, plainVariable } from '../../plugin/declarations/plain.js';

describe('plain paths (the one parser validate and the exports share)', () => {
  it.each([
    ['data.id', [{ name: 'data' }, { name: 'id' }]],
    ['data[0].id', [{ name: 'data' }, { index: 0 }, { name: 'id' }]],
    ['data.groups[*].id', [{ name: 'data' }, { name: 'groups' }, { each: true }, { name: 'id' }]],
    ['[0].name', [{ index: 0 }, { name: 'name' }]],
    ['message', [{ name: 'message' }]],
    ['Data.ID', [{ name: 'Data' }, { name: 'ID' }]],
  ])('%s', (expression, steps) => {
    expect(plainPath(expression)).toEqual(steps);
  });

  it.each(['', 'length(data)', 'data.groups[].id', 'data[?id]', 'a || b', '.data', 'data..id', 'data[0]id', 'data.', '$settings.group_id', 'data[-1]', '`1`'])('refuses %j', (expression) => {
    expect(plainPath(expression)).toBeUndefined();
  });
});

describe('plain placeholders', () => {
  it.each([
    ['customer_email', ['customer_email']],
    [' settings.group_id ', ['settings', 'group_id']],
    ['secrets.api_key', ['secrets', 'api_key']],
    ['customer.address.city', ['customer', 'address', 'city']],
  ])('%j reads %j', (tag, path) => {
    expect(plainVariable(tag)).toEqual(path);
  });

  it.each(['first_name customer_name', '#if customer_name', '/if', 'else', 'this', 'true', 'lower', 'Customer_email', 'settings/group_id', 'a.', '!comment', 'default x "y"'])('refuses %j', (tag) => {
    expect(plainVariable(tag)).toBeUndefined();
  });
});
