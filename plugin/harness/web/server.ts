import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Catalog } from '../../catalog.js';
import type { JsonValue } from '../../json.js';
import { listenProblem, parsePort } from '../port.js';
import { createSession } from '../session.js';
import { openTarget, type TargetKind } from '../../target.js';
import { createHandler } from './handler.js';

/** Options of {@link startWebServer}. */
export interface WebServerOptions {
  /** Port on 127.0.0.1 (default 8787; 0 picks a free one). */
  port?: number;
  /** `sim` (default): the embedded simulator; `live`: MailerLite with MAILERLITE_API_KEY. */
  target?: TargetKind;
  /** A simulator already running elsewhere, e.g. http://127.0.0.1:9090 (instead of the embedded one). */
  baseUrl?: string;
  /** Setting values (group_id, optin_form_url, api_version, ...). */
  settings?: Record<string, JsonValue>;
  /** Environment to read MAILERLITE_API_KEY from (default process.env). */
  env?: NodeJS.ProcessEnv;
  /** Declarations to serve (default: the package's own catalog). */
  catalog?: Catalog;
  /** Where unexpected server errors are reported (messages only, never the key). */
  log?: (line: string) => void;
}

/** A running web harness. */
export interface WebServer {
  /** The page's address, e.g. `http://127.0.0.1:8787/`. */
  url: string;
  /** Where Send goes, in one line (no key). */
  description: string;
  /** Stops listening, ends open connections and closes the target (the embedded simulator). */
  close(): Promise<void>;
}

/** The port used when none is given. */
export const DEFAULT_PORT = 8787;

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      server.off('listening', onListening);
      reject(listenProblem(error, port) ?? error);
    };
    const onListening = () => {
      server.off('error', onError);
      resolve((server.address() as AddressInfo).port);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, '127.0.0.1');
  });
}

/**
 * Starts the web harness on 127.0.0.1 only: the page (static files shipped in the
 * package, nothing from the internet) and its JSON API, over the same session as the
 * CLI. With `target: 'sim'` (the default) an embedded simulator answers Send.
 *
 * @example
 * const web = await startWebServer({ port: 0 })
 * console.log(web.url) // http://127.0.0.1:53127/
 * await web.close()
 */
export async function startWebServer(options: WebServerOptions = {}): Promise<WebServer> {
  const port = parsePort(options.port ?? DEFAULT_PORT);
  const target = await openTarget({
    ...(options.target ? { target: options.target } : {}),
    ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
    ...(options.env ? { env: options.env } : {}),
  });
  let bound = port;
  try {
    const session = createSession({ settings: options.settings ?? {}, target, ...(options.catalog ? { catalog: options.catalog } : {}) });
    const handler = createHandler(session, { port: () => bound, ...(options.log ? { log: options.log } : {}) });
    const server = createServer(handler);
    bound = await listen(server, port);
    let closing: Promise<void> | undefined;
    return {
      url: `http://127.0.0.1:${bound}/`,
      description: target.description,
      close: () =>
        (closing ??= new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        })
          .then(() => handler.close())
          .then(() => target.close())),
    };
  } catch (error) {
    await target.close();
    throw error;
  }
}
