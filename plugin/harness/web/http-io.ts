import type { IncomingMessage, ServerResponse } from 'node:http';
import type { MissingInputError } from '../../errors.js';
import type { JsonValue } from '../../json.js';
import { isJsonObject, type JsonObject } from '../../json.js';

/** The kinds of error the web API answers with, so the page can show each clearly. */
export type ApiErrorKind =
  | 'bad_request'
  | 'unknown_id'
  | 'missing_input'
  | 'settings'
  | 'template'
  | 'no_simulator'
  | 'not_found'
  | 'method_not_allowed'
  | 'forbidden'
  | 'too_large'
  | 'internal';

/** One problem with one input: missing, or not valid for its type or format. */
export interface InputProblem {
  name: string;
  kind: 'missing' | 'invalid';
  message: string;
}

/**
 * The problems of a MissingInputError, one per missing input, with its example.
 *
 * @example
 * missingProblems(error) // [{ name: 'customer_email', kind: 'missing', message: 'this input is required (e.g. "priya@example.com")' }]
 */
export function missingProblems(error: MissingInputError): InputProblem[] {
  return error.missing.map((m) => ({
    name: m.name,
    kind: 'missing',
    message: `this input is required${m.example === undefined ? '' : ` (e.g. ${JSON.stringify(m.example)})`}`,
  }));
}

/** The body of every error answer: `{ "error": { kind, message, problems? } }`. */
export interface ApiErrorBody {
  error: { kind: ApiErrorKind; message: string; problems?: InputProblem[] };
}

/**
 * An error that becomes a JSON answer with its status, never a stack trace.
 *
 * @example
 * throw new HttpError(400, 'bad_request', 'the body is not JSON: Unexpected token } (send e.g. {"id": "whatsapp.join"})')
 */
export class HttpError extends Error {
  override name = 'HttpError';
  constructor(readonly status: number, readonly kind: ApiErrorKind, message: string, readonly problems?: InputProblem[]) {
    super(message);
  }

  /** The JSON body sent for this error. */
  body(): ApiErrorBody {
    return { error: { kind: this.kind, message: this.message, ...(this.problems ? { problems: this.problems } : {}) } };
  }
}

/** Largest request body accepted (the page sends a few hundred bytes). */
export const MAX_BODY_BYTES = 256 * 1024;

/**
 * Reads a request body as a JSON object. Not JSON, not an object, too large or not sent
 * as `application/json` → HttpError 400/413/415 naming what was expected.
 *
 * @example
 * const body = await readJsonObject(req) // { id: 'mailerlite.subscriber.upsert', vars: {...} }
 */
export async function readJsonObject(req: IncomingMessage, example: string): Promise<JsonObject> {
  const type = String(req.headers['content-type'] ?? '');
  if (!/^application\/json\b/i.test(type)) {
    throw new HttpError(415, 'bad_request', `send the body as JSON with Content-Type: application/json, e.g. ${example}`);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new HttpError(413, 'too_large', `the body is larger than ${MAX_BODY_BYTES} bytes`);
    chunks.push(buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new HttpError(400, 'bad_request', `the body is not valid JSON (${why}); expected e.g. ${example}`);
  }
  if (!isJsonObject(parsed)) throw new HttpError(400, 'bad_request', `expected a JSON object such as ${example}, got ${describe(parsed)}`);
  return parsed;
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  return value === null ? 'null' : `a ${typeof value}`;
}

/** Security headers on every answer: nothing from elsewhere, no framing, no sniffing. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'Content-Security-Policy':
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
});

/**
 * Writes a body with its status, content type and the security headers.
 *
 * @example
 * send(res, 200, 'text/css; charset=utf-8', cssText)
 */
export function send(res: ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}

/** Serialises a value as the JSON text of an answer. */
export function jsonText(value: JsonValue | object): string {
  return JSON.stringify(value);
}
