import type { Seed } from '../../../plugin/simulator/index.js';

/** The group of the simulator's default seed. */
export const GROUP_ID = '123456789';
export const GROUP_NAME = 'WhatsApp Opt-Ins';

/** A generated input file and what a correct sync must make of it. */
export interface Generated {
  csv: string;
  /** Seed: the default group plus the unsubscribed and already-active subscribers the file mentions. */
  seed: Seed;
  /** Unique valid emails that must end in the group. */
  subscribable: Set<string>;
  /** Emails of subscribers who unsubscribed earlier: reported, never forced back. */
  unsubscribed: Set<string>;
  /** Emails that already existed (active, not in the group): updated. */
  existing: Set<string>;
  /** Lines of rows with an unusable email. */
  invalidLines: number[];
  /** Rows whose email appeared on an earlier line. */
  duplicateRows: number;
  /** email → first line. */
  firstLine: Map<string, number>;
}

const BROKEN = (i: number): string => [`broken-${i}@`, `no-at-${i}.example.com`, '', `two@@${i}.example.com`][i % 4]!;

/**
 * Generates `rows` CSV rows (after the header) with invalid emails, duplicates (other
 * case, padding, a later name), addresses that unsubscribed earlier and ones that already
 * exist, at fixed strides so the expected result is known exactly.
 *
 * @example
 * const { csv, seed, subscribable } = generateContacts(10_000);
 */
export function generateContacts(rows: number): Generated {
  const lines = ['email,name,phone,opted_in_at'];
  const out: Omit<Generated, 'csv' | 'seed'> = {
    subscribable: new Set(),
    unsubscribed: new Set(),
    existing: new Set(),
    invalidLines: [],
    duplicateRows: 0,
    firstLine: new Map(),
  };
  const emails: string[] = [];
  for (let i = 0; i < rows; i++) {
    const line = i + 2;
    let email: string;
    if (i % 53 === 11) {
      lines.push(`${BROKEN(i)},Broken ${i},,`);
      out.invalidLines.push(line);
      continue;
    }
    if (i % 31 === 7 && emails.length > 5) {
      const earlier = emails[emails.length - 5]!;
      lines.push(`"  ${earlier.toUpperCase()} ",Renamed ${i},+44 7700 ${String(900000 + i).slice(-6)},`);
      out.duplicateRows += 1;
      continue;
    }
    if (i % 41 === 3) {
      email = `gone${i}@example.com`;
      out.unsubscribed.add(email);
    } else if (i % 37 === 5) {
      email = `known${i}@example.com`;
      out.existing.add(email);
      out.subscribable.add(email);
    } else {
      email = `contact${i}@example.com`;
      out.subscribable.add(email);
    }
    emails.push(email);
    out.firstLine.set(email, line);
    const opted = i % 3 === 0 ? `2024-0${1 + (i % 9)}-1${i % 10} 09:${String(i % 60).padStart(2, '0')}:00` : '';
    lines.push(`${email},"Contact ${i}",91982${String(i).padStart(7, '0')},${opted}`);
  }
  const seed: Seed = {
    new: {
      groups: [{ id: GROUP_ID, name: GROUP_NAME }],
      subscribers: [
        ...[...out.unsubscribed].map((email) => ({ email, status: 'unsubscribed' as const, unsubscribed_at: '2024-03-01 18:00:00' })),
        ...[...out.existing].map((email) => ({ email, status: 'active' as const })),
      ],
    },
    classic: {
      groups: [{ id: 3640549, name: GROUP_NAME }],
      subscribers: [...out.unsubscribed].map((email) => ({ email, type: 'unsubscribed' as const })),
    },
  };
  return { csv: lines.join('\n') + '\n', seed, ...out };
}
