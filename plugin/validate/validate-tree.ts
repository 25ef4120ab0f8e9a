import path from 'node:path';
import type { Problem } from '../declarations/problem.js';
import { loadPlugin, type Checked } from './load-tree.js';
import { redactProblem } from './refusal.js';
import { RULES } from './rules/index.js';
import { scanSecrets } from './secrets.js';
import { sortProblems } from './sort.js';
import type { EnvVars } from '../defaults.js';

/**
 * What `validate` found: ok when there are no problems. `--json` prints exactly this.
 *
 * @example
 * { ok: true, problems: [], checked: { manifest: 1, templates: 14, flows: 8 } }
 */
export interface ValidationResult {
  ok: boolean;
  /** Every problem, sorted by file, then JSON Pointer; a secret's value never appears in one. */
  problems: Problem[];
  /** How many files of each kind were read. */
  checked: Checked;
}

/** Options of {@link validateTree}. */
export interface ValidateTreeOptions {
  /** Environment whose key variables (`MAILERLITE_API_KEY`, the manifest's `secrets.*.env`) must not appear in the tree. Default: `process.env`. */
  env?: EnvVars;
}

/**
 * Validates a plugin folder: each file against its JSON Schema (ajv strict, all errors,
 * formats), then the named semantic rules over the files that passed, and a scan for
 * secret values (a literal key in an auth header, anything shaped like a MailerLite key,
 * the value of `MAILERLITE_API_KEY`). A secret is named by file and JSON Pointer and
 * redacted from every message. Never throws for anything wrong in the folder: a missing
 * manifest, a file that is not JSON or a template that does not parse is a problem in the
 * result.
 *
 * @example
 * const result = await validateTree('.');
 * if (!result.ok) for (const p of result.problems) console.log(formatProblem(p));
 */
export async function validateTree(root: string, options: ValidateTreeOptions = {}): Promise<ValidationResult> {
  const loaded = await loadPlugin(path.resolve(root));
  const problems = [...loaded.problems];
  if (loaded.data) {
    const data = loaded.data;
    for (const rule of RULES) problems.push(...rule(data));
  }
  const secrets = scanSecrets(loaded.files, options.env ?? process.env);
  const shown = [...secrets.problems, ...problems.map((problem) => redactProblem(problem, secrets.values))];
  return { ok: shown.length === 0, problems: sortProblems(shown), checked: loaded.checked };
}
