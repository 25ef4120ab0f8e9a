import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSON5 from 'json5';
import YAML from 'yaml';

/** The recorded-traffic fixtures (copies, with their licenses). */
export const RECORDED_DIR = new URL('../../fixtures/recorded/', import.meta.url).pathname;

/** One recorded request/response pair. */
export interface Exchange {
  /** Where it was recorded: the fixture file and, for cassettes, the interaction's index. */
  source: string;
  /** The response's `Date` header, in epoch ms (production's clock, to the second). */
  recordedAt: number;
  /** `x-ratelimit-remaining` of the answer (production's request counter), when sent. */
  remaining?: number;
  method: string;
  /** Path and query, e.g. `/api/groups?limit=5&page=1&sort=name`. */
  url: string;
  /** Parsed JSON request body (undefined when none). */
  body: unknown;
  status: number;
  /** Lower-cased header names. */
  headers: Record<string, string>;
  /** Parsed JSON response body; null when empty. */
  response: unknown;
}

function parseJson(text: string | null | undefined): unknown {
  if (text === null || text === undefined || text.trim() === '') return undefined;
  return JSON.parse(text) as unknown;
}

function lowerHeaders(headers: Record<string, string[] | string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), Array.isArray(v) ? v.join(', ') : v]));
}

/** A nodejs-sdk tape: one exchange, JSON5, base64 request body. */
export function loadTape(file: string): Exchange {
  const tape = JSON5.parse<{
    req: { url: string; method: string; body: string };
    res: { status: number; headers: Record<string, string[]>; body: unknown };
  }>(readFileSync(join(RECORDED_DIR, 'nodejs-sdk-tapes', file), 'utf8'));
  const headers = lowerHeaders(tape.res.headers);
  return {
    source: file,
    ...recordedClock(headers),
    method: tape.req.method,
    url: tape.req.url,
    body: parseJson(Buffer.from(tape.req.body, 'base64').toString('utf8')) ?? undefined,
    status: tape.res.status,
    headers,
    response: tape.res.body === '' ? null : tape.res.body,
  };
}

/** A python-sdk VCR cassette: its interactions in order. */
export function loadCassette(file: string): Exchange[] {
  const cassette = YAML.parse(readFileSync(join(RECORDED_DIR, 'python-sdk-cassettes', file), 'utf8')) as {
    interactions: Array<{
      request: { method: string; uri: string; body: string | null };
      response: { status: { code: number }; headers: Record<string, string[]>; body: { string: string } };
    }>;
  };
  return cassette.interactions.map(({ request, response }, index) => {
    const uri = new URL(request.uri);
    const headers = lowerHeaders(response.headers);
    return {
      source: `${file}#${index}`,
      ...recordedClock(headers),
      method: request.method,
      url: uri.pathname + uri.search,
      body: parseJson(request.body) ?? undefined,
      status: response.status.code,
      headers,
      response: parseJson(response.body.string) ?? null,
    };
  });
}

/** When production answered, and its request counter at that moment. */
function recordedClock(headers: Record<string, string>): { recordedAt: number; remaining?: number } {
  const recordedAt = Date.parse(headers.date ?? '');
  if (Number.isNaN(recordedAt)) throw new Error(`recording without a Date header: ${JSON.stringify(headers)}`);
  const remaining = headers['x-ratelimit-remaining'];
  return remaining === undefined ? { recordedAt } : { recordedAt, remaining: Number(remaining) };
}

/** Fixture files in a folder (relative names). */
export function listFixtures(folder: 'nodejs-sdk-tapes' | 'python-sdk-cassettes'): string[] {
  const root = join(RECORDED_DIR, folder);
  return readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.json5') || f.endsWith('.yml')).sort();
}
