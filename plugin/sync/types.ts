/**
 * The plain data bulk sync passes between its stages: rows read from the file, contacts
 * made of them, and what MailerLite answered for each contact.
 */

/**
 * The columns (CSV) or keys (JSON Lines) sync understands.
 *
 * @example
 * CONTACT_FIELDS.includes('phone') // true
 */
export const CONTACT_FIELDS = ['email', 'name', 'phone', 'opted_in_at'] as const;

/** One of {@link CONTACT_FIELDS}. */
export type ContactField = (typeof CONTACT_FIELDS)[number];

/** One row of the input, with the values of the known fields as text. */
export interface RawRow {
  /** Line of the file the row starts on (1-based; the CSV header is line 1). */
  line: number;
  values: Partial<Record<ContactField, string>>;
}

/** A row that cannot be used at all (never sent). */
export interface InvalidRow {
  line: number;
  /** Why, e.g. `email: not a valid email address: "priya@" (e.g. priya@example.com)`. */
  reason: string;
}

/** A usable row, or why not. */
export type ReadRow = { kind: 'row'; row: RawRow } | { kind: 'invalid'; invalid: InvalidRow };

/** A contact ready to send: normalised (and, for an email on several lines, merged). */
export interface Contact {
  /** Trimmed and lower-cased; the key duplicates are merged on. */
  email: string;
  name?: string;
  /** E.164. */
  phone?: string;
  /** `YYYY-MM-DD HH:mm:ss` (UTC). */
  optedInAt?: string;
  /** First line the email appears on. */
  line: number;
}

/** A value left out of one row (the contact still goes), with the row's line. */
export interface RowWarning {
  line: number;
  email: string;
  /** E.g. `phone left out: "12345" is not an international number (e.g. +919820000001)`. */
  message: string;
}

/** A final answer for one contact. */
export type FinalOutcome = 'created' | 'updated' | 'cannot_resubscribe' | 'invalid' | 'failed';

/** What one attempt gave for one contact; `retry` is not final (429, 5xx, network). */
export type ItemOutcome = FinalOutcome | 'retry';

/** One contact's result in a batch answer (and in a journal `done` line). */
export interface ItemResult {
  email: string;
  outcome: ItemOutcome;
  /** HTTP status of the item (absent when the whole batch had no answer). */
  status?: number;
  /** MailerLite's message, or what went wrong. */
  message?: string;
}

/**
 * Outcomes that are never sent again, in this run or a resumed one.
 *
 * @example
 * SETTLED.has('failed') // false: a resumed run tries failed contacts again
 */
export const SETTLED: ReadonlySet<ItemOutcome> = new Set(['created', 'updated', 'cannot_resubscribe', 'invalid']);

/** The target group, resolved. */
export interface GroupRef {
  id: string;
  /** Known when the group was found by listing groups. */
  name?: string;
}
