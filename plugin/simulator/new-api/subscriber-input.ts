import { isIP } from 'node:net';
import { isDateTime } from '../dates.js';
import { isValidEmail, normalizeEmail } from '../store/account.js';
import type { Account, FieldType, FieldValue } from '../store/records.js';
import { STATUSES, type SubscriberStatus } from '../types.js';
import { ValidationErrors } from './errors.js';

/** A POST/PUT /subscribers body after validation. Absent keys were not sent. */
export interface SubscriberInput {
  email?: string;
  fields?: Record<string, FieldValue>;
  groups?: string[];
  status?: SubscriberStatus;
  subscribed_at?: string;
  unsubscribed_at?: string | null;
  opted_in_at?: string | null;
  ip_address?: string | null;
  optin_ip?: string | null;
  resubscribe?: boolean;
}

const DATE_KEYS = ['subscribed_at', 'unsubscribed_at', 'opted_in_at'] as const;
const IP_KEYS = ['ip_address', 'optin_ip'] as const;

/**
 * Validate a subscriber body the way production does (Laravel rules, messages as
 * recorded). `withEmail` for POST (email required), not for PUT.
 */
export function readSubscriberInput(account: Account, body: unknown, withEmail: boolean): { input: SubscriberInput; errors: ValidationErrors } {
  const errors = new ValidationErrors();
  const input: SubscriberInput = {};
  const b = typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
  const present = (key: string) => b[key] !== undefined && b[key] !== null && b[key] !== '';
  if (withEmail) {
    if (!present('email')) errors.add('email', 'The email field is required.');
    else if (typeof b.email !== 'string' || !isValidEmail(normalizeEmail(b.email))) errors.add('email', 'The email must be a valid email address.');
    else input.email = normalizeEmail(b.email);
  }
  if (present('fields')) readFields(account, b.fields, input, errors);
  if (b.groups !== undefined && b.groups !== null) readGroups(account, b.groups, input, errors);
  if (present('status')) {
    if (STATUSES.includes(b.status as SubscriberStatus)) input.status = b.status as SubscriberStatus;
    else errors.add('status', 'The selected status is invalid.');
  }
  for (const key of DATE_KEYS) {
    if (b[key] === null && key !== 'subscribed_at') input[key] = null;
    else if (present(key)) {
      if (isDateTime(b[key])) input[key] = b[key];
      else errors.add(key, `The ${key.replace(/_/g, ' ')} field must match the format Y-m-d H:i:s.`);
    }
  }
  for (const key of IP_KEYS) {
    if (b[key] === null) input[key] = null;
    else if (present(key)) {
      if (typeof b[key] === 'string' && isIP(b[key]) !== 0) input[key] = b[key];
      else errors.add(key, `The ${key.replace(/_/g, ' ')} field must be a valid IP address.`);
    }
  }
  if (b.resubscribe !== undefined) {
    if (typeof b.resubscribe === 'boolean') input.resubscribe = b.resubscribe;
    else errors.add('resubscribe', 'The resubscribe field must be true or false.');
  }
  return { input, errors };
}

function readFields(account: Account, value: unknown, input: SubscriberInput, errors: ValidationErrors): void {
  if (typeof value !== 'object' || value === null || (Array.isArray(value) && value.length > 0)) {
    errors.add('fields', 'The fields field must be an array.');
    return;
  }
  const types = fieldTypes(account);
  const fields: Record<string, FieldValue> = {};
  for (const [key, v] of Object.entries(value)) {
    const problem = fieldValueProblem(types.get(key), v);
    if (problem !== undefined) errors.add(`fields.${key}`, `The fields.${key} field ${problem}.`);
    else fields[key] = typeof v === 'boolean' ? (v ? '1' : '0') : (v as FieldValue);
  }
  input.fields = fields;
}

function fieldTypes(account: Account): Map<string, FieldType> {
  return new Map([...account.fields.values()].map((f) => [f.key, f.type]));
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * What is wrong with a value for a field of this type (Laravel's wording after "The
 * fields.x field"), or undefined when it fits. `null` and `""` clear any field; a number
 * field takes a number or a numeric string; a date field `YYYY-MM-DD` (or the API's
 * `YYYY-MM-DD HH:mm:ss`); keys the account does not have are not checked (they are ignored).
 */
export function fieldValueProblem(type: FieldType | undefined, value: unknown): string | undefined {
  if (value === null || value === '') return undefined;
  if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') return 'must be a string';
  if (type === 'number') return isNumeric(value) ? undefined : 'must be a number';
  if (type === 'date') return isDate(value) ? undefined : 'must be a valid date';
  return undefined;
}

function isNumeric(value: unknown): boolean {
  if (typeof value === 'number') return Number.isFinite(value);
  return typeof value === 'string' && /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/.test(value);
}

function isDate(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  if (isDateTime(value)) return true;
  return DATE.test(value) && isDateTime(`${value} 00:00:00`);
}

function readGroups(account: Account, value: unknown, input: SubscriberInput, errors: ValidationErrors): void {
  if (!Array.isArray(value)) {
    errors.add('groups', 'The groups field must be an array.');
    return;
  }
  const groups: string[] = [];
  value.forEach((item: unknown, i) => {
    const key = `groups.${i}`;
    const id = typeof item === 'number' && Number.isSafeInteger(item) ? String(item) : item;
    if (typeof id !== 'string' || !/^\d+$/.test(id)) {
      errors.add(key, `The ${key} field must be a number.`);
      errors.add(key, `The selected ${key} is not numeric.`);
    } else if (!account.groups.has(id)) {
      errors.add(key, `The selected ${key} is invalid.`);
    } else groups.push(id);
  });
  input.groups = groups;
}
