import type { JsonValue } from '../json.js';

/** An HTTP response as recorded in a step result. */
export interface ResponseRecord {
  status: number;
  /** Header names lower-cased. */
  headers: Record<string, string>;
  /** The JSON body; the raw text when it is not JSON; null when empty. */
  body: JsonValue;
  /** False when the body was not JSON (kept as text). */
  json: boolean;
}

/**
 * Reads a fetch Response into a record. A non-JSON or empty body is kept as text (or
 * null), never a crash.
 */
export async function readResponse(response: Response): Promise<ResponseRecord> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name.toLowerCase()] = value;
  });
  const text = await response.text();
  if (text.trim() === '') return { status: response.status, headers, body: null, json: true };
  try {
    return { status: response.status, headers, body: JSON.parse(text) as JsonValue, json: true };
  } catch {
    return { status: response.status, headers, body: text, json: false };
  }
}
