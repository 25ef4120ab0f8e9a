import { renderText } from '../template/compile.js';
import { isBlankText } from '../template/helpers.js';
import { redacted, type RenderContext } from './context.js';
import { InvalidValue, type Rendered } from './invalid.js';

/** Header rows as sent, and as shown (secrets replaced by a marker). */
export interface RenderedHeaders {
  sent: Record<string, string>;
  shown: Record<string, string>;
}

/**
 * Why a header value cannot be sent: a line break (it could add a header), a NUL, or a
 * character beyond U+00FF (fetch refuses both, which would look like a network failure).
 * The value itself is never quoted: it may hold a secret.
 *
 * @example
 * refusal('X-Name', 'a\r\nb')?.message // 'the value of header X-Name holds a line break'
 */
export function refusal(name: string, value: string): InvalidValue | undefined {
  const place = `headers.${name}`;
  if (/[\r\n]/.test(value)) return new InvalidValue(place, `the value of header ${name} holds a line break`);
  if (value.includes('\0')) return new InvalidValue(place, `the value of header ${name} holds a NUL character`);
  const wide = /[^\u0000-\u00ff]/u.exec(value);
  if (wide) return new InvalidValue(place, `the value of header ${name} holds ${JSON.stringify(wide[0])}, which HTTP headers cannot carry (only Latin-1 text)`);
  return undefined;
}

/**
 * Renders header values. A value holding CR, LF, NUL or a character beyond U+00FF is
 * refused; a blank one leaves its header out. The shown copy is rendered over the context
 * with every secret replaced by its marker, so it never holds the key.
 *
 * @example
 * renderHeaders({ Authorization: 'Bearer <<secrets.api_key>>' }, ctx)
 * // { sent: { Authorization: 'Bearer KEY' }, shown: { Authorization: 'Bearer [redacted:api_key]' } }
 */
export function renderHeaders(headers: Record<string, string> | undefined, context: RenderContext): Rendered<RenderedHeaders> {
  const sent: Record<string, string> = {};
  const shown: Record<string, string> = {};
  const markers = redacted(context);
  for (const [name, template] of Object.entries(headers ?? {})) {
    const value = renderText(template, context);
    const refused = refusal(name, value);
    if (refused) return refused;
    if (isBlankText(value)) continue;
    sent[name] = value;
    shown[name] = renderText(template, markers);
  }
  return { sent, shown };
}
