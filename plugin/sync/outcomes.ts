import type { SettledResult } from './journal.js';
import type { FinalOutcome } from './types.js';

const CODES: readonly FinalOutcome[] = ['created', 'updated', 'cannot_resubscribe', 'invalid', 'failed'];

/** A contact's final answer as the report shows it (the email is known from the walk). */
export interface ContactResult {
  outcome: FinalOutcome;
  status?: number;
  message?: string;
}

/**
 * The final answer of each contact of a run, by contact number: one byte per contact,
 * plus the status and message of the ones that did not end created or updated (a report
 * lists those). Repeated messages are kept once.
 *
 * @example
 * const outcomes = new Outcomes(3);
 * outcomes.set(0, { outcome: 'created', status: 201 });
 * outcomes.set(2, { outcome: 'failed', message: 'gave up after 6 attempts' });
 * outcomes.get(2) // { outcome: 'failed', message: 'gave up after 6 attempts' }
 * outcomes.get(1) // undefined: no answer (not sent)
 */
export class Outcomes {
  private readonly codes: Uint8Array;
  private readonly details = new Map<number, { status?: number; message?: string }>();
  private readonly texts = new Map<string, string>();
  /** Answers set, per outcome. */
  readonly counts: Record<FinalOutcome, number> = { created: 0, updated: 0, cannot_resubscribe: 0, invalid: 0, failed: 0 };

  constructor(readonly size: number) {
    this.codes = new Uint8Array(size);
  }

  set(index: number, result: ContactResult | SettledResult): void {
    const before = this.codes[index]!;
    if (before) this.counts[CODES[before - 1]!] -= 1;
    this.codes[index] = CODES.indexOf(result.outcome) + 1;
    this.counts[result.outcome] += 1;
    if (result.outcome === 'created' || result.outcome === 'updated') {
      this.details.delete(index);
      return;
    }
    const message = result.message === undefined ? undefined : this.intern(result.message);
    this.details.set(index, { ...(result.status === undefined ? {} : { status: result.status }), ...(message === undefined ? {} : { message }) });
  }

  get(index: number): ContactResult | undefined {
    const code = this.codes[index];
    if (!code) return undefined;
    return { outcome: CODES[code - 1]!, ...this.details.get(index) };
  }

  private intern(text: string): string {
    const known = this.texts.get(text);
    if (known !== undefined) return known;
    this.texts.set(text, text);
    return text;
  }
}
