import { formatProblem } from '../declarations/problem.js';
import { validateTree, type ValidationResult } from './validate-tree.js';

/**
 * Options of `mailerlite-steps validate`.
 *
 * @example
 * const options: ValidateOptions = { json: true }; // `validate --json`
 */
export interface ValidateOptions {
  /** Print the ValidationResult as JSON on stdout, and nothing else. */
  json: boolean;
  /** Environment whose key variables must not appear in the tree. Default: `process.env`. */
  env?: NodeJS.ProcessEnv;
}

/**
 * Where `validate` writes.
 *
 * @example
 * const out: ValidateOutput = { stdout: process.stdout, stderr: process.stderr };
 */
export interface ValidateOutput {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

/**
 * Runs `mailerlite-steps validate [dir]` and returns the exit code: 0 when the folder is
 * clean, 1 when there are problems. Human output prints each problem (file, JSON Pointer,
 * message, rule, what was expected, an example) and ends with a one-line summary;
 * `--json` prints the ValidationResult as JSON instead. A key pasted into the tree is
 * named by file and JSON Pointer; its value is printed as `[redacted]`, never as is.
 *
 * @example
 * process.exitCode = await runValidate('.', { json: false }, { stdout: process.stdout, stderr: process.stderr });
 * // validate: 1 manifest, 14 templates, 8 flows: 2 problems
 */
export async function runValidate(dir: string, options: ValidateOptions, out: ValidateOutput): Promise<number> {
  const result = await validateTree(dir, options.env ? { env: options.env } : {});
  if (options.json) {
    out.stdout.write(JSON.stringify(result, null, 2) + '\n');
    return result.ok ? 0 : 1;
  }
  for (const problem of result.problems) out.stdout.write(formatProblem(problem) + '\n\n');
  out.stdout.write(summary(result) + '\n');
  return result.ok ? 0 : 1;
}

/**
 * The one-line summary `validate` ends with.
 *
 * @example
 * summary(result) // 'validate: 1 manifest, 14 templates, 8 flows: 2 problems'
 */
export function summary(result: ValidationResult): string {
  const { templates, flows } = result.checked;
  const count = result.problems.length;
  const found = count === 0 ? 'no problems' : `${count} problem${count === 1 ? '' : 's'}`;
  return `validate: 1 manifest, ${plural(templates, 'template')}, ${plural(flows, 'flow')}: ${found}`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
