import type { ApiVersion } from './catalog.js';
import { UsageError } from './errors.js';
import type { FetchLike } from './http/send.js';

/** Where requests go: the embedded simulator, a simulator already running, or live MailerLite. */
export type TargetKind = 'sim' | 'live';

/** How to open a target, from the command-line flags or the web page. */
export interface TargetOptions {
  target?: TargetKind;
  /** A running simulator (or proxy) origin, e.g. http://127.0.0.1:9090. */
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

/**
 * Checks a `--base-url`: an http(s) URL that parses. An origin (with or without a final
 * `/`) comes back as the bare origin; anything else is a UsageError with an example.
 *
 * @example
 * parseBaseUrl('http://127.0.0.1:9090/') // 'http://127.0.0.1:9090'
 * parseBaseUrl('http://[::1')            // UsageError: --base-url http://[::1: not a valid URL; expected an origin such as http://127.0.0.1:9090
 */
export function parseBaseUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UsageError(`--base-url ${text}: not a valid URL; expected an origin such as http://127.0.0.1:9090`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UsageError(`--base-url ${text}: expected an http:// or https:// origin such as http://127.0.0.1:9090`);
  if (url.username || url.password) throw new UsageError(`--base-url ${text}: a base URL holds no user name or password; the key comes from ${KEY_ENV}`);
  return url.pathname === '/' && !url.search && !url.hash ? url.origin : text;
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
      description: `simulator at ${baseUrl}`,
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
