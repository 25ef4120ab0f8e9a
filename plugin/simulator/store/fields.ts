import type { Account, FieldRecord, FieldType } from './records.js';

/**
 * The key MailerLite derives from a field name: ASCII, lower-case, runs of other
 * characters turned into `_` ("Test field nodejs 348710" → `test_field_nodejs_348710`).
 * A key already taken gets a numeric suffix.
 */
export function fieldKeyFor(account: Account, name: string): string {
  const base = keyFromName(name);
  const taken = new Set([...account.fields.values()].map((f) => f.key));
  let key = base;
  for (let n = 2; taken.has(key); n += 1) key = `${base}_${n}`;
  return key;
}

/** The key for a field name, before de-duplication. */
export function keyFromName(name: string): string {
  const key = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  return key || 'field';
}

/** Find a field by its name, ignoring case (names are unique per account). */
export function findFieldByName(account: Account, name: string): FieldRecord | undefined {
  const wanted = name.trim().toLowerCase();
  return [...account.fields.values()].find((f) => f.name.toLowerCase() === wanted);
}

/** Create a custom field. */
export function insertField(
  account: Account,
  init: { id?: string; name: string; key?: string; type: FieldType; used_in_automations?: boolean },
): FieldRecord {
  const id = init.id ?? account.ids.next('field', (candidate) => account.fields.has(candidate));
  if (init.id !== undefined) account.ids.observe('field', init.id);
  const field: FieldRecord = {
    id,
    name: init.name,
    key: init.key ?? fieldKeyFor(account, init.name),
    type: init.type,
    is_default: false,
    used_in_automations: init.used_in_automations ?? false,
  };
  account.fields.set(id, field);
  return field;
}

/** Delete a custom field and every subscriber's value for it. */
export function removeField(account: Account, field: FieldRecord): void {
  account.fields.delete(field.id);
  for (const sub of account.subscribers.values()) sub.fields.delete(field.key);
}
