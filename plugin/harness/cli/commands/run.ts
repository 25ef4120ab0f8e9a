import { checkNames, parseAssignments } from '../../../assignments.js';
import type { ApiVersion, Catalog } from '../../../catalog.js';
import { loadCatalog } from '../../../catalog.js';
import type { FlowResult } from '../../../flow/result.js';
import type { StepResult } from '../../../step/result.js';
import { isRemote, openTarget, type TargetKind } from '../../../target.js';
import { palette } from '../../format/color.js';
import { formatEnd, formatStep, formatVisit } from '../../format/result.js';
import { targetSecrets } from '../../../redact.js';
import { resolveId } from '../../resolve.js';
import { createSession } from '../../session.js';
import { checkSettingNames, readSettings } from '../../settings.js';
import { EXIT } from '../failure.js';
import { redactedIo, writeLines, type Io } from '../io.js';

/** Flags of `run`. */
export interface RunOptions {
  var: string[];
  settings?: string;
  set: string[];
  target: TargetKind;
  baseUrl?: string;
  api?: ApiVersion;
  json: boolean;
  seed?: string;
}

/** The `--target` and `--api` values (commander has checked them against their choices). */
export function parseTargetFlags(options: { target: TargetKind; api?: ApiVersion }): { target: TargetKind; api: ApiVersion | undefined } {
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
 * `mailerlite-steps run <template|flow|TRIGGER>`: executes against the embedded simulator
 * (the default), a running one (`--base-url`) or live MailerLite. `--json` prints exactly
 * the StepResult or FlowResult and nothing else on stdout. An unknown `--var` or `--set`
 * name is refused with the nearest one. Everything printed has the key redacted, even
 * what a server echoes back.
 */
export async function runRun(id: string, options: RunOptions, io: Io): Promise<number> {
  const catalog = loadCatalog();
  const settings = readSettings(options.settings, options.set);
  checkSettingNames(catalog, settings);
  const chosenApi: ApiVersion = options.api ?? (settings.api_version === 'classic' ? 'classic' : 'new');
  const resolved = resolveId(catalog, id, chosenApi);
  const vars = parseAssignments(options.var, '--var');
  if (resolved.kind === 'template') checkNames(Object.keys(vars), Object.keys(resolved.template.inputs), { noun: 'input', known: `${resolved.template.id} takes` });
  else checkNames(Object.keys(vars), Object.keys(resolved.flow.variables), { noun: 'variable', known: `${resolved.flow.id} takes` });
  const seed = options.seed ? (await import('../../../simulator/index.js')).loadSeedFile(options.seed) : undefined;
  const target = await openTarget({ target: options.target, ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}), ...(seed ? { seed } : {}), env: io.env });
  const shown = redactedIo(io, targetSecrets(target));
  const c = palette(shown.stdout, io.env);
  try {
    // Live, or a --base-url off this machine, is always announced (on stderr, so --json output stays clean).
    const remote = isRemote(target);
    if (!options.json || remote) writeLines(shown.stderr, [remote ? c.red(`⚠ sending to ${target.description}`) : c.dim(`→ ${target.description}`)]);
    const session = createSession({ catalog, settings, api: chosenApi, target });
    let steps: StepResult[];
    let failed = false;
    if (resolved.kind === 'template') {
      const result = await session.runTemplate(resolved.template, vars);
      steps = [result];
      if (options.json) shown.stdout.write(JSON.stringify(result, null, 2) + '\n');
      else writeLines(shown.stdout, formatStep(result, c));
    } else {
      const result: FlowResult = await session.runFlow(resolved.flow, vars, {
        onVisit: options.json ? undefined : (visit, so) => writeLines(shown.stdout, formatVisit(visit, so, c, so.replies.at(-1))),
      });
      steps = result.steps;
      failed = 'failure' in result.end && result.end.failure === true;
      if (options.json) shown.stdout.write(JSON.stringify(result, null, 2) + '\n');
      else writeLines(shown.stdout, [formatEnd(result, c)]);
    }
    return failed || endedInFallback(catalog, steps) ? EXIT.fallback : EXIT.ok;
  } finally {
    await target.close();
  }
}
