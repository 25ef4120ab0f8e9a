import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GENERATED, staleFiles } from '../../scripts/codegen.js';
import { packageRoot } from '../../plugin/paths.js';

async function copyOfTree(): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), 'codegen-'));
  await cp(path.join(packageRoot(), 'schemas'), path.join(root, 'schemas'), { recursive: true });
  await cp(path.join(packageRoot(), 'plugin', 'generated'), path.join(root, 'plugin', 'generated'), { recursive: true });
  return root;
}

describe('codegen', () => {
  it('the committed generated types are fresh', async () => {
    expect(await staleFiles()).toEqual([]);
  });

  it('generates one file per schema, with the do-not-edit banner', async () => {
    for (const { output, schema } of GENERATED) {
      const text = await readFile(path.join(packageRoot(), 'plugin', 'generated', output), 'utf8');
      expect(text).toContain('GENERATED FILE: DO NOT EDIT.');
      expect(text).toContain(`schemas/${schema}`);
      expect(text).toContain('npm run codegen');
    }
  });

  it('a schema edited without regenerating makes the check name the stale file', async () => {
    const root = await copyOfTree();
    const file = path.join(root, 'schemas', 'flow.schema.json');
    const schema = JSON.parse(await readFile(file, 'utf8')) as { properties: { name: { description: string } } };
    schema.properties.name.description = 'A changed description.';
    await writeFile(file, JSON.stringify(schema, null, 2));
    expect(await staleFiles(root)).toEqual([path.join('plugin', 'generated', 'flow.ts'), path.join('plugin', 'generated', 'bundle.ts')]);
  });

  it('a missing generated file is stale', async () => {
    const root = await copyOfTree();
    await writeFile(path.join(root, 'plugin', 'generated', 'manifest.ts'), '');
    expect(await staleFiles(root)).toContain(path.join('plugin', 'generated', 'manifest.ts'));
  });
});
