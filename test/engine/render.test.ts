import { describe, expect, it } from 'vitest';
import { TemplateSyntaxError } from '../../plugin/errors.js';
import type { JsonValue } from '../../plugin/json.js';
import { compileTemplate } from '../../plugin/template/compile.js';
import { referencedPaths } from '../../plugin/template/references.js';
import { readTable } from './support/tables.js';

/** A row of test/fixtures/render: a template over a context, the exact text (or error), the paths it reads. */
interface RenderCase {
  name: string;
  template: string;
  context: Record<string, JsonValue>;
  expect?: string;
  error?: string;
  paths?: string[];
}

describe('render template text', () => {
  it.each(readTable<RenderCase>('render'))('$file: $name', (row) => {
    if (row.error !== undefined) {
      const attempt = () => compileTemplate(row.template).render(row.context);
      expect(attempt).toThrow(TemplateSyntaxError);
      expect(attempt).toThrow(row.error);
      try {
        attempt();
      } catch (error) {
        expect((error as TemplateSyntaxError).message).toBe(row.error);
        expect((error as TemplateSyntaxError).template).toBe(row.template);
      }
      return;
    }
    expect(compileTemplate(row.template).render(row.context)).toBe(row.expect);
    if (row.paths) expect(referencedPaths(row.template)).toEqual(row.paths);
  });
});
