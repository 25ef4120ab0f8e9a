import { UsageError } from '../errors.js';
import type { FieldMap } from './options.js';
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

function list(names: readonly string[]): string {
  return names.length === 0 ? 'no columns' : names.map((n) => JSON.stringify(n)).join(', ');
}
