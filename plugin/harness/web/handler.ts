import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Session } from '../session.js';
import { createApi } from './api.js';
import { checkCaller, holdsSecret } from './guard.js';
import { HttpError, jsonText, send } from './http-io.js';
import { assetsDir, readAsset } from './static.js';

/** What the request handler needs besides the session. */
export interface HandlerOptions {
  /** The port the server listens on, for the Host check (read when a request arrives). */
  port: () => number;
  /** The page's files (default: `<packageRoot>/plugin/harness/web/assets`). */
  assets?: string;
  /** Where unexpected errors are reported (message only); default: nowhere. */
  log?: (line: string) => void;
}

/** Every secret value the target may send, so no answer can carry one. */
function secretsOf(session: Session): string[] {
  const target = session.target;
  if (!target) return [];
  return [...new Set([...Object.values(target.secrets('new')), ...Object.values(target.secrets('classic'))])];
}

/**
 * The web harness as a node:http request handler: the page's static files and the JSON
 * API under `/api/`. Every answer is checked for the API key before it leaves; one that
 * holds it is replaced by a 500.
 *
 * @example
 * const server = http.createServer(createHandler(session, { port: () => 8787 }))
 */
export function createHandler(session: Session, options: HandlerOptions) {
  const api = createApi(session);
  const secrets = secretsOf(session);
  const dir = options.assets ?? assetsDir();

  function sendChecked(res: ServerResponse, status: number, type: string, text: string | Buffer): void {
    if (holdsSecret(text.toString(), secrets)) {
      options.log?.('web: an answer held the API key and was withheld');
      send(res, 500, 'application/json; charset=utf-8', jsonText(new HttpError(500, 'internal', 'the answer was withheld because it held the API key').body()));
      return;
    }
    send(res, status, type, text);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = req.method ?? 'GET';
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    try {
      checkCaller(req, options.port());
      if (url.pathname.startsWith('/api/')) {
        const answer = await api(method, url.pathname, req);
        sendChecked(res, answer.status, 'application/json; charset=utf-8', jsonText(answer.body));
        return;
      }
      if (method !== 'GET' && method !== 'HEAD') throw new HttpError(405, 'method_not_allowed', `${url.pathname} takes GET, not ${method}`);
      const asset = await readAsset(url.pathname, dir);
      if (!asset) throw new HttpError(404, 'not_found', `no page file ${url.pathname}`);
      sendChecked(res, 200, asset.type, asset.body);
    } catch (error) {
      const http =
        error instanceof HttpError ? error : new HttpError(500, 'internal', `unexpected error: ${error instanceof Error ? error.message : String(error)}`);
      if (http.status >= 500) options.log?.(`web: ${method} ${url.pathname}: ${http.message}`);
      if (!res.headersSent) sendChecked(res, http.status, 'application/json; charset=utf-8', jsonText(http.body()));
      else res.destroy();
    }
  }

  return (req: IncomingMessage, res: ServerResponse): void => {
    void handle(req, res);
  };
}
