import type { JsonValue } from '../json.js';

/** What templates render over: the inputs by name, plus `settings` and `secrets`. */
export interface RenderContext {
  [name: string]: JsonValue | undefined | Record<string, JsonValue | undefined>;
  settings: Record<string, JsonValue | undefined>;
  secrets: Record<string, string>;
}

/**
 * A render context: the values by name, then `settings` and `secrets` (which win over a
 * value of the same name).
 *
 * @example
 * renderContext({ customer_email: 'priya@example.com' }, settings, secrets).customer_email // 'priya@example.com'
 */
export function renderContext(
  values: { readonly [name: string]: RenderContext[string] },
  settings: Record<string, JsonValue | undefined>,
  secrets: Record<string, string>,
): RenderContext {
  return { ...values, settings, secrets };
}

/** Text shown in place of a secret in every preview, log and result. */
export function redactedMarker(name: string): string {
  return `[redacted:${name}]`;
}

/**
 * The context with every secret replaced by its marker: what the shown copy of a
 * request is rendered over, so it can never hold a key.
 *
 * @example
 * redacted(ctx).secrets.api_key // '[redacted:api_key]'
 */
export function redacted(context: RenderContext): RenderContext {
  const markers: Record<string, string> = {};
  for (const name of Object.keys(context.secrets)) markers[name] = redactedMarker(name);
  return { ...context, secrets: markers };
}

/**
 * Looks up a dotted path (`settings.group_id`, `customer_email`) in a context, through own properties only.
 *
 * @example
 * lookup({ customer_email: 'priya@example.com' }, 'customer_email') // 'priya@example.com'
 */
export function lookup(context: object, path: string): unknown {
  let value: unknown = context;
  for (const key of path.split('.')) {
    if (value === null || value === undefined || !Object.prototype.hasOwnProperty.call(value, key)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}
