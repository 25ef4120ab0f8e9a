import type { IncomingMessage } from 'node:http';
import type { ApiVersion } from '../../catalog.js';
import { DeclarationError, FlowLoopError, MissingInputError, TemplateSyntaxError, UsageError } from '../../errors.js';
import type { FlowResult } from '../../flow/result.js';
import type { JsonValue } from '../../json.js';
import type { StepResult } from '../../step/result.js';
import type { Secret } from '../../redact.js';
import { resolveId, type Resolved } from '../resolve.js';
import { createSession, type Session } from '../session.js';
import { catalogView, type CatalogView } from './catalog-view.js';
import { CHAT_EXAMPLE, chatRooms, parseChatRequest } from './chat.js';
import { findItem } from './find.js';
import { HttpError, missingProblems, readJsonObject } from './http-io.js';
import { pageKey, pageSettings, type KeySource } from './page-settings.js';
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
  /** Live only: whether the key is the environment's (`MAILERLITE_API_KEY`) or one given in the page. Never the key. */
  key?: KeySource;
  /** The settings that apply when the page sets none, by API version (the server's, else the manifest's or the simulator's). */
  defaults: Record<ApiVersion, Record<string, JsonValue>>;
}

/** One answer of the JSON API. */
export interface ApiAnswer {
  status: number;
  body: object;
}

/** The JSON API over one session: `answer` a request; `secrets()` every key an answer must not show. */
export interface Api {
  answer(method: string, path: string, req: IncomingMessage): Promise<ApiAnswer>;
  secrets(): Secret[];
  /** Ends the page's conversations. */
  close(): Promise<void>;
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

/** The settings that apply when the page sets none, for one API version (what the panel shows as placeholders). */
function defaultsFor(session: Session, api: ApiVersion): Record<string, JsonValue> {
  let settings: Record<string, JsonValue | undefined>;
  try {
    settings = session.settingsFor(api);
  } catch {
    settings = session.catalog.settings(session.settings);
  }
  return Object.fromEntries(Object.entries(settings).filter((entry): entry is [string, JsonValue] => entry[1] !== undefined));
}

/**
 * The JSON API of the web page over one session. Routes: `GET /api/catalog`,
 * `GET /api/target`, `GET /api/find`, `POST /api/preview`, `POST /api/run`,
 * `POST /api/chat`, `POST /api/key`, `POST /api/sim/reset`, `POST /api/sim/seed`.
 * Preview, run and chat take the page's settings (its settings panel) over the
 * session's. Errors are HttpErrors with a JSON body.
 *
 * @example
 * const api = createApi(session)
 * await api.answer('GET', '/api/catalog', req) // { status: 200, body: { templates: [...], flows: [...], ... } }
 */
export function createApi(session: Session): Api {
  let catalog: CatalogView | undefined;
  const target = session.target;
  if (!target) throw new Error('the web harness needs a session with a target');
  const key = pageKey(target);
  const rooms = chatRooms();

  /** The session for one request: the page's settings over the server's, and the page's key for live. */
  function sessionFor(settings: JsonValue | undefined): Session {
    const given = pageSettings(session.catalog, settings);
    const keyed = key.target();
    if (Object.keys(given).length === 0 && keyed === target) return session;
    return createSession({ catalog: session.catalog, settings: { ...session.settings, ...given }, target: keyed });
  }

  function withSettings(request: RunRequest): { session: Session; request: RunRequest } {
    try {
      return { session: sessionFor(request.settings), request };
    } catch (error) {
      throw toHttpError(error, request.id);
    }
  }

  const routes: Record<string, (req: IncomingMessage, query: URLSearchParams) => Promise<object>> = {
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
        ...(target.kind === 'live' ? { key: key.source() } : {}),
        defaults: { new: defaultsFor(session, 'new'), classic: defaultsFor(session, 'classic') },
      };
    },
    'GET /api/find': async (_req, query) => findItem(session.catalog, query),
    'POST /api/preview': async (req) => {
      const { session: s, request } = withSettings(parseRunRequest(await readJsonObject(req, RUN_EXAMPLE)));
      return preview(s, request);
    },
    'POST /api/run': async (req) => {
      const { session: s, request } = withSettings(parseRunRequest(await readJsonObject(req, RUN_EXAMPLE)));
      return run(s, request);
    },
    'POST /api/chat': async (req) => {
      const request = parseChatRequest(await readJsonObject(req, CHAT_EXAMPLE));
      try {
        return await rooms.send(request, sessionFor);
      } catch (error) {
        throw toHttpError(error);
      }
    },
    'POST /api/key': async (req) => {
      const body = await readJsonObject(req, '{"api_key": "<your MailerLite API key>"}');
      if (typeof body.api_key !== 'string') throw new HttpError(400, 'bad_request', '/api_key: expected the key as a text ("" goes back to MAILERLITE_API_KEY)');
      return { ok: true, key: key.set(body.api_key) };
    },
    'POST /api/sim/reset': async () => resetSimulator(target),
    'POST /api/sim/seed': async (req) => seedScenario(target, (await readJsonObject(req, '{"scenario": "priya-subscribed"}')).scenario),
  };

  return {
    async answer(method: string, path: string, req: IncomingMessage): Promise<ApiAnswer> {
      const handler = routes[`${method} ${path}`];
      if (!handler) {
        const allowed = Object.keys(routes)
          .filter((route) => route.endsWith(` ${path}`))
          .map((route) => route.split(' ')[0]);
        if (allowed.length > 0) throw new HttpError(405, 'method_not_allowed', `${path} takes ${allowed.join(', ')}, not ${method}`);
        throw new HttpError(404, 'not_found', `no API route ${method} ${path}; routes: ${Object.keys(routes).join(', ')}`);
      }
      try {
        return { status: 200, body: await handler(req, new URL(req.url ?? '/', 'http://127.0.0.1').searchParams) };
      } catch (error) {
        throw toHttpError(error);
      }
    },
    secrets: () => key.secrets(),
    close: () => rooms.close(),
  };
}
