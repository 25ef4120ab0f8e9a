import { describe, expect, it } from 'vitest';
import type { JsonValue } from '../../plugin/json.js';
import { renderHeaders, type RenderedHeaders } from '../../plugin/request/headers.js';
import { InvalidValue } from '../../plugin/request/invalid.js';
import { SECRETS } from './support/catalog.js';
import { readTable } from './support/tables.js';

/** A row of test/fixtures/headers: header templates over a context, the rows sent and shown, or the refusal. */
interface HeadersCase {
  name: string;
  headers: Record<string, string>;
  context: Record<string, JsonValue>;
  expect: RenderedHeaders | { invalid: { place: string; message: string } };
}

describe('render headers', () => {
  it.each(readTable<HeadersCase>('headers'))('$file: $name', (row) => {
    const rendered = renderHeaders(row.headers, { settings: {}, secrets: SECRETS, ...row.context });
    if ('invalid' in row.expect) {
      expect(rendered).toBeInstanceOf(InvalidValue);
      expect({ ...(rendered as InvalidValue) }).toEqual(row.expect.invalid);
      expect((rendered as InvalidValue).message).not.toContain(SECRETS.api_key);
    } else {
      expect(rendered).toEqual(row.expect);
      expect(JSON.stringify((rendered as RenderedHeaders).shown)).not.toContain(SECRETS.api_key);
      // Every value sent is one that fetch accepts as it is.
      expect(Object.fromEntries(new Headers((rendered as RenderedHeaders).sent).entries())).toEqual(
        Object.fromEntries(Object.entries((rendered as RenderedHeaders).sent).map(([k, v]) => [k.toLowerCase(), v.trim()])),
      );
    }
  });

  it('shows a secret redacted even when the secrets object changes between steps', () => {
    const headers = { Authorization: 'Bearer <<secrets.api_key>>' };
    const secrets: Record<string, string> = {};
    const first = renderHeaders(headers, { settings: {}, secrets }) as RenderedHeaders;
    expect(first).toEqual({ sent: { Authorization: 'Bearer ' }, shown: { Authorization: 'Bearer ' } });
    secrets.api_key = 'ml-live-key';
    const second = renderHeaders(headers, { settings: {}, secrets }) as RenderedHeaders;
    expect(second).toEqual({ sent: { Authorization: 'Bearer ml-live-key' }, shown: { Authorization: 'Bearer [redacted:api_key]' } });
    const other = renderHeaders(headers, { settings: {}, secrets: { api_key: 'other' } }) as RenderedHeaders;
    expect(other.shown).toEqual({ Authorization: 'Bearer [redacted:api_key]' });
  });
});
