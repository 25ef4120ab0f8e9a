import type { JsonObject } from '../json.js';

/** A contact waiting to be sent: its batch item and how often it was tried. */
export interface Pending {
  email: string;
  item: JsonObject;
  attempts: number;
  /** Clock time before which it is not sent again (backoff after a failure). */
  notBefore: number;
}

/**
 * Contacts to send: fresh ones in file order, and retried ones that become ready after
 * their backoff. Retried contacts go first, so nothing waits behind the whole file.
 *
 * @example
 * const queue = new SendQueue([{ email: 'p@x.com', item, attempts: 0, notBefore: 0 }]);
 * queue.take(49, performance.now()) // [the pending contact]
 */
export class SendQueue {
  private next = 0;
  private retries: Pending[] = [];

  constructor(private readonly fresh: Pending[]) {}

  /** Up to `max` contacts ready at `now`. */
  take(max: number, now: number): Pending[] {
    const out: Pending[] = [];
    const later: Pending[] = [];
    for (const p of this.retries) (out.length < max && p.notBefore <= now ? out : later).push(p);
    this.retries = later;
    while (out.length < max && this.next < this.fresh.length) out.push(this.fresh[this.next++]!);
    return out;
  }

  /** Puts a contact back for another attempt. */
  retry(pending: Pending): void {
    this.retries.push(pending);
  }

  /** True when some contact is ready at `now`. */
  ready(now: number): boolean {
    return this.next < this.fresh.length || this.retries.some((p) => p.notBefore <= now);
  }

  /** Clock time the first waiting retry becomes ready (undefined when none waits). */
  nextReadyAt(): number | undefined {
    return this.retries.length === 0 ? undefined : Math.min(...this.retries.map((p) => p.notBefore));
  }

  get empty(): boolean {
    return this.next >= this.fresh.length && this.retries.length === 0;
  }
}
