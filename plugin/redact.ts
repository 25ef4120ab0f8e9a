import { Writable } from 'node:stream';
import type { FetchLike } from './http/send.js';
import { redactedMarker } from './request/context.js';
import type { Target } from './target.js';

/** A secret the harness may send, by name (`api_key`) and value. */
export interface Secret {
  name: string;
  value: string;
}

/** Shorter values are not keys, and replacing them would mangle ordinary text. */
const MIN_SECRET_LENGTH = 4;

/**
 * Every secret a target sends, for either API version (the embedded simulator has one
 * key per version; live MailerLite one for both).
 *
 * @example
 * targetSecrets(target) // [{ name: 'api_key', value: 'sim-new-0000-key' }, { name: 'api_key', value: 'sim-classic-0000-key' }]
 */
export function targetSecrets(target: Target | undefined): Secret[] {
  if (!target) return [];
  const found = new Map<string, string>();
  for (const api of ['new', 'classic'] as const) {
    for (const [name, value] of Object.entries(target.secrets(api))) found.set(value, name);
  }
  return [...found].map(([value, name]) => ({ name, value }));
}

/** The ways a value shows up in text: as is, JSON-escaped (inside a JSON string), URL-encoded. */
function forms(value: string): string[] {
  return [...new Set([JSON.stringify(value).slice(1, -1), value, encodeURIComponent(value)])];
}

/**
 * Replaces every secret value in a text (as is, JSON-escaped or URL-encoded) with its
 * marker `[redacted:<name>]`, so a server that echoes the key (in a body or a header)
 * cannot get it printed or answered. JSON stays JSON: the marker needs no escaping.
 *
 * @example
 * redactSecrets('{"echo":"Bearer sim-new-0000-key"}', [{ name: 'api_key', value: 'sim-new-0000-key' }])
 * // '{"echo":"Bearer [redacted:api_key]"}'
 */
export function redactSecrets(text: string, secrets: readonly Secret[]): string {
  let out = text;
  for (const { name, value } of secrets) {
    if (value.length < MIN_SECRET_LENGTH) continue;
    for (const form of forms(value)) out = out.split(form).join(redactedMarker(name));
  }
  return out;
}

/**
 * True when a text holds any of the secret values (as is, JSON-escaped or URL-encoded).
 *
 * @example
 * holdsSecret('{"Authorization":"Bearer [redacted:api_key]"}', [{ name: 'api_key', value: 'sim-new-0000-key' }]) // false
 */
export function holdsSecret(text: string, secrets: readonly Secret[]): boolean {
  return redactSecrets(text, secrets) !== text;
}

/** A stream that shows whether it is a terminal (for colours and prompts). */
export type OutputStream = NodeJS.WritableStream & { isTTY?: boolean };

/**
 * A stream that writes to `stream` with every secret redacted. Each write is redacted
 * whole (the CLI writes whole lines and whole JSON documents), and passed on at once, so
 * the order of stdout and stderr lines is kept.
 *
 * @example
 * const stdout = redactingStream(process.stdout, targetSecrets(target))
 */
export function redactingStream(stream: OutputStream, secrets: readonly Secret[]): OutputStream {
  const redacting = new Writable({
    decodeStrings: false,
    write(chunk: Buffer | string, _encoding, done) {
      stream.write(redactSecrets(typeof chunk === 'string' ? chunk : chunk.toString('utf8'), secrets));
      done();
    },
  });
  return Object.assign(redacting, { isTTY: stream.isTTY });
}

/**
 * A fetch whose answers have every secret value redacted, in the body and the header
 * values, before anything reads them: for sync, which writes what MailerLite says into
 * its journal, report and summary, so a server that echoes the key cannot get it written.
 *
 * @example
 * const safe = redactingFetch(target.fetch, targetSecrets(target));
 */
export function redactingFetch(fetch: FetchLike, secrets: readonly Secret[]): FetchLike {
  if (secrets.length === 0) return fetch;
  return async (url, init) => {
    const response = await fetch(url, init);
    const text = redactSecrets(await response.text(), secrets);
    const headers = new Headers();
    response.headers.forEach((value, name) => {
      if (name !== 'content-length') headers.set(name, redactSecrets(value, secrets));
    });
    // A status without a body (204, 304) may not be given one, not even an empty one.
    return new Response(text === '' ? null : text, { status: response.status, statusText: response.statusText, headers });
  };
}
