import type { JsonValue } from '../json.js';

/** What templates render over: the inputs by name, plus `settings` and `secrets`. */
export interface RenderContext {
  [name: string]: JsonValue | undefined | Record<string, JsonValue | undefined>;
  settings: Record<string, JsonValue | undefined>;
  secrets: Record<string, string>;
}

/** Text shown in place of a secret in every preview, log and result. */
export function redactedMarker(name: string): string {
  return `[redacted:${name}]`;
}

/** Looks up a dotted path (`settings.group_id`, `customer_email`) in a context. */
export function lookup(context: object, path: string): unknown {
  let value: unknown = context;
  for (const key of path.split('.')) {
    if (typeof value !== 'object' || value === null || !Object.prototype.hasOwnProperty.call(value, key)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}
