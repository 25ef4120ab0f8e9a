import path from 'node:path';
import type { Problem } from '../declarations/problem.js';
import { loadPlugin, type Checked } from './load-tree.js';
import { RULES } from './rules/index.js';
import { sortProblems } from './sort.js';

/**
 * What `validate` found: ok when there are no problems. `--json` prints exactly this.
 *
 * @example
 * { ok: true, problems: [], checked: { manifest: 1, templates: 14, flows: 8 } }
 */
export interface ValidationResult {
  ok: boolean;
  /** Every problem, sorted by file, then JSON Pointer. */
  problems: Problem[];
  /** How many files of each kind were read. */
  checked: Checked;
}

/**
 * Validates a plugin folder: each file against its JSON Schema (ajv strict, all errors,
 * formats), then the named semantic rules over the files that passed. Never throws for
 * anything wrong in the folder: a missing manifest, a file that is not JSON or a template
 * that does not parse is a problem in the result.
 *
 * @example
 * const result = await validateTree('.');
 * if (!result.ok) for (const p of result.problems) console.log(formatProblem(p));
 */
export async function validateTree(root: string): Promise<ValidationResult> {
  const loaded = await loadPlugin(path.resolve(root));
  const problems = [...loaded.problems];
  if (loaded.data) {
    const data = loaded.data;
    for (const rule of RULES) problems.push(...rule(data));
  }
  return { ok: problems.length === 0, problems: sortProblems(problems), checked: loaded.checked };
}
