/**
 * The page's calls to its own server (same origin, JSON). A failed connection becomes a
 * NetworkError with a message people can act on; an error answer becomes an ApiError
 * carrying the server's `{ error: { kind, message, problems } }`.
 */

/** The harness server could not be reached. */
export class NetworkError extends Error {
  /** @param {string} message */
  constructor(message) {
    super(message);
    this.name = 'NetworkError';
  }
}

/** The server answered with an error. */
export class ApiError extends Error {
  /**
   * @param {number} status
   * @param {{ kind: string, message: string, problems?: Array<{ name: string, kind: string, message: string }> }} error
   */
  constructor(status, error) {
    super(error.message);
    this.name = 'ApiError';
    this.status = status;
    this.kind = error.kind;
    this.problems = error.problems ?? [];
  }
}

/**
 * @param {string} path
 * @param {RequestInit} [init]
 * @returns {Promise<any>}
 */
async function call(path, init) {
  let response;
  try {
    response = await fetch(path, { ...init, headers: { Accept: 'application/json', ...(init?.headers ?? {}) } });
  } catch {
    throw new NetworkError(`Cannot reach the harness server at ${location.origin}. Is \`mailerlite-steps serve\` still running?`);
  }
  let body;
  try {
    body = await response.json();
  } catch {
    throw new NetworkError(`The harness server answered ${response.status} without JSON.`);
  }
  if (!response.ok) throw new ApiError(response.status, body?.error ?? { kind: 'internal', message: `HTTP ${response.status}` });
  return body;
}

/**
 * GET a JSON route.
 * @example await getJson('/api/catalog')
 * @param {string} path
 */
export function getJson(path) {
  return call(path);
}

/**
 * POST a JSON body to a route.
 * @example await postJson('/api/preview', { id: 'mailerlite.subscriber.upsert', vars: {} })
 * @param {string} path
 * @param {unknown} body
 */
export function postJson(path, body) {
  return call(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
}
