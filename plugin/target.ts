import type { ApiVersion } from './catalog.js';
import { UsageError } from './errors.js';
import type { FetchLike } from './http/send.js';

/** Where requests go: the embedded simulator, a simulator already running, or live MailerLite. */
export type TargetKind = 'sim' | 'live';

/** How to open a target, from the command-line flags or the web page. */
export interface TargetOptions {
  target?: TargetKind;
  /** A running simulator (or proxy): an origin, or an origin plus `/api` or `/api/v2`, e.g. http://127.0.0.1:9090/api (see {@link parseBaseUrl}). */
  baseUrl?: string;
  /** Seed for the embedded simulator (its JSON seed format, or a named scenario). */
  seed?: import('./simulator/seed-input.js').SeedInput;
  /** Environment to read MAILERLITE_API_KEY from. */
  env?: NodeJS.ProcessEnv;
}

/** An open target: the fetch to use, the origin override and the keys. */
export interface Target {
  kind: 'sim' | 'url' | 'live';
  /** One line saying where requests go, never holding the key. */
  description: string;
  fetch: FetchLike;
  /** Replaces each template URL's origin; undefined for live. */
  baseUrl: string | undefined;
  /** The secrets for templates of an API version. */
  secrets(api: ApiVersion): Record<string, string>;
  /** Control of the embedded simulator, when there is one. */
  simulator: import('./simulator/index.js').Simulator | undefined;
  close(): Promise<void>;
}

const KEY_ENV = 'MAILERLITE_API_KEY';

/** What `--base-url` accepts, with an example: the tail of every refusal. */
const ACCEPTED = 'expected an http:// or https:// origin, alone or followed by /api (new API) or /api/v2 (classic), e.g. http://127.0.0.1:9090/api';

/** The paths a base URL may end in: none, the new API's `/api`, the classic `/api/v2` (a final `/` allowed). */
const API_PATH = /^\/(?:api(?:\/v2)?\/?)?$/;

