import type { IncomingMessage } from 'node:http';
import { DeclarationError, FlowLoopError, MissingInputError, TemplateSyntaxError, UsageError } from '../../errors.js';
import type { FlowResult } from '../../flow/result.js';
import type { StepResult } from '../../step/result.js';
import { resolveId, type Resolved } from '../resolve.js';
import type { Session } from '../session.js';
import { catalogView, type CatalogView } from './catalog-view.js';
import { HttpError, missingProblems, readJsonObject } from './http-io.js';
import { previewFlow, previewTemplate, type PreviewView } from './preview.js';
import { parseRunRequest, RUN_EXAMPLE, type RunRequest } from './request-body.js';
import { resetSimulator, seedScenario, simulatorCounts } from './sim-control.js';

/** What `GET /api/target` answers: where Send goes. Never holds the key. */
export interface TargetView {
  kind: 'sim' | 'url' | 'live';
  live: boolean;
  description: string;
  /** True when the page may reset and seed a simulator. */
  controllable: boolean;
  api: 'new' | 'classic';
  counts?: ReturnType<typeof simulatorCounts>;
}

/** One answer of the JSON API. */
export interface ApiAnswer {
  status: number;
  body: object;
}

function resolve(session: Session, request: RunRequest): Resolved {
  try {
    return resolveId(session.catalog, request.id, request.api ?? session.api);
  } catch (error) {
    if (error instanceof UsageError) throw new HttpError(400, 'unknown_id', error.message);
    throw error;
  }
}

/**
 * Turns what the engine throws into a clear JSON error (never a stack trace); `id` names
 * the template or flow at fault.
 *
 * @example
 * toHttpError(new TemplateSyntaxError('unclosed "<<" at character 9', '<<email'), 'test.unclosed').message
 * // 'in test.unclosed: unclosed "<<" at character 9 (run `mailerlite-steps validate`)'
 */
export function toHttpError(error: unknown, id?: string): HttpError {
  if (error instanceof HttpError) return error;
  if (error instanceof MissingInputError) return new HttpError(422, 'missing_input', error.message, missingProblems(error));
  if (error instanceof UsageError) return new HttpError(400, 'settings', error.message);
  const where = id ? `in ${id}: ` : '';
  if (error instanceof TemplateSyntaxError) {
    const at = error.pointer ? ` (at ${error.pointer})` : '';
    return new HttpError(500, 'template', `${where}${error.message}${at} (run \`mailerlite-steps validate\`)`);
  }
  if (error instanceof DeclarationError || error instanceof FlowLoopError) {
    return new HttpError(500, 'template', `${where}${error.message} (run \`mailerlite-steps validate\`)`);
  }
  return new HttpError(500, 'internal', `unexpected error: ${error instanceof Error ? error.message : String(error)}`);
}

async function run(session: Session, request: RunRequest): Promise<StepResult | FlowResult> {
  const found = resolve(session, request);
  try {
    if (found.kind === 'template') return await session.runTemplate(found.template, request.vars);
    const answers = [...request.answers];
    return await session.runFlow(found.flow, request.vars, { answer: async () => answers.shift() });
  } catch (error) {
    throw toHttpError(error, request.id);
  }
}

function preview(session: Session, request: RunRequest): PreviewView {
  const found = resolve(session, request);
  try {
    return found.kind === 'template' ? previewTemplate(session, found.template, request.vars) : previewFlow(session, found.flow, request.vars);
  } catch (error) {
    throw toHttpError(error, request.id);
  }
}

/**
 * The JSON API of the web page over one session. Routes: `GET /api/catalog`,
 * `GET /api/target`, `POST /api/preview`, `POST /api/run`, `POST /api/sim/reset`,
 * `POST /api/sim/seed`. Errors are HttpErrors with a JSON body.
 *
 * @example
 * const api = createApi(session)
 * await api('GET', '/api/catalog', req) // { status: 200, body: { templates: [...], flows: [...], ... } }
 */
export function createApi(session: Session) {
  let catalog: CatalogView | undefined;
  const target = session.target;
  if (!target) throw new Error('the web harness needs a session with a target');

  const routes: Record<string, (req: IncomingMessage) => Promise<object>> = {
    'GET /api/catalog': async () => (catalog ??= catalogView(session.catalog)),
    'GET /api/target': async (): Promise<TargetView> => {
      const counts = simulatorCounts(target);
      return {
        kind: target.kind,
        live: target.kind === 'live',
        description: target.description,
        controllable: target.kind !== 'live',
        api: session.api,
        ...(counts ? { counts } : {}),
      };
    },
    'POST /api/preview': async (req) => preview(session, parseRunRequest(await readJsonObject(req, RUN_EXAMPLE))),
    'POST /api/run': async (req) => run(session, parseRunRequest(await readJsonObject(req, RUN_EXAMPLE))),
    'POST /api/sim/reset': async () => resetSimulator(target),
    'POST /api/sim/seed': async (req) => seedScenario(target, (await readJsonObject(req, '{"scenario": "priya-subscribed"}')).scenario),
  };

  return async function answer(method: string, path: string, req: IncomingMessage): Promise<ApiAnswer> {
    const handler = routes[`${method} ${path}`];
    if (!handler) {
      const allowed = Object.keys(routes)
        .filter((key) => key.endsWith(` ${path}`))
        .map((key) => key.split(' ')[0]);
      if (allowed.length > 0) throw new HttpError(405, 'method_not_allowed', `${path} takes ${allowed.join(', ')}, not ${method}`);
      throw new HttpError(404, 'not_found', `no API route ${method} ${path}; routes: ${Object.keys(routes).join(', ')}`);
    }
    try {
      return { status: 200, body: await handler(req) };
    } catch (error) {
      throw toHttpError(error);
    }
  };
}
