/** Format epoch milliseconds the way MailerLite does: `YYYY-MM-DD HH:mm:ss`, UTC, no zone marker. */
export function formatDateTime(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}

/** Format epoch milliseconds as `YYYY-MM-DD` (classic `date_subscribe`). */
export function formatDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;

/** True for a real `YYYY-MM-DD HH:mm:ss` date-time (the format MailerLite accepts). */
export function isDateTime(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = DATE_TIME.exec(value);
  if (!m) return false;
  const d = new Date(value.replace(' ', 'T') + 'Z');
  return !Number.isNaN(d.getTime()) && formatDateTime(d.getTime()) === value;
}

/** Epoch milliseconds of a `YYYY-MM-DD HH:mm:ss` (UTC) date-time. */
export function parseDateTime(value: string): number {
  return new Date(value.replace(' ', 'T') + 'Z').getTime();
}

const DAY_MS = 86_400_000;

/** `ms` plus whole days. */
export function addDays(ms: number, days: number): number {
  return ms + days * DAY_MS;
}
