import type { ApiVersion, Catalog } from '../../../catalog.js';
import { loadCatalog } from '../../../catalog.js';
import { UsageError } from '../../../errors.js';
import type { FlowResult } from '../../../flow/result.js';
import type { StepResult } from '../../../step/result.js';
import { parseAssignments } from '../../../assignments.js';
import { palette } from '../../format/color.js';
import { formatEnd, formatStep, formatVisit } from '../../format/result.js';
import { resolveId } from '../../resolve.js';
import { createSession } from '../../session.js';
import { readSettings } from '../../settings.js';
import { openTarget, type TargetKind } from '../../../target.js';
import { EXIT } from '../failure.js';
import { writeLines, type Io } from '../io.js';

/** Flags of `run`. */
export interface RunOptions {
  var: string[];
  settings?: string;
  set: string[];
  target: string;
  baseUrl?: string;
  api?: string;
  json: boolean;
  seed?: string;
}

/** Checks `--target` and `--api` values. */
export function parseTargetFlags(options: { target: string; api?: string }): { target: TargetKind; api: ApiVersion | undefined } {
  if (options.target !== 'sim' && options.target !== 'live') throw new UsageError(`--target ${options.target}: expected sim or live`);
  if (options.api !== undefined && options.api !== 'new' && options.api !== 'classic') throw new UsageError(`--api ${options.api}: expected new or classic`);
  return { target: options.target, api: options.api };
}

/** True when a step ended in its template's fallback rule (exit status 1). */
export function endedInFallback(catalog: Catalog, steps: readonly StepResult[]): boolean {
  return steps.some((step) => {
    const template = catalog.template(step.template);
    return template !== undefined && step.rule === template.outcomes.length - 1;
  });
}

/**
 * `mailerlite-steps run <template|flow>`: executes against the embedded simulator (the
 * default), a running one (`--base-url`) or live MailerLite. `--json` prints exactly the
 * StepResult or FlowResult and nothing else on stdout.
 */
export async function runRun(id: string, options: RunOptions, io: Io): Promise<number> {
  const { target: kind, api } = parseTargetFlags(options);
  const catalog = loadCatalog();
  const settings = readSettings(options.settings, options.set);
  const chosenApi: ApiVersion = api ?? (settings.api_version === 'classic' ? 'classic' : 'new');
  const resolved = resolveId(catalog, id, chosenApi);
  const seed = options.seed ? (await import('../../../simulator/index.js')).loadSeedFile(options.seed) : undefined;
  const target = await openTarget({ target: kind, ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}), ...(seed ? { seed } : {}), env: io.env });
  const c = palette(io.stdout, io.env);
  try {
    // Live is always announced (on stderr, so --json output stays clean).
    if (!options.json || target.kind === 'live') writeLines(io.stderr, [target.kind === 'live' ? c.red(`⚠ sending to ${target.description}`) : c.dim(`→ ${target.description}`)]);
    const session = createSession({ catalog, settings, api: chosenApi, target });
    const vars = parseAssignments(options.var, '--var');
    let steps: StepResult[];
    if (resolved.kind === 'template') {
      const result = await session.runTemplate(resolved.template, vars);
      steps = [result];
      if (options.json) io.stdout.write(JSON.stringify(result, null, 2) + '\n');
      else writeLines(io.stdout, formatStep(result, c));
    } else {
      const result: FlowResult = await session.runFlow(resolved.flow, vars, {
        onVisit: options.json ? undefined : (visit, so) => writeLines(io.stdout, formatVisit(visit, so, c, so.replies.at(-1))),
      });
      steps = result.steps;
      if (options.json) io.stdout.write(JSON.stringify(result, null, 2) + '\n');
      else writeLines(io.stdout, [formatEnd(result, c)]);
    }
    return endedInFallback(catalog, steps) ? EXIT.fallback : EXIT.ok;
  } finally {
    await target.close();
  }
}
