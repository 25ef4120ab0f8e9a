/**
 * Generates TypeScript types under `plugin/generated/` from the JSON Schemas in `schemas/`.
 *
 * `npm run codegen` writes them; `npm run codegen:check` (part of `npm test`) fails when a
 * generated file is missing or differs from what the schemas produce.
 */
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { compileFromFile } from 'json-schema-to-typescript';
import { packageRoot } from '../plugin/paths.js';

/** Schemas that get a generated file, by schema file name. */
export const GENERATED: ReadonlyArray<{ schema: string; output: string }> = [
  { schema: 'manifest.schema.json', output: 'manifest.ts' },
  { schema: 'step-template.schema.json', output: 'step-template.ts' },
  { schema: 'flow.schema.json', output: 'flow.ts' },
  { schema: 'bundle.schema.json', output: 'bundle.ts' },
];

const BANNER = `/* eslint-disable */
/**
 * GENERATED FILE: DO NOT EDIT.
 * Made from schemas/SCHEMA by scripts/codegen.ts; edit the schema, then run \`npm run codegen\`.
 */
`;

/** One generated file: where it goes and what it must contain. */
export interface GeneratedFile {
  file: string;
  content: string;
}

/** Compiles every schema to its TypeScript text, without writing anything. */
export async function generate(root = packageRoot()): Promise<GeneratedFile[]> {
  const schemas = path.join(root, 'schemas');
  const files: GeneratedFile[] = [];
  for (const { schema, output } of GENERATED) {
    const content = await compileFromFile(path.join(schemas, schema), {
      cwd: schemas,
      bannerComment: BANNER.replace('SCHEMA', schema),
      additionalProperties: false,
      format: true,
      style: { singleQuote: true, printWidth: 100 },
    });
    files.push({ file: path.join(root, 'plugin', 'generated', output), content });
  }
  return files;
}

/** Files whose content on disk is missing or differs from the generated text. */
export async function staleFiles(root = packageRoot()): Promise<string[]> {
  const stale: string[] = [];
  for (const { file, content } of await generate(root)) {
    const onDisk = await readFile(file, 'utf8').catch(() => null);
    if (onDisk !== content) stale.push(path.relative(root, file));
  }
  return stale;
}

/** Writes every generated file. */
export async function writeGenerated(root = packageRoot()): Promise<string[]> {
  const written: string[] = [];
  for (const { file, content } of await generate(root)) {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, content);
    written.push(path.relative(root, file));
  }
  return written;
}

async function main(argv: string[]): Promise<number> {
  if (argv.includes('--check')) {
    const stale = await staleFiles();
    if (stale.length === 0) {
      console.log('codegen: generated types are fresh');
      return 0;
    }
    console.error(
      `codegen: generated types are stale or missing: ${stale.join(', ')}\n` +
        'A schema changed without regenerating. Fix: run `npm run codegen` and commit plugin/generated/.',
    );
    return 1;
  }
  for (const file of await writeGenerated()) console.log(`codegen: wrote ${file}`);
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exitCode = await main(process.argv.slice(2));
}
