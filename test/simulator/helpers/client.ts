/** The shape of the global fetch, injected so no test patches globals. */
export type FetchLike = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

/** A response as tests look at it: status, lower-cased headers, parsed body. */
export interface Answer {
  status: number;
  headers: Record<string, string>;
  /**
   * Parsed JSON; the raw text when not JSON; null when empty. Typed `any` on purpose: the
   * contract tests probe arbitrary response shapes and assert on them directly.
   */
  body: any;
}

/** Where a contract test sends requests. */
export interface ContractTarget {
  /** Origin of the new API, e.g. `http://127.0.0.1:9090` or `https://connect.mailerlite.com`. */
  baseUrl: string;
  key: string;
  /** Classic key; classic tests are skipped without it. */
  classicKey?: string;
  /** Origin of the classic API (default `baseUrl`; live: `https://api.mailerlite.com`). */
  classicBaseUrl?: string;
  /** Back to a known state (simulator only). */
  reset?(): Promise<void>;
}

/** Sends new-API and classic requests with an injected fetch. */
export interface ApiClient {
  api(method: string, path: string, body?: unknown, key?: string | null): Promise<Answer>;
  classic(method: string, path: string, body?: unknown, key?: string | null): Promise<Answer>;
}

/**
 * A small client for contract tests: `api('GET', '/subscribers/x')` goes to
 * `${baseUrl}/api/subscribers/x` with the Bearer key (pass `null` to send no key).
 */
export function apiClient(target: ContractTarget, fetchImpl: FetchLike): ApiClient {
  async function send(url: string, method: string, headers: Record<string, string>, body: unknown): Promise<Answer> {
    const init: RequestInit = { method, headers: { accept: 'application/json', ...headers } };
    if (body !== undefined) {
      init.body = JSON.stringify(body);
      (init.headers as Record<string, string>)['content-type'] = 'application/json';
    }
    const res = await fetchImpl(url, init);
    const text = await res.text();
    let parsed: unknown = text === '' ? null : text;
    try {
      if (text !== '') parsed = JSON.parse(text);
    } catch {
      /* keep the text */
    }
    const out: Record<string, string> = {};
    res.headers.forEach((value, name) => (out[name] = value));
    return { status: res.status, headers: out, body: parsed };
  }
  return {
    api: (method, path, body, key = target.key) =>
      send(`${target.baseUrl}/api${path}`, method, key === null ? {} : { authorization: `Bearer ${key}` }, body),
    classic: (method, path, body, key = target.classicKey ?? null) =>
      send(`${target.classicBaseUrl ?? target.baseUrl}/api/v2${path}`, method, key === null ? {} : { 'x-mailerlite-apikey': key }, body),
  };
}

/** A suffix that keeps names and emails of one run apart from others (live runs). */
export function runTag(): string {
  return `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4).toString(36)}`;
}