/** The text as it may be shown: a user name or password, a query and a fragment are never printed. */
function shown(text: string): string {
  if (text === '') return '""';
  return text.replace(/^([^:/?#]*:\/\/)[^/?#]*@/, '$1[redacted]@').replace(/([?#]).*$/s, '$1…');
}

/**
 * Checks a `--base-url` and returns its origin, the part that replaces the templates'
 * `https://connect.mailerlite.com` and `https://api.mailerlite.com`. Accepted: an http(s)
 * origin alone, or followed by `/api` or `/api/v2` (with or without a final `/`), as
 * `mailerlite-steps sim` prints them and as MailerLite's docs write base URLs. Anything
 * else (another path, a query, a fragment, a user name or password, another scheme) is a
 * UsageError saying what is accepted, with an example; it never prints a password or a
 * query. The one place base URLs are parsed: `openTarget` (run, chat, serve, sync) and
 * preview call it, and the Node-RED account node (`field` names what is checked in the
 * message: `baseUrl` there).
 *
 * @example
 * parseBaseUrl('http://127.0.0.1:9090/api')             // 'http://127.0.0.1:9090'
 * parseBaseUrl('http://127.0.0.1:9090/api/v2/')         // 'http://127.0.0.1:9090'
 * parseBaseUrl('https://connect.mailerlite.com/api')    // 'https://connect.mailerlite.com'
 * parseBaseUrl('http://127.0.0.1:9090/api/subscribers') // UsageError: --base-url http://127.0.0.1:9090/api/subscribers: the path /api/subscribers is not /api or /api/v2; expected an http:// or https:// origin, ...
 */
export function parseBaseUrl(text: string, field = '--base-url'): string {
  const refuse = (reason: string) => new UsageError(`${field} ${shown(text)}: ${reason}; ${ACCEPTED}`);
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw refuse('not a valid URL');
  }
  // The accepted forms say it all: `--base-url ftp://…: expected an http:// or https:// origin, …`.
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UsageError(`${field} ${shown(text)}: ${ACCEPTED}`);
  if (url.username || url.password) throw refuse(`a base URL holds no user name or password (the key comes from ${KEY_ENV})`);
  if (url.search || text.includes('?')) throw refuse('a base URL has no query');
  if (url.hash || text.includes('#')) throw refuse('a base URL has no fragment');
  if (!API_PATH.test(url.pathname)) throw refuse(`the path ${url.pathname} is not /api or /api/v2`);
  return url.origin;
}

/**
 * True for an origin on this machine's loopback: `localhost`, 127.0.0.0/8 or `[::1]`.
 *
 * @example
 * isLoopback('http://127.0.0.1:9090')          // true
 * isLoopback('https://connect.mailerlite.com') // false
 */
export function isLoopback(origin: string): boolean {
  const host = new URL(origin).hostname;
  return host === 'localhost' || host === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/**
 * True when requests may leave this machine: `--target live`, or a `--base-url` that is
 * not a loopback simulator. Commands announce such a target in red before sending, as
 * they announce live.
 *
 * @example
 * isRemote({ kind: 'url', baseUrl: 'https://connect.mailerlite.com' }) // true
 * isRemote({ kind: 'url', baseUrl: 'http://127.0.0.1:9090' })          // false
 */
export function isRemote(target: Pick<Target, 'kind' | 'baseUrl'>): boolean {
  if (target.kind === 'live') return true;
  return target.kind === 'url' && target.baseUrl !== undefined && !isLoopback(target.baseUrl);
}

/**
 * Opens a target. `sim` (the default) starts the simulator in-process on 127.0.0.1;
 * `baseUrl` points at one already running (its default keys unless MAILERLITE_API_KEY is
 * set); `live` sends to MailerLite with MAILERLITE_API_KEY.
 *
 * @example
 * const target = await openTarget({ target: 'sim' }); try { ... } finally { await target.close() }
 */
export async function openTarget(options: TargetOptions = {}): Promise<Target> {
  const env = options.env ?? process.env;
  const fetch: FetchLike = (url, init) => globalThis.fetch(url, init);
  if (options.target === 'live') {
    if (options.baseUrl) throw new UsageError('--base-url and --target live exclude each other: live always talks to MailerLite');
    const key = env[KEY_ENV];
    if (!key) throw new UsageError(`--target live needs the API key in ${KEY_ENV} (MailerLite: account settings → Integrations → API)`);
    return {
      kind: 'live',
      description: 'LIVE MailerLite (connect.mailerlite.com / api.mailerlite.com): real subscribers will change',
      fetch,
      baseUrl: undefined,
      secrets: () => ({ api_key: key }),
      simulator: undefined,
      close: async () => {},
    };
  }
  const { DEFAULT_SIM_KEYS } = await import('./simulator/types.js');
  if (options.baseUrl) {
    const baseUrl = parseBaseUrl(options.baseUrl);
    const key = env[KEY_ENV];
    return {
      kind: 'url',
      description: isLoopback(baseUrl) ? `simulator at ${baseUrl}` : `${baseUrl} (not a simulator on this machine: if it reaches MailerLite, real subscribers will change)`,
      fetch,
      baseUrl,
      secrets: (api) => ({ api_key: key ?? DEFAULT_SIM_KEYS[api] }),
      simulator: undefined,
      close: async () => {},
    };
  }
  const { startSimulator } = await import('./simulator/index.js');
  const simulator = await startSimulator({ port: 0, ...(options.seed === undefined ? {} : { seed: options.seed }) });
  return {
    kind: 'sim',
    description: `embedded MailerLite simulator at ${simulator.url}`,
    fetch,
    baseUrl: simulator.url,
    secrets: (api) => ({ api_key: simulator.keys[api] }),
    simulator,
    close: () => simulator.close(),
  };
}
