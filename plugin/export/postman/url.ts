import { tokenize } from '../../template/tokenize.js';

/** One path segment of a URL template: literal text, or a template that renders one encoded segment. */
export type UrlSegment = { literal: string } | { template: string };

/** A URL template split at the `/` of its text, or why it cannot be. */
export type SplitUrl = { ok: true; origin: string; segments: UrlSegment[] } | { ok: false; why: string };

/**
 * Splits a URL template into its literal origin and path segments, at the `/` of the
 * template's text only (a placeholder value never adds a segment), as the engine's
 * `renderUrl` does.
 *
 * @example
 * splitUrl('https://connect.mailerlite.com/api/subscribers/<<customer_email>>')
 * // { ok: true, origin: 'https://connect.mailerlite.com', segments: [{ literal: 'api' }, { literal: 'subscribers' }, { template: '<<customer_email>>' }] }
 */
export function splitUrl(source: string): SplitUrl {
  const match = /^(https?:\/\/[^/<>?#]+)(\/.*)?$/.exec(source);
  if (!match?.[1]) return { ok: false, why: `URL must start with a literal https://host, got ${JSON.stringify(source)}` };
  const segments: UrlSegment[] = [];
  if (match[2] !== undefined) {
    let text = '';
    let template = '';
    let templated = false;
    const push = (): void => {
      segments.push(templated ? { template } : { literal: text });
      text = template = '';
      templated = false;
    };
    let tokens;
    try {
      tokens = tokenize(match[2].slice(1));
    } catch (error) {
      return { ok: false, why: error instanceof Error ? error.message : String(error) };
    }
    for (const token of tokens) {
      if (token.kind === 'tag') {
        template += `<<${token.value}>>`;
        templated = true;
        continue;
      }
      token.value.split('/').forEach((part, index) => {
        if (index > 0) push();
        text += part;
        template += part.replace(/<</g, '\\<<');
      });
    }
    push();
  }
  return { ok: true, origin: match[1], segments };
}
