import { describe, expect, it } from 'vitest';
import { TemplateSyntaxError } from '../../plugin/errors.js';
import type { JsonValue } from '../../plugin/json.js';
import { InvalidValue } from '../../plugin/request/invalid.js';
import { renderUrl } from '../../plugin/request/url.js';
import { readTable } from './support/tables.js';

/** A row of test/fixtures/url: a URL template and query over a context, the exact URL or why it is refused. */
interface UrlCase {
  name: string;
  url: string;
  query?: Record<string, string>;
  baseUrl?: string;
  context: Record<string, JsonValue>;
  expect: string | { invalid: { place: string; message: string } } | { error: string };
}

describe('render URL', () => {
  it.each(readTable<UrlCase>('url'))('$file: $name', (row) => {
    const context = { settings: {}, secrets: {}, ...row.context } as Parameters<typeof renderUrl>[2];
    const render = () => renderUrl(row.url, row.query, context, row.baseUrl);
    if (typeof row.expect === 'string') {
      const url = render();
      expect(url).toBe(row.expect);
      // What fetch will parse is the same URL: nothing normalised away, no segment climbed.
      expect(new URL(url as string).href).toBe(row.expect);
    } else if ('invalid' in row.expect) {
      const refused = render();
      expect(refused).toBeInstanceOf(InvalidValue);
      expect({ ...(refused as InvalidValue) }).toEqual(row.expect.invalid);
    } else {
      expect(render).toThrow(TemplateSyntaxError);
      expect(render).toThrow(row.expect.error);
    }
  });
});
