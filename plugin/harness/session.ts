import type { ApiVersion, Catalog } from '../catalog.js';
import { loadCatalog } from '../catalog.js';
import { MissingInputError, UsageError } from '../errors.js';
import type { Flow } from '../generated/flow.js';
import type { StepTemplate } from '../generated/step-template.js';
import type { Question } from '../flow/run.js';
import type { FlowResult, FlowVisit } from '../flow/result.js';
import type { JsonValue } from '../json.js';
import type { ShownRequest } from '../request/build.js';
import { checkInputs } from '../step/inputs.js';
import type { StepResult } from '../step/result.js';
import { prepareStep } from '../step/prepare.js';
import type { Target } from '../target.js';

/** Group ids of the simulator's default seed, used when no group_id setting is given. */
export const SIM_DEFAULT_GROUP_IDS: Readonly<Record<ApiVersion, string>> = { new: '123456789', classic: '3640549' };

/** What a preview shows: the request, or why the inputs stop it. */
export type Preview = { ok: true; request: ShownRequest } | { ok: false; invalid: Array<{ name: string; message: string }> };

/** Options shared by every harness front end (CLI, web page). */
export interface SessionOptions {
  catalog?: Catalog;
  /** Setting values given by the user (file and --set). */
  settings: Record<string, JsonValue>;
  /** API version for flows; defaults to the api_version setting, then `new`. */
  api?: ApiVersion;
  target: Target | undefined;
}

/**
 * A harness session: the catalog, the settings and a target, with the three things both
 * front ends do (preview, run a step, run a flow), so neither has an engine of its own.
 *
 * @example
 * const session = createSession({ settings: {}, target: await openTarget() })
 * const result = await session.runTemplate(session.catalog.template('mailerlite.subscriber.lookup')!, { customer_email: 'priya@example.com' })
 */
export function createSession(options: SessionOptions) {
  const catalog = options.catalog ?? loadCatalog();
  const api: ApiVersion = options.api ?? (options.settings.api_version === 'classic' ? 'classic' : 'new');
  const target = options.target;

  function settingsFor(templateApi: ApiVersion): Record<string, JsonValue | undefined> {
    const given = { ...options.settings };
    if (target && target.kind !== 'live') {
      // Against a simulator, unset settings take the simulator's group and the examples.
      given.group_id ??= SIM_DEFAULT_GROUP_IDS[templateApi];
      for (const [name, decl] of Object.entries(catalog.manifest.settings)) {
        if (given[name] === undefined && decl.default === undefined && decl.example !== undefined) given[name] = decl.example;
      }
    }
    const settings = catalog.settings(given);
    try {
      const checked = checkInputs('settings', catalog.manifest.settings, settings);
      if (!checked.ok) throw new UsageError('invalid settings: ' + checked.invalid.map((i) => `${i.name}: ${i.message}`).join('; '));
      return { ...settings, ...checked.values };
    } catch (error) {
      if (error instanceof MissingInputError) {
        throw new UsageError(`missing setting${error.missing.length > 1 ? 's' : ''}: ` + error.missing.map((m) => `${m.name} (e.g. --set ${m.name}=${String(m.example ?? '')})`).join(', '));
      }
      throw error;
    }
  }

  function environment(templateApi: ApiVersion) {
    if (!target) throw new Error('this session has no target to send to');
    return {
      settings: settingsFor(templateApi),
      secrets: target.secrets(templateApi),
      fetch: target.fetch,
      ...(target.baseUrl ? { baseUrl: target.baseUrl } : {}),
    };
  }

  return {
    catalog,
    api,
    target,
    /** The settings the user gave (file and --set), before defaults. */
    settings: options.settings,
    settingsFor,
    /** Renders a template's request without sending it (secrets redacted). */
    preview(template: StepTemplate, vars: Record<string, JsonValue>, baseUrl?: string): Preview {
      const prepared = prepareStep(template, vars, {
        settings: settingsFor(template.api),
        secrets: { api_key: 'preview-key-never-shown' },
        ...(baseUrl ?? target?.baseUrl ? { baseUrl: baseUrl ?? target?.baseUrl } : {}),
      });
      return prepared.ok ? { ok: true, request: prepared.built.shown } : { ok: false, invalid: prepared.invalid };
    },
    /** Runs one step against the target. */
    async runTemplate(template: StepTemplate, vars: Record<string, JsonValue>): Promise<StepResult> {
      // Loaded when first run: a preview needs none of the sending side.
      const { runStep } = await import('../step/run.js');
      return runStep(template, vars, environment(template.api));
    },
    /** Runs a flow against the target. */
    async runFlow(
      flow: Flow,
      vars: Record<string, JsonValue>,
      hooks: { answer?: (q: Question) => Promise<string | undefined>; onVisit?: (visit: FlowVisit, so: Pick<FlowResult, 'steps' | 'replies'>) => void } = {},
    ): Promise<FlowResult> {
      const { runFlow } = await import('../flow/run.js');
      return runFlow(flow, vars, { ...environment(flow.api), template: (id) => catalog.template(id), ...hooks });
    },
  };
}

/** A harness session. */
export type Session = ReturnType<typeof createSession>;
