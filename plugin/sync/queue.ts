import type { JsonObject } from '../json.js';

/** A contact waiting to be sent: its number, its batch item and how often it was tried. */
export interface Pending {
  /** The contact's number in the file (see walkInput). */
  index: number;
  email: string;
  item: JsonObject;
  attempts: number;
  /** Clock time before which it is not sent again (backoff after a failure). */
  notBefore: number;
}

/**
 * Contacts to send: fresh ones pulled from the file as batches need them, and retried ones
 * that become ready after their backoff. Retried contacts go first, so nothing waits
 * behind the whole file. Only a few batches' worth of fresh contacts is held at a time.
 *
 * @example
 * const queue = new SendQueue(pendingContacts());
 * await queue.fill(49);
 * queue.take(49, performance.now()) // up to 49 contacts
 */
export class SendQueue {
  private fresh: Pending[] = [];
  private next = 0;
  private retries: Pending[] = [];
  private done = false;

  constructor(private readonly source: AsyncIterator<Pending>) {}

  /** Pulls fresh contacts from the source until `count` wait (or the source ends). */
  async fill(count: number): Promise<void> {
    if (this.next > 0) {
      this.fresh = this.fresh.slice(this.next);
      this.next = 0;
    }
    while (!this.done && this.fresh.length - this.next < count) {
      const step = await this.source.next();
      if (step.done) this.done = true;
      else this.fresh.push(step.value);
    }
  }

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

  /** True when some contact is ready at `now` (of those pulled so far). */
  ready(now: number): boolean {
    return this.next < this.fresh.length || this.retries.some((p) => p.notBefore <= now);
  }

  /** Clock time the first waiting retry becomes ready (undefined when none waits). */
  nextReadyAt(): number | undefined {
    let at: number | undefined;
    for (const p of this.retries) if (at === undefined || p.notBefore < at) at = p.notBefore;
    return at;
  }

  /** True when the source is used up and nothing waits. */
  get empty(): boolean {
    return this.done && this.next >= this.fresh.length && this.retries.length === 0;
  }
}
