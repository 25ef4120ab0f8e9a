import { describe, expect, it } from 'vitest';
import type { JsonValue } from '../../plugin/json.js';
import { renderBody } from '../../plugin/request/body.js';
import { readTable } from './support/tables.js';

/** A row of test/fixtures/body: a body template over a context, the exact JSON value built. */
interface BodyCase {
  name: string;
  body: JsonValue;
  context: Record<string, JsonValue>;
  expect: JsonValue;
}

describe('render JSON body', () => {
  it.each(readTable<BodyCase>('body'))('$file: $name', (row) => {
    const value = renderBody(row.body, { settings: {}, secrets: { api_key: 'k' }, ...row.context });
    expect(value).toEqual(row.expect);
    // What goes on the wire parses back to the same value.
    expect(JSON.parse(JSON.stringify(value))).toEqual(row.expect);
  });

  it('leaves a template without a body without one', () => {
    expect(renderBody(undefined, { settings: {}, secrets: {} })).toBeUndefined();
  });

  it('never shares objects with the context (a later change cannot alter a built body)', () => {
    const context = { tags: ['a'], settings: {}, secrets: {} };
    const value = renderBody({ tags: '<<tags>>' }, context) as { tags: string[] };
    context.tags.push('b');
    expect(value.tags).toEqual(['a']);
  });
});
