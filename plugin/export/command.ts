import path from 'node:path';
import { MailerliteStepsError, UsageError } from '../errors.js';
import { parseAssignments } from '../assignments.js';
import { exportForBuilder } from './export.js';
import { EXPORT_TARGET } from './types.js';

/** Options of `mailerlite-steps export`. */
export interface RunExportOptions {
  /** Export every template and flow. */
  all?: boolean;
  /** The builder form to export for; only `external-api-request` exists. */
  for?: string;
  /** Output folder. Default: `mailerlite-steps-export`. */
  out?: string;
  /** Only flows (and, with --all, templates) of this MailerLite version. */
  api?: 'new' | 'classic';
  /** `name=value` setting values to write into the fields as given (repeatable `--set`). */
  set?: string[];
  /** Plugin folder. Default: this package's own folder. */
  root?: string;
}

/** Where `export` writes, and the environment it checks for the key. */
export interface ExportIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  /** Default: `process.env`. */
  env?: NodeJS.ProcessEnv;
}

/** Default output folder of `mailerlite-steps export`. */
export const DEFAULT_EXPORT_DIR = 'mailerlite-steps-export';

/**
 * Runs `mailerlite-steps export <template|flow...|--all> --for external-api-request
 * [--out DIR] [--api new|classic] [--set name=value]` and returns the exit status: 0 with
 * the files written listed on stdout, 2 on a usage error (unknown id, unknown setting,
 * missing or unknown --for, an --out that is a file) or a refusal (a key in the tree, a
 * tree that does not validate) with the reason on stderr.
 *
 * @example
 * process.exitCode = await runExport(['whatsapp.join'], { for: 'external-api-request', api: 'new' }, { stdout: process.stdout, stderr: process.stderr });
 * // export: wrote 2 files to mailerlite-steps-export
 * //   mailerlite-steps-export/whatsapp.join.new.external-api-request.json
 * //   mailerlite-steps-export/whatsapp.join.new.md
 */
export async function runExport(targets: string[], options: RunExportOptions, io: ExportIo): Promise<number> {
  try {
    if (options.for !== EXPORT_TARGET) {
      throw new UsageError(`${options.for === undefined ? 'missing --for' : `unknown --for "${options.for}"`}: the only builder form is ${EXPORT_TARGET} (e.g. mailerlite-steps export whatsapp.join --for ${EXPORT_TARGET})`);
    }
    if (options.all && targets.length > 0) throw new UsageError(`give either ids or --all, not both (got ${targets.join(', ')} and --all)`);
    const settings = Object.fromEntries(Object.entries(parseAssignments(options.set ?? [], '--set')).map(([k, v]) => [k, String(v)]));
    const out = options.out ?? DEFAULT_EXPORT_DIR;
    const files = await exportForBuilder({
      ids: options.all ? 'all' : targets,
      outDir: out,
      settings,
      ...(options.api === undefined ? {} : { api: options.api }),
      ...(options.root === undefined ? {} : { root: options.root }),
      ...(io.env === undefined ? {} : { env: io.env }),
    });
    const shown = files.map((file) => {
      const relative = path.relative(process.cwd(), file);
      return relative.startsWith('..') ? file : relative;
    });
    io.stdout.write([`export: wrote ${files.length} files to ${out}`, ...shown.map((f) => `  ${f}`)].join('\n') + '\n');
    return 0;
  } catch (error) {
    if (!(error instanceof MailerliteStepsError)) throw error;
    io.stderr.write(`mailerlite-steps: ${error.message}\n`);
    return 2;
  }
}
