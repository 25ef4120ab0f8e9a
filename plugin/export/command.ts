import path from 'node:path';
import { parseAssignments } from '../assignments.js';
import type { ApiVersion } from '../catalog.js';
import { MailerliteStepsError, UsageError } from '../errors.js';
import { ENGINE_TARGETS, exportForEngine, type EngineTarget } from './engines.js';
import { exportForBuilder } from './export.js';
import { EXPORT_TARGET } from './types.js';

/** Every `--for` target: the builder's form (the default), Node-RED, Postman/newman. */
export const EXPORT_TARGETS = [EXPORT_TARGET, ...ENGINE_TARGETS] as const;

/** Options of `mailerlite-steps export`. */
export interface RunExportOptions {
  /** Export every template and flow. */
  all?: boolean;
  /** `external-api-request` (default), `node-red` or `postman`. */
  for?: string;
  /** Output folder. Default: `mailerlite-steps-export`. */
  out?: string;
  /** MailerLite version. Default: the `api_version` given with `--set`, else `new`. */
  api?: ApiVersion;
  /** `name=value` setting values to write into the fields as given (repeatable `--set`; external-api-request only, besides api_version). */
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

const RUN_TIME_SETTINGS: Record<EngineTarget, string> = {
  'node-red': 'Node-RED reads them from its environment: MAILERLITE_GROUP_ID, MAILERLITE_OPTIN_FORM_URL, MAILERLITE_GROUP_NAME',
  postman: 'newman takes them as --env-var group_id=..., --env-var optin_form_url=...',
};

/**
 * Runs `mailerlite-steps export [ids...|--all] [--for external-api-request|node-red|postman]
 * [--api new|classic] [--out DIR] [--set name=value]` and returns the exit status: 0 with
 * the files written listed on stdout; 2 on a usage error (unknown --for, id or setting,
 * ids for node-red or postman, an --out that is a file) or a refusal (a key in the tree,
 * a tree that does not validate), the reason on stderr. `--api` defaults to the
 * `api_version` given with `--set`, else `new`.
 *
 * @example
 * process.exitCode = await runExport(['whatsapp.join'], {}, { stdout: process.stdout, stderr: process.stderr });
 * // export: wrote 2 files to mailerlite-steps-export
 * //   mailerlite-steps-export/whatsapp.join.new.external-api-request.json
 * //   mailerlite-steps-export/whatsapp.join.new.md
 */
export async function runExport(targets: string[], options: RunExportOptions, io: ExportIo): Promise<number> {
  try {
    const target = exportTarget(options.for);
    if (options.all && targets.length > 0) throw new UsageError(`give either ids or --all, not both (got ${targets.join(', ')} and --all)`);
    const settings = Object.fromEntries(Object.entries(parseAssignments(options.set ?? [], '--set')).map(([k, v]) => [k, String(v)]));
    const api = options.api ?? apiSetting(settings.api_version) ?? 'new';
    const out = options.out ?? DEFAULT_EXPORT_DIR;
    const where = { outDir: out, ...(options.root === undefined ? {} : { root: options.root }), ...(io.env === undefined ? {} : { env: io.env }) };
    let files: string[];
    if (target === EXPORT_TARGET) {
      files = await exportForBuilder({ ids: options.all ? 'all' : targets, settings, api, ...where });
    } else {
      if (targets.length > 0) throw new UsageError(`--for ${target} exports every flow of the ${api} API at once: name no ids (got ${targets.join(', ')}), e.g. mailerlite-steps export --for ${target} --api ${api}`);
      const given = Object.keys(settings).filter((name) => name !== 'api_version');
      if (given.length > 0) throw new UsageError(`--set ${given.join(', ')}: --for ${target} takes settings when it runs, not at export (${RUN_TIME_SETTINGS[target]})`);
      files = await exportForEngine({ target, api, ...where });
    }
    const shown = files.map((file) => {
      const relative = path.relative(process.cwd(), file);
      return relative.startsWith('..') ? file : relative;
    });
    io.stdout.write([`export: wrote ${files.length} file${files.length === 1 ? '' : 's'} to ${out}`, ...shown.map((f) => `  ${f}`)].join('\n') + '\n');
    return 0;
  } catch (error) {
    if (!(error instanceof MailerliteStepsError)) throw error;
    io.stderr.write(`mailerlite-steps: ${error.message}\n`);
    return 2;
  }
}

/**
 * The `--for` target: `external-api-request` when not given; anything else is a
 * UsageError naming the choices.
 *
 * @example
 * exportTarget(undefined)  // 'external-api-request'
 * exportTarget('zapier')   // UsageError: unknown --for "zapier": choose external-api-request, node-red or postman ...
 */
function exportTarget(given: string | undefined): (typeof EXPORT_TARGETS)[number] {
  if (given === undefined) return EXPORT_TARGET;
  const target = EXPORT_TARGETS.find((t) => t === given);
  if (target === undefined) throw new UsageError(`unknown --for "${given}": choose external-api-request, node-red or postman (e.g. mailerlite-steps export --for node-red)`);
  return target;
}

function apiSetting(value: string | undefined): ApiVersion | undefined {
  if (value === undefined) return undefined;
  if (value === 'new' || value === 'classic') return value;
  throw new UsageError(`--set api_version=${value}: expected new or classic`);
}
