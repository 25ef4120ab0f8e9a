/**
 * The one ```js block of the README's "Use it from code" section, exactly as written
 * (the section ends at the next `## ` heading). Throws when the section is missing or
 * holds no or several JavaScript blocks: the test runs what the README shows, nothing else.
 *
 * @example
 * readmeExample(await readFile('README.md', 'utf8')) // "import { ... } from 'mailerlite-steps';\n..."
 */
export function readmeExample(readme: string): string {
  const start = readme.search(/^## Use it from code$/m);
  if (start < 0) throw new Error('README.md has no "## Use it from code" section');
  const rest = readme.slice(start + 1);
  const end = rest.search(/^## /m);
  const section = end < 0 ? rest : rest.slice(0, end);
  const blocks = [...section.matchAll(/^```js\n([\s\S]*?)^```$/gm)].map((match) => match[1] ?? '');
  if (blocks.length !== 1) throw new Error(`the "Use it from code" section of README.md holds ${String(blocks.length)} \`\`\`js blocks; expected exactly one`);
  return blocks[0] ?? '';
}

/**
 * The names a declaration file exports, split into types and values, from its
 * `export { a, type B } from '...'`, `export type { C } from '...'` and
 * `export declare function|class|const` lines.
 *
 * @example
 * publicExports("export { runStep, type StepEnvironment } from './step/run.js';") // { values: ['runStep'], types: ['StepEnvironment'] }
 */
export function publicExports(declarations: string): { types: string[]; values: string[] } {
  const types = new Set<string>();
  const values = new Set<string>();
  for (const match of declarations.matchAll(/^export (type )?\{([^}]*)\}/gm)) {
    const allTypes = match[1] !== undefined;
    for (const raw of (match[2] ?? '').split(',')) {
      const item = raw.trim();
      if (item === '') continue;
      const isType = allTypes || item.startsWith('type ');
      const name = item.replace(/^type\s+/, '').split(/\s+as\s+/).at(-1) ?? item;
      (isType ? types : values).add(name);
    }
  }
  for (const match of declarations.matchAll(/^export declare (?:function|class|const|let) (\w+)/gm)) values.add(match[1] ?? '');
  for (const match of declarations.matchAll(/^export (?:interface|type) (\w+)/gm)) types.add(match[1] ?? '');
  return { types: [...types].sort(), values: [...values].sort() };
}
