import type { Contact } from './types.js';

/**
 * What the later rows of one email hold: their lines and their last non-empty values.
 * Every property is set from the start (a property added later costs a separate store
 * per object), and `later` is created with its one line (an array grown by `push` from
 * empty reserves room for sixteen): thirty thousand repeated emails then cost about 4 MB.
 */
interface Repeated {
  /** First line of the email, once a walk over the file has met it; 0 before. */
  first: number;
  /** Lines after the first. */
  later: number[];
  name: string | undefined;
  phone: string | undefined;
  optedInAt: string | undefined;
}

/**
 * The emails that appear on more than one row, and what their later rows add. A later row
 * merges into the first: its non-empty values win, the first line stays. Only repeated
 * emails are kept, so a file of a million different contacts costs nothing here.
 *
 * @example
 * const dups = new Duplicates();
 * dups.addLater({ email: 'p@x.com', phone: '+919820000001', line: 9 });
 * dups.merge({ email: 'p@x.com', name: 'P', line: 2 }) // { email: 'p@x.com', name: 'P', phone: '+919820000001', line: 2 }
 * dups.list() // [{ email: 'p@x.com', lines: [2, 9] }]
 */
export class Duplicates {
  private readonly byEmail = new Map<string, Repeated>();
  /** Rows that merged into an earlier one. */
  merged = 0;

  /** A row whose email appeared on an earlier line. */
  addLater(contact: Contact): void {
    let entry = this.byEmail.get(contact.email);
    if (entry) entry.later.push(contact.line);
    else this.byEmail.set(contact.email, (entry = { first: 0, later: [contact.line], name: undefined, phone: undefined, optedInAt: undefined }));
    this.merged += 1;
    if (contact.name !== undefined) entry.name = contact.name;
    if (contact.phone !== undefined) entry.phone = contact.phone;
    if (contact.optedInAt !== undefined) entry.optedInAt = contact.optedInAt;
  }

  /**
   * Whether a row is the first of its email, for a walk over the file in line order: true
   * for an email that never repeats, and for the first line of one that does.
   */
  isFirst(email: string, line: number): boolean {
    const entry = this.byEmail.get(email);
    if (!entry) return true;
    if (entry.first === 0) entry.first = line;
    return entry.first === line;
  }

  /** The contact of an email's first row with the later rows' values merged in. */
  merge(contact: Contact): Contact {
    const entry = this.byEmail.get(contact.email);
    if (!entry) return contact;
    const merged = { ...contact };
    if (entry.name !== undefined) merged.name = entry.name;
    if (entry.phone !== undefined) merged.phone = entry.phone;
    if (entry.optedInAt !== undefined) merged.optedInAt = entry.optedInAt;
    return merged;
  }

  /** Every line of a repeated email (undefined for one that appears once). */
  lines(email: string): number[] | undefined {
    const entry = this.byEmail.get(email);
    return entry ? [...(entry.first === 0 ? [] : [entry.first]), ...entry.later] : undefined;
  }

  /** Emails that appeared on more than one line, with the lines, in order of first appearance. */
  list(): Array<{ email: string; lines: number[] }> {
    return [...this.byEmail.keys()]
      .map((email) => ({ email, lines: this.lines(email)! }))
      .sort((a, b) => a.lines[0]! - b.lines[0]!);
  }
}
