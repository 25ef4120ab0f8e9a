import { parseUrl, type UrlSegment } from '../../request/url.js';

export type { UrlSegment };

/** A URL template split at the `/` of its text, or why it cannot be. */
export type SplitUrl = { ok: true; origin: string; segments: UrlSegment[] } | { ok: false; why: string };

/**
 * A URL template split as the engine splits it (`parseUrl`): a literal origin and path
 * segments cut at the `/` of the template's text only; or why it cannot be.
 *
 * @example
 * splitUrl('https://connect.mailerlite.com/api/subscribers/<<customer_email>>')
 * // { ok: true, origin: 'https://connect.mailerlite.com', segments: [{ literal: 'api' }, { literal: 'subscribers' }, { template: '<<customer_email>>' }] }
 */
export function splitUrl(source: string): SplitUrl {
  try {
    return { ok: true, ...parseUrl(source) };
  } catch (error) {
    return { ok: false, why: error instanceof Error ? error.message : String(error) };
  }
}
