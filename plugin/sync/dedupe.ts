import type { Contact } from './types.js';

/**
 * Contacts keyed on their normalised email, in order of first appearance. A later row for
 * the same email merges into the first: its non-empty values win, the first line number
 * stays, and every line is listed.
 *
 * @example
 * const set = new ContactSet();
 * set.add({ email: 'p@x.com', name: 'P', line: 2, lines: [2], warnings: [] });
 * set.add({ email: 'p@x.com', phone: '+919820000001', line: 9, lines: [9], warnings: [] });
 * set.get('p@x.com') // { email: 'p@x.com', name: 'P', phone: '+919820000001', line: 2, lines: [2, 9], warnings: [] }
 */
export class ContactSet {
  private readonly byEmail = new Map<string, Contact>();
  /** Rows that merged into an earlier one. */
  merged = 0;

  add(contact: Contact): void {
    const first = this.byEmail.get(contact.email);
    if (!first) {
      this.byEmail.set(contact.email, contact);
      return;
    }
    this.merged += 1;
    if (contact.name !== undefined) first.name = contact.name;
    if (contact.phone !== undefined) first.phone = contact.phone;
    if (contact.optedInAt !== undefined) first.optedInAt = contact.optedInAt;
    first.lines.push(...contact.lines);
    first.warnings.push(...contact.warnings.map((w) => `line ${contact.line}: ${w}`));
  }

  get(email: string): Contact | undefined {
    return this.byEmail.get(email);
  }

  get size(): number {
    return this.byEmail.size;
  }

  /** Every contact, in order of first appearance. */
  list(): Contact[] {
    return [...this.byEmail.values()];
  }

  /** Emails that appeared on more than one line, with the lines. */
  duplicates(): Array<{ email: string; lines: number[] }> {
    return this.list()
      .filter((c) => c.lines.length > 1)
      .map((c) => ({ email: c.email, lines: c.lines }));
  }
}
