import type { RetryPolicy } from '../generated/step-template.js';
import type { OutgoingRequest } from '../request/build.js';
import { readResponse, type ResponseRecord } from './response.js';
import { retryAfterMs } from './retry-after.js';

/** The `fetch` a step sends with: injected, never a patched global. */
export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

/** How one request is sent. */
export interface SendOptions {
  fetch: FetchLike;
  /** Per-attempt timeout; builders use 10 s. */
  timeoutMs?: number;
  /** Retry policy; only a policy with `safe_to_repeat: true` ever retries. */
  retry?: RetryPolicy | undefined;
  /** Waits between attempts (tests pass a fake). */
  sleep?: (ms: number) => Promise<void>;
  /** Random number in [0, 1) for jitter. */
  random?: () => number;
}

/** What sending produced: a response (any status), or a failure without one. */
export type Sent =
  | { kind: 'response'; response: ResponseRecord; attempts: number }
  | { kind: 'timeout' | 'network'; message: string; attempts: number };

export const DEFAULT_TIMEOUT_MS = 10_000;

const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Sends a request over the injected fetch with a timeout. Steps that are safe to repeat
 * are retried on 429 (waiting what `Retry-After`, or classic's `X-RateLimit-Retry-After`, says, up to the cap), 5xx, timeouts and
 * network failures, with capped, fully jittered exponential backoff; others never are.
 *
 * @example
 * const sent = await send(request, { fetch, retry: { safe_to_repeat: true } })
 * if (sent.kind === 'response') console.log(sent.response.status)
 */
export async function send(request: OutgoingRequest, options: SendOptions): Promise<Sent> {
  const policy = options.retry;
  const maxAttempts = policy?.safe_to_repeat ? (policy.max_attempts ?? 3) : 1;
  const baseDelay = policy?.base_delay_ms ?? 500;
  const maxDelay = policy?.max_delay_ms ?? 8000;
  const sleep = options.sleep ?? defaultSleep;
  const random = options.random ?? Math.random;
  for (let attempt = 1; ; attempt++) {
    const sent = await attemptOnce(request, options.fetch, options.timeoutMs ?? DEFAULT_TIMEOUT_MS, attempt);
    if (attempt >= maxAttempts || !retryable(sent)) return sent;
    const backoff = random() * Math.min(maxDelay, baseDelay * 2 ** (attempt - 1));
    const asked = sent.kind === 'response' ? retryAfterMs(sent.response.headers['retry-after'] ?? sent.response.headers['x-ratelimit-retry-after']) : undefined;
    if (asked !== undefined && asked > maxDelay) return sent;
    await sleep(asked ?? backoff);
  }
}

function retryable(sent: Sent): boolean {
  if (sent.kind !== 'response') return true;
  return sent.response.status === 429 || sent.response.status >= 500;
}

async function attemptOnce(request: OutgoingRequest, fetch: FetchLike, timeoutMs: number, attempt: number): Promise<Sent> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const response = await fetch(request.url, {
      method: request.method,
      headers: request.headers,
      ...(request.body === undefined ? {} : { body: request.body }),
      signal: controller.signal,
    });
    return { kind: 'response', response: await readResponse(response), attempts: attempt };
  } catch (error) {
    if (controller.signal.aborted) {
      return { kind: 'timeout', message: `no response within ${timeoutMs} ms`, attempts: attempt };
    }
    return { kind: 'network', message: describe(error), attempts: attempt };
  } finally {
    clearTimeout(timer);
  }
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = (error as Error & { cause?: unknown }).cause;
  const code = typeof cause === 'object' && cause !== null && 'code' in cause ? String((cause as { code: unknown }).code) : '';
  const causeMessage = cause instanceof Error ? cause.message : '';
  return [error.message, code, causeMessage].filter(Boolean).join(': ');
}
