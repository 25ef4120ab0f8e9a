import type { Clock } from './types.js';

/** Request budgets per window. */
export interface RateLimits {
  /** New API: requests per window per account (MailerLite: 120/min). */
  requests: number;
  /** New API: import-creating requests per window, e.g. all-upsert batches (MailerLite: 5/min). */
  imports: number;
  /** Classic API: requests per window per endpoint (MailerLite: 60/min). */
  classicPerEndpoint: number;
}

/** MailerLite's documented limits. */
export const DEFAULT_RATE_LIMITS: Readonly<RateLimits> = Object.freeze({ requests: 120, imports: 5, classicPerEndpoint: 60 });

/** The answer for one request against one budget. */
export interface LimitDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Epoch ms when the window ends. */
  resetAt: number;
  /** Exact milliseconds until the window ends (at least 1). */
  retryAfterMs: number;
  /** Whole seconds until the window ends, rounded up (at least 1), for `Retry-After`. */
  retryAfterSeconds: number;
}

/**
 * Fixed windows per key, opened by the first request after the previous window ended
 * (as Laravel's throttle does). The window length is `windowMs`: a minute in production,
 * shorter in tests.
 */
export class FixedWindowLimiter {
  private readonly windows = new Map<string, { start: number; used: number }>();

  constructor(
    private readonly windowMs: number,
    private readonly clock: Clock,
  ) {}

  /** Spend one request of `key`'s budget if any is left. */
  consume(key: string, limit: number): LimitDecision {
    const now = this.clock();
    let window = this.windows.get(key);
    if (!window || now >= window.start + this.windowMs) {
      window = { start: now, used: 0 };
      this.windows.set(key, window);
    }
    const allowed = window.used < limit;
    if (allowed) window.used += 1;
    const resetAt = window.start + this.windowMs;
    const retryAfterMs = Math.max(1, resetAt - now);
    return {
      allowed,
      limit,
      remaining: Math.max(0, limit - window.used),
      resetAt,
      retryAfterMs,
      retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs / 1000)),
    };
  }

  /** Forget every window. */
  reset(): void {
    this.windows.clear();
  }
}
