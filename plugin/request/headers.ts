import { compileTemplate } from '../template/compile.js';
import { referencedPaths } from '../template/references.js';
import { redactedMarker, type RenderContext } from './context.js';
import { InvalidValue, type Rendered } from './invalid.js';

/** Header rows as sent, and as shown (secrets replaced by a marker). */
export interface RenderedHeaders {
  sent: Record<string, string>;
  shown: Record<string, string>;
}

const secretUse = new Map<string, boolean>();

function readsSecret(source: string): boolean {
  let hit = secretUse.get(source);
  if (hit === undefined) {
    hit = referencedPaths(source).some((path) => path.startsWith('secrets.'));
    secretUse.set(source, hit);
  }
  return hit;
}

/**
 * Renders header values. A value holding CR or LF is refused (it could add a header);
 * a header that reads a secret is rendered a second time with the secret's marker for
 * display, so the shown request never holds the key.
 *
 * @example
 * renderHeaders({ Authorization: 'Bearer <<secrets.api_key>>' }, ctx)
 * // { sent: { Authorization: 'Bearer KEY' }, shown: { Authorization: 'Bearer [redacted:api_key]' } }
 */
export function renderHeaders(headers: Record<string, string> | undefined, context: RenderContext): Rendered<RenderedHeaders> {
  const sent: Record<string, string> = {};
  const shown: Record<string, string> = {};
  let redacting: RenderContext | undefined;
  for (const [name, source] of Object.entries(headers ?? {})) {
    const value = compileTemplate(source).render(context);
    if (/[\r\n]/.test(value)) return new InvalidValue(`headers.${name}`, `the value of header ${name} holds a line break`);
    if (value.trim() === '') continue;
    sent[name] = value;
    if (readsSecret(source)) {
      redacting ??= { ...context, secrets: Object.fromEntries(Object.keys(context.secrets).map((k) => [k, redactedMarker(k)])) };
      shown[name] = compileTemplate(source).render(redacting);
    } else {
      shown[name] = value;
    }
  }
  return { sent, shown };
}
