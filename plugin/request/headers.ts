import { compileTemplate, type CompiledTemplate } from '../template/compile.js';
import { hasPlaceholders } from '../template/tokenize.js';
import { referencedPaths } from '../template/references.js';
import { redactedMarker, renderContext, type RenderContext } from './context.js';
import { InvalidValue, type Rendered } from './invalid.js';

/** Header rows as sent, and as shown (secrets replaced by a marker). */
export interface RenderedHeaders {
  sent: Record<string, string>;
  shown: Record<string, string>;
}

/** One header row, planned once per template: a literal value, or a template and whether it reads a secret. */
interface HeaderPlan {
  name: string;
  literal: string | undefined;
  template: CompiledTemplate;
  secret: boolean;
  /** For a value that reads nothing but secrets (an auth header): its shown text, per secrets object. */
  shownBySecrets: WeakMap<Record<string, string>, { names: string; text: string }> | undefined;
}

const plans = new WeakMap<Record<string, string>, HeaderPlan[]>();
const redactions = new WeakMap<Record<string, string>, { names: string; markers: Record<string, string> }>();
/** Anything `refusal` refuses, in one test. */
const UNSENDABLE = /[\r\n\0]|[^\u0000-\u00ff]/u;

function planOf(headers: Record<string, string>): HeaderPlan[] {
  let plan = plans.get(headers);
  if (!plan) {
    plan = Object.entries(headers).map(([name, source]) => {
      const template = compileTemplate(source);
      const literal = hasPlaceholders(source) ? undefined : template.render({});
      const sendable = literal !== undefined && !UNSENDABLE.test(literal);
      const paths = referencedPaths(source);
      const secret = paths.some((path) => path.startsWith('secrets.'));
      const onlySecrets = secret && paths.every((path) => path.startsWith('secrets.'));
      return { name, literal: sendable ? literal : undefined, template, secret, shownBySecrets: onlySecrets ? new WeakMap() : undefined };
    });
    plans.set(headers, plan);
  }
  return plan;
}

/** The secrets' names, to notice a secrets object that gained or lost one since it was cached. */
const namesOf = (secrets: Record<string, string>): string => Object.keys(secrets).join('\n');

/** The secrets replaced by their markers, made once per secrets object (and its names). */
function redacted(secrets: Record<string, string>): Record<string, string> {
  const names = namesOf(secrets);
  let hit = redactions.get(secrets);
  if (hit?.names !== names) {
    hit = { names, markers: Object.fromEntries(Object.keys(secrets).map((k) => [k, redactedMarker(k)])) };
    redactions.set(secrets, hit);
  }
  return hit.markers;
}

/**
 * Why a header value cannot be sent: a line break (it could add a header), a NUL, or a
 * character beyond U+00FF (fetch refuses both, which would look like a network failure).
 * The value itself is never quoted: it may hold a secret.
 */
function refusal(name: string, value: string): InvalidValue | undefined {
  const place = `headers.${name}`;
  if (/[\r\n]/.test(value)) return new InvalidValue(place, `the value of header ${name} holds a line break`);
  if (value.includes('\0')) return new InvalidValue(place, `the value of header ${name} holds a NUL character`);
  const wide = /[^\u0000-\u00ff]/u.exec(value);
  if (wide) return new InvalidValue(place, `the value of header ${name} holds ${JSON.stringify(wide[0])}, which HTTP headers cannot carry (only Latin-1 text)`);
  return undefined;
}

/**
 * Renders header values. A value holding CR, LF, NUL or a character beyond U+00FF is refused;
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
  if (!headers) return { sent, shown };
  let redacting: RenderContext | undefined;
  for (const { name, literal, template, secret, shownBySecrets } of planOf(headers)) {
    const value = literal ?? template.render(context);
    if (literal === undefined && UNSENDABLE.test(value)) return refusal(name, value)!;
    if (value.trim() === '') continue;
    sent[name] = value;
    if (secret) {
      const names = shownBySecrets ? namesOf(context.secrets) : '';
      let hit = shownBySecrets?.get(context.secrets);
      if (hit?.names !== names) {
        redacting ??= renderContext(context, context.settings, redacted(context.secrets));
        hit = { names, text: template.render(redacting) };
        shownBySecrets?.set(context.secrets, hit);
      }
      shown[name] = hit.text;
    } else {
      shown[name] = value;
    }
  }
  return { sent, shown };
}
