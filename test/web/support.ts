import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Catalog } from '../../plugin/catalog.js';
import { createSession } from '../../plugin/harness/session.js';
import { openTarget, type Target } from '../../plugin/target.js';
import { createHandler } from '../../plugin/harness/web/handler.js';
import type { JsonValue } from '../../plugin/json.js';
import { DEFAULT_SIM_KEYS } from '../../plugin/simulator/types.js';

/** A web harness over a target the test holds (to inject faults, read the simulator). */
export interface TestHarness {
  url: string;
  target: Target;
  /** Every answer body the harness sent, for the key scan. */
  bodies: string[];
  get<T = unknown>(path: string, headers?: Record<string, string>): Promise<Answer<T>>;
  /** POSTs as the page does (JSON, with the page's own Origin) unless `init` says otherwise; `origin: null` sends none. */
  post<T = unknown>(path: string, body: unknown, init?: PostInit): Promise<Answer<T>>;
  close(): Promise<void>;
}

/** How a test POST differs from the page's own. */
export interface PostInit {
  contentType?: string;
  raw?: string;
  headers?: Record<string, string>;
  /** The Origin header: default the harness's own origin; null sends none. */
  origin?: string | null;
}

/** One answer: status, content type, the parsed JSON body (typed by the caller) and the raw text. */
export interface Answer<T> {
  status: number;
  type: string;
  body: T;
  text: string;
}

/** The keys the embedded simulator accepts: they must never reach a page or an answer. */
export const SIM_KEYS = [DEFAULT_SIM_KEYS.new, DEFAULT_SIM_KEYS.classic];

/**
 * Starts the web handler on 127.0.0.1:0 over a fresh embedded simulator (or the given
 * target), like startWebServer, but keeps the target in reach of the test.
 */
export async function startHarness(options: { target?: Target; catalog?: Catalog; settings?: Record<string, JsonValue> } = {}): Promise<TestHarness> {
  const target = options.target ?? (await openTarget({ target: 'sim' }));
  const session = createSession({ settings: options.settings ?? {}, target, ...(options.catalog ? { catalog: options.catalog } : {}) });
  let port = 0;
  const server = createServer(createHandler(session, { port: () => port }));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}/`;
  const bodies: string[] = [];

  async function read<T>(response: Response): Promise<Answer<T>> {
    const text = await response.text();
    bodies.push(text);
    const type = response.headers.get('content-type') ?? '';
    return { status: response.status, type, body: (type.startsWith('application/json') ? JSON.parse(text) : undefined) as T, text };
  }

  return {
    url,
    target,
    bodies,
    get: async <T>(path: string, headers: Record<string, string> = {}) => read<T>(await fetch(new URL(path, url), { headers })),
    post: async <T>(path: string, body: unknown, init: PostInit = {}) =>
      read<T>(
        await fetch(new URL(path, url), {
          method: 'POST',
          headers: {
            'content-type': init.contentType ?? 'application/json',
            ...(init.origin === null ? {} : { origin: init.origin ?? new URL(url).origin }),
            ...init.headers,
          },
          body: init.raw ?? JSON.stringify(body),
        })
      ),
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await target.close();
    },
  };
}

/** Priya's details from the guide. */
export const PRIYA = { customer_email: 'priya@example.com', customer_name: 'Priya Sharma', customer_phone: '+919820000001' };
