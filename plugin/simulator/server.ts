import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSimulator, type SimulatorCore, type SimulatorOptions } from './app.js';
import { parseBody, responseText } from './body.js';
import { isControlPath } from './control.js';
import { controlForbidden, controlRefusal } from './control-guard.js';
import type { SimRequest, SimResponse } from './types.js';

/** Options of {@link startSimulator}. */
export interface StartOptions extends SimulatorOptions {
  /** TCP port on 127.0.0.1 (default 0: any free port). */
  port?: number;
}

/** A running simulator: the in-process core plus its HTTP server. */
export interface Simulator extends SimulatorCore {
  /** Origin, e.g. `http://127.0.0.1:9090` (the Node SDK's `base_path`). */
  readonly url: string;
  /** `url + '/api'`: base of the new API. */
  readonly newApiBase: string;
  /** `url + '/api/v2'`: base of the classic API. */
  readonly classicApiBase: string;
  readonly port: number;
  /** Stop listening and close open connections. */
  close(): Promise<void>;
}

const MAX_BODY = 10 * 1024 * 1024;

/**
 * Start the simulator's HTTP server on 127.0.0.1 (node:http, no framework).
 *
 * @example
 * const sim = await startSimulator({ port: 0, minuteMs: 1000 });
 * const ml = new MailerLite({ api_key: sim.keys.new, base_path: sim.url });
 * await sim.close();
 */
export async function startSimulator(options: StartOptions = {}): Promise<Simulator> {
  const core = createSimulator(options);
  let port = 0;
  const server = createServer((req, res) => void serve(core, port, req, res));
  port = await listen(server, options.port ?? 0);
  const url = `http://127.0.0.1:${port}`;
  return Object.assign(core, {
    url,
    newApiBase: `${url}/api`,
    classicApiBase: `${url}/api/v2`,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  });
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

async function serve(core: SimulatorCore, port: number, req: IncomingMessage, res: ServerResponse): Promise<void> {
  try {
    const rawBody = await readBody(req);
    if (rawBody === undefined) return send(res, 413, { 'content-type': 'application/json' }, '{"message":"Payload Too Large"}');
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers)) if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (isControlPath(url.pathname)) {
      const refusal = controlRefusal(headers, port);
      if (refusal !== undefined) return reply(res, controlForbidden(refusal));
    }
    const simRequest: SimRequest = {
      method: (req.method ?? 'GET').toUpperCase(),
      path: url.pathname,
      query: url.searchParams,
      headers,
      body: parseBody(rawBody, headers['content-type']),
      rawBody,
      origin: `http://${headers.host ?? '127.0.0.1'}`,
    };
    const outcome = await core.handle(simRequest);
    if (outcome.kind === 'drop') {
      req.socket.destroy();
      return;
    }
    reply(res, outcome.response);
  } catch (error) {
    send(res, 500, { 'content-type': 'application/json' }, JSON.stringify({ message: 'Server Error', detail: String(error) }));
  }
}

function reply(res: ServerResponse, response: SimResponse): void {
  send(res, response.status, response.headers, responseText(response));
}

function send(res: ServerResponse, status: number, headers: Record<string, string>, body: string | undefined): void {
  if (res.headersSent || res.destroyed) return;
  if (status === 204 || body === undefined) {
    res.writeHead(status, status === 204 ? headers : { ...headers, 'content-length': '0' });
    res.end();
    return;
  }
  res.writeHead(status, { ...headers, 'content-length': String(Buffer.byteLength(body)) });
  res.end(body);
}

function readBody(req: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY) chunks.push(chunk);
    });
    req.on('end', () => resolve(size > MAX_BODY ? undefined : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
