import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { publicExports, readmeExample } from './public-api.js';

describe('readmeExample', () => {
  it("takes the README's one ```js block of \"Use it from code\"", () => {
    const example = readmeExample(readFileSync(new URL('../../README.md', import.meta.url), 'utf8'));
    expect(example).toMatch(/^import \{[^}]+\} from 'mailerlite-steps';\n/);
    expect(example).toContain('console.log(');
  });

  it('refuses a missing section and a section with no or two ```js blocks', () => {
    expect(() => readmeExample('# x\n## Use\n')).toThrow('README.md has no "## Use it from code" section');
    expect(() => readmeExample('## Use it from code\n```sh\nls\n```\n## FAQ\n```js\nx\n```\n')).toThrow('holds 0 ```js blocks; expected exactly one');
    expect(() => readmeExample('## Use it from code\n```js\na\n```\n```js\nb\n```\n')).toThrow('holds 2 ```js blocks');
    expect(readmeExample('## Use it from code\ntext\n```js\nconsole.log(1);\n```\n## FAQ\n')).toBe('console.log(1);\n');
  });
});

describe('publicExports', () => {
  it('splits the exports of a declaration file into types and values', () => {
    const index = [
      "export { loadCatalog, type Catalog, type ApiVersion } from './catalog.js';",
      "export type { JsonValue, JsonObject } from './json.js';",
      "export { startSimulator as start, type Simulator } from './simulator/server.js';",
      'export declare function helper(): void;',
      'export interface Options { a: string }',
    ].join('\n');
    expect(publicExports(index)).toEqual({ types: ['ApiVersion', 'Catalog', 'JsonObject', 'JsonValue', 'Options', 'Simulator'], values: ['helper', 'loadCatalog', 'start'] });
  });
});
