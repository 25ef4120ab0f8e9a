import type { IncomingMessage, ServerResponse } from 'node:http';
import { holdsSecret, redactSecrets } from '../../redact.js';
import type { Session } from '../session.js';
import { createApi } from './api.js';
import { checkCaller, checkChange } from './guard.js';
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

/**
 * The web harness as a node:http request handler: the page's static files and the JSON
 * API under `/api/`. Every answer is checked for the API key before it leaves; where it
 * shows up (a server that echoes it, a template that renders it into its body) it is
 * redacted, as the CLI redacts what it prints.
 *
 * @example
 * const server = http.createServer(createHandler(session, { port: () => 8787 }))
 */
export function createHandler(session: Session, options: HandlerOptions) {
  const api = createApi(session);
  const dir = options.assets ?? assetsDir();

  function sendChecked(res: ServerResponse, status: number, type: string, body: string | Buffer): void {
    const text = body.toString();
    // Every key the server holds: the target's, and one given in the page for live.
    const secrets = api.secrets();
    if (!holdsSecret(text, secrets)) return send(res, status, type, body);
    options.log?.('web: an answer held the API key; the key was redacted');
    send(res, status, type, redactSecrets(text, secrets));
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = req.method ?? 'GET';
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    try {
      checkCaller(req, options.port());
      if (method !== 'GET' && method !== 'HEAD') checkChange(req);
      if (url.pathname.startsWith('/api/')) {
        const answer = await api.answer(method, url.pathname, req);
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

  const handler = (req: IncomingMessage, res: ServerResponse): void => {
    void handle(req, res);
  };
  /** Ends the page's conversations (their flows waiting for an answer). */
  return Object.assign(handler, { close: () => api.close() });
}
