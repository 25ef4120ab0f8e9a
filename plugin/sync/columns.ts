import { UsageError } from '../errors.js';
import type { FieldMap } from './options.js';
import { shellQuote } from './shell.js';
import { CONTACT_FIELDS, type ContactField } from './types.js';

/**
 * Which field a header or key means: `--map` first, else its own name (case-insensitive).
 *
 * @example
 * fieldOf(' Email ', new Map()) // 'email'
 * fieldOf('WhatsApp', new Map([['whatsapp', 'phone']])) // 'phone'
 */
export function fieldOf(name: string, map: FieldMap): ContactField | undefined {
  const key = name.trim().toLowerCase();
  const mapped = map.get(key);
  if (mapped) return mapped;
  return (CONTACT_FIELDS as readonly string[]).includes(key) ? (key as ContactField) : undefined;
}

/**
 * Maps a CSV header row to fields by column index, checking that there is exactly one
 * email column and that every `--map` column exists.
 *
 * @example
 * headerFields(['E-mail', 'Name'], new Map([['e-mail', 'email']]), 'optins.csv') // ['email', 'name']
 */
export function headerFields(header: readonly string[], map: FieldMap, file: string): Array<ContactField | undefined> {
  const names = header.map((h) => h.trim());
  const lower = new Set(names.map((h) => h.toLowerCase()));
  for (const column of map.keys()) {
    if (!lower.has(column)) {
      throw new UsageError(`${file}:1: --map names column "${column}", but the header has ${list(names)}`);
    }
  }
  const fields = names.map((h) => fieldOf(h, map));
  for (const field of CONTACT_FIELDS) {
    const at = fields.flatMap((f, i) => (f === field ? [names[i]] : []));
    if (at.length > 1) throw new UsageError(`${file}:1: columns ${list(at as string[])} all mean "${field}"; keep one or --map the others elsewhere`);
  }
  if (!fields.includes('email')) {
    throw new UsageError(
      `${file}:1: no email column; the header has ${list(names)}. Expected a header such as "email,name,phone,opted_in_at", or say which column holds the email: --map "E-mail=email"`,
    );
  }
  return fields;
}

/** A column (CSV) or key (JSON Lines) that sync does not read, and how to make it read it. */
export interface UnreadColumn {
  column: string;
  /** The field its name suggests, when that field is not read from another column. */
  field?: ContactField;
  /**
   * The option that would read it: `--map WhatsApp=phone` for a guessed field, else
   * `--map 'City=<name|phone>'` with the fields still free; absent when every field is read.
   */
  option?: string;
}

/** Names that say which field a column holds (lower-cased, letters and digits only), first match wins. */
const GUESSES: ReadonlyArray<[RegExp, ContactField]> = [
  [/mail/, 'email'],
  [/name/, 'name'],
  [/phone|mobile|whatsapp|^waid$|msisdn|^tel|^cell|number/, 'phone'],
  [/opt|consent|subscribed|signup|signedup|joined|createdat|^date$|timestamp/, 'opted_in_at'],
];

/**
 * The columns that map to no field, each with the `--map` that would read it: the field
 * its name suggests when that field is still free, else the free fields to choose from.
 *
 * @example
 * unreadColumns(['email', 'WhatsApp', 'City'], ['email', undefined, undefined])
 * // [{ column: 'WhatsApp', field: 'phone', option: '--map WhatsApp=phone' },
 * //  { column: 'City', option: "--map 'City=<name|phone|opted_in_at>'" }]
 */
export function unreadColumns(names: readonly string[], fields: ReadonlyArray<ContactField | undefined>): UnreadColumn[] {
  const read = new Set(fields.filter((f): f is ContactField => f !== undefined));
  const free = CONTACT_FIELDS.filter((f) => !read.has(f));
  const out: UnreadColumn[] = [];
  names.forEach((raw, i) => {
    const column = raw.trim();
    if (fields[i] !== undefined || column === '') return;
    const key = column.toLowerCase().replace(/[^a-z0-9]/g, '');
    const guess = GUESSES.find(([pattern]) => pattern.test(key))?.[1];
    if (guess && free.includes(guess)) out.push({ column, field: guess, option: `--map ${shellQuote(`${column}=${guess}`)}` });
    else if (free.length > 0) out.push({ column, option: `--map ${shellQuote(`${column}=<${free.join('|')}>`)}` });
    else out.push({ column });
  });
  return out;
}

/**
 * Unread columns in one line, e.g. `"WhatsApp" (--map WhatsApp=phone), "City" (--map 'City=<name|phone>')`.
 *
 * @example
 * describeUnread([{ column: 'City' }]) // '"City" (every field is read from another column)'
 */
export function describeUnread(columns: readonly UnreadColumn[]): string {
  return columns.map((c) => `${JSON.stringify(c.column)} (${c.option ?? 'every field is read from another column'})`).join(', ');
}

function list(names: readonly string[]): string {
  return names.length === 0 ? 'no columns' : names.map((n) => JSON.stringify(n)).join(', ');
}
