import type { SimResponse } from './types.js';

/** Host names the simulator's control routes answer to: the loopback names, nothing else. */
const LOOPBACK_HOSTS = ['127.0.0.1', 'localhost', '[::1]'];

/**
 * The `Host` values (and `Origin`s) that name this server: a loopback name with the
 * server's own port (port 80 may also be left out).
 *
 * @example
 * ownHosts(9090) // ['127.0.0.1:9090', 'localhost:9090', '[::1]:9090']
 */
export function ownHosts(port: number): string[] {
  const hosts = LOOPBACK_HOSTS.map((name) => `${name}:${port}`);
  return port === 80 ? [...hosts, ...LOOPBACK_HOSTS] : hosts;
}

/**
 * Why a request to a control route (`/__sim/...`) over HTTP is refused, or undefined
 * when it may proceed. The control routes hand out and replace the whole state (emails
 * and phone numbers included) without a key, so they answer only to this machine:
 * - `Host` must be a loopback name with the server's port, which defeats DNS rebinding
 *   (a foreign page whose name resolves to 127.0.0.1 still sends its own name);
 * - an `Origin`, when a browser sends one, must be this server's own origin: a page on
 *   another site (or a sandboxed one, `Origin: null`) cannot reset, seed or read it.
 * Node's fetch and curl send no `Origin`, so scripts and the harness are unaffected.
 */
export function controlRefusal(headers: Record<string, string>, port: number): string | undefined {
  const allowed = ownHosts(port);
  const host = (headers.host ?? '').trim().toLowerCase();
  if (!allowed.includes(host)) return `the control routes answer only to Host ${allowed.join(', ')}`;
  const origin = headers.origin;
  if (origin !== undefined && !allowed.some((h) => origin.toLowerCase() === `http://${h}`)) {
    return `the control routes answer only to pages served from http://${allowed[0]}, not ${origin}`;
  }
  return undefined;
}

/** 403 for a refused control request: JSON, no CORS headers (a foreign page cannot read it). */
export function controlForbidden(reason: string): SimResponse {
  return { status: 403, headers: { 'content-type': 'application/json' }, json: { message: `Forbidden: ${reason}.` } };
}
