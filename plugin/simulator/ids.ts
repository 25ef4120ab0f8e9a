/** The kinds of record that get generated ids. */
export type IdKind = 'subscriber' | 'group' | 'field';

/** A shared counter: new-API subscribers and groups draw from one, like snowflake ids. */
interface Counter {
  value: bigint;
}

/**
 * Hands out ids as digit strings, computed with BigInt so they never pass through a JS
 * number. A seed can reserve the id a given email gets when it is created
 * (`next_ids.subscriber_by_email`: the guide's Priya is 987654321) and queue the exact ids
 * the next records get (`next_ids`); otherwise a counter takes over, always above every id
 * seen so far, so new records list first. The new API's counter gives 18-digit ids, like
 * production's 15-18.
 *
 * @example
 * const ids = IdAllocator.forNewApi();
 * ids.reserve('priya@example.com', '987654321');
 * ids.next('subscriber', () => false, 'sam@example.com'); // '171000000000000001'
 * ids.next('subscriber', () => false, 'priya@example.com'); // '987654321'
 */
export class IdAllocator {
  private readonly queues = new Map<IdKind, string[]>();
  private readonly reserved = new Map<string, string>();

  private constructor(private readonly counters: Record<IdKind, Counter>) {}

  /** New API: 18-digit ids above 2^53 for subscribers and groups, small ones for fields. */
  static forNewApi(): IdAllocator {
    const shared = { value: 171_000_000_000_000_000n };
    return new IdAllocator({ subscriber: shared, group: shared, field: { value: 100_000n } });
  }

  /** Classic API: plain integers (safe for JSON numbers). */
  static forClassicApi(): IdAllocator {
    return new IdAllocator({
      subscriber: { value: 1_343_965_000n },
      group: { value: 3_640_000n },
      field: { value: 100_000n },
    });
  }

  /** Queue ids that the next records of `kind` receive, in order. */
  preset(kind: IdKind, ids: readonly string[]): void {
    this.queues.set(kind, [...(this.queues.get(kind) ?? []), ...ids]);
  }

  /** Reserve the id the subscriber with this (normalised) email gets when it is created. */
  reserve(email: string, id: string): void {
    this.reserved.set(email, id);
  }

  /** Subscriber ids still reserved, by email. */
  reservations(): Record<string, string> {
    return Object.fromEntries(this.reserved);
  }

  /** Ids still queued for `kind`. */
  pending(kind: IdKind): string[] {
    return [...(this.queues.get(kind) ?? [])];
  }

  /** Record an existing id so generated ones stay above it. */
  observe(kind: IdKind, id: string): void {
    const counter = this.counters[kind];
    const value = BigInt(id);
    if (value > counter.value) counter.value = value;
  }

  /**
   * The next id for `kind`: the one reserved for `email`, else the next queued one, else
   * the counter's next, skipping any that `taken` reports as used.
   */
  next(kind: IdKind, taken: (id: string) => boolean, email?: string): string {
    const reserved = email === undefined ? undefined : this.reserved.get(email);
    if (reserved !== undefined && !taken(reserved)) {
      this.reserved.delete(email!);
      return reserved;
    }
    const queued = this.queues.get(kind)?.shift();
    if (queued !== undefined) return queued;
    const counter = this.counters[kind];
    let id: string;
    do {
      counter.value += 1n;
      id = counter.value.toString();
    } while (taken(id));
    return id;
  }
}
