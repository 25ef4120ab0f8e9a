import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Flow } from '../generated/flow.js';
import type { Manifest } from '../generated/manifest.js';
import type { StepTemplate } from '../generated/step-template.js';
import type { Problem } from './problem.js';

/** A JSON file as read: its path relative to the plugin root and its parsed value. */
export interface RawFile {
  file: string;
  value: unknown;
}

/** A declaration file known to be valid. */
export interface Declared<T> {
  file: string;
  value: T;
}

/** A plugin tree loaded from disk: the manifest and every template and flow it lists. */
export interface PluginTree {
  root: string;
  manifest: Declared<Manifest>;
  templates: Array<Declared<StepTemplate>>;
  flows: Array<Declared<Flow>>;
}

/** Reads and parses one JSON file; a missing file or a syntax error becomes a problem. */
export async function readJson(root: string, file: string): Promise<RawFile | Problem> {
  let text: string;
  try {
    text = await readFile(path.join(root, file), 'utf8');
  } catch {
    return { file, pointer: '', rule: 'file-exists', message: 'file not found', expected: `a JSON file at ${file}` };
  }
  try {
    return { file, value: JSON.parse(text) as unknown };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { file, pointer: '', rule: 'json-syntax', message: `not valid JSON: ${message}`, expected: 'a JSON document' };
  }
}

/** True when a read produced a problem instead of a file. */
export function isProblem(value: RawFile | Problem): value is Problem {
  return 'rule' in value;
}
