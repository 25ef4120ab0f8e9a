import { compileTemplate } from '../template/compile.js';
import { isBlankText } from '../template/helpers.js';
import { printValue, type PlainPlan } from '../template/plain.js';
import { scopeGetter, scopeOf, type RenderScope } from '../template/scope.js';
import { hasPlaceholders } from '../template/tokenize.js';
import { redactedMarker } from './context.js';
import { InvalidValue } from './invalid.js';

/** Nothing read yet (a row's memo is empty). */
const NOTHING = Symbol('nothing');

/**
 * One header row, planned once. A literal row has its text; a refused one can never be
 * sent. A templated row renders the value sent; the value shown is the same (`'same'`),
 * the text for the secrets present (`'secrets'`: a row reading nothing but `secrets.*`,
 * e.g. `Bearer <<secrets.api_key>>`), or the row rendered again with every secret
 * replaced by its marker (`'redact'`). A row that reads one setting or secret remembers the
 * last value it read and what it made of it: an auth header is rendered and checked once per key.
 *
 * @example
 * compileRow('Accept', 'application/json')?.literal // 'application/json'
 */
export class Row {
  /** Shown texts by the secrets present (bit i: secretNames[i]), the last one kept apart. */
  readonly texts = new Map<number, string>();
  lastPresent = -1;
  lastShown = '';
  lastRead: unknown = NOTHING;
  lastValue = '';
  lastVerdict: 'send' | 'blank' | 'refused' = 'send';
  /** This step's texts, sent and shown (read right away by the record makers). */
  sentText = '';
  shownText = '';

  constructor(
    readonly name: string,
    readonly literal: string | undefined,
    readonly refused: boolean,
    readonly render: (scope: RenderScope) => string,
    readonly showAs: 'same' | 'redact' | 'secrets',
    readonly secretNames: readonly string[],
    /** For a row reading one path: that read, and the text around the value. */
    readonly read: ((scope: RenderScope) => unknown) | undefined,
    readonly before: string,
    readonly after: string,
  ) {}
}

/** Anything `refusal` refuses (CR, LF, NUL, beyond U+00FF), in one test. */
const UNSENDABLE = /[\0\n\r\u0100-\uffff]/;

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

const verdictOf = (value: string): Row['lastVerdict'] => (UNSENDABLE.test(value) ? 'refused' : isBlankText(value) ? 'blank' : 'send');

const isPath = (part: string | string[]): part is string[] => typeof part !== 'string';

/**
 * A plan of one setting or secret and text around it (`Bearer <<secrets.api_key>>`): the
 * path, and the texts before and after. Only these rows remember their last value: it is the
 * same step after step, while a conversation value changes (and is not kept around).
 */
function onePath(plan: PlainPlan): { keys: string[]; before: string; after: string } | undefined {
  const at = plan.findIndex(isPath);
  if (at < 0 || plan.slice(at + 1).some(isPath)) return undefined;
  const keys = plan[at] as string[];
  if (keys[0] !== 'secrets' && keys[0] !== 'settings') return undefined;
  return { keys, before: plan.slice(0, at).join(''), after: plan.slice(at + 1).join('') };
}

/**
 * Plans one header row: a literal (refused now if it can never be sent; left out if blank),
 * or a template and how its shown copy is made. Throws TemplateSyntaxError for a value
 * that does not parse.
 *
 * @example
 * compileRow('Authorization', 'Bearer <<secrets.api_key>>')?.showAs // 'secrets'
 */
export function compileRow(name: string, source: string): Row | undefined {
  const template = compileTemplate(source);
  const render = template.renderScope;
  if (!hasPlaceholders(source)) {
    const value = template.render({});
    const refused = UNSENDABLE.test(value);
    return !refused && isBlankText(value) ? undefined : new Row(name, value, refused, render, 'same', [], undefined, '', '');
  }
  // Only a plain template says everything it reads; any other is shown redacted to be safe.
  const plan = template.plain;
  if (!plan) return new Row(name, undefined, false, render, 'redact', [], undefined, '', '');
  const one = onePath(plan);
  const rest = [one ? scopeGetter(one.keys) : undefined, one?.before ?? '', one?.after ?? ''] as const;
  const paths = plan.filter(isPath);
  const secret = paths.filter((keys) => keys[0] === 'secrets');
  if (secret.length === 0) return new Row(name, undefined, false, render, 'same', [], ...rest);
  const secretNames = [...new Set(secret.filter((keys) => keys.length > 1).map((keys) => keys[1]!))];
  if (secret.length < paths.length || secretNames.length > 16) return new Row(name, undefined, false, render, 'redact', [], ...rest);
  return new Row(name, undefined, false, render, 'secrets', secretNames, ...rest);
}

/**
 * Works out the value a templated row sends this step and whether it can be sent, into
 * `row.lastValue` and `row.lastVerdict`; a row reading one setting or secret keeps both
 * while it reads the same text, number or boolean.
 *
 * @example
 * valueOf(row, scope); row.lastVerdict // 'send'
 */
export function valueOf(row: Row, scope: RenderScope): void {
  if (!row.read) {
    row.lastValue = row.render(scope);
    row.lastVerdict = verdictOf(row.lastValue);
    return;
  }
  const read = row.read(scope);
  // Only a value that cannot change behind our back (text, number, ...) is remembered.
  if (read === row.lastRead && (typeof read !== 'object' || read === null)) return;
  row.lastRead = read;
  row.lastValue = row.before + printValue(read) + row.after;
  row.lastVerdict = verdictOf(row.lastValue);
}

const hop = Object.prototype.hasOwnProperty;

/** The secrets replaced by their markers. */
function markers(names: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of names) Object.defineProperty(out, name, { value: redactedMarker(name), enumerable: true, writable: true, configurable: true });
  return out;
}

/**
 * A scope like the step's, with each secret replaced by its marker, for the shown copy.
 *
 * @example
 * compileTemplate('<<secrets.api_key>>').renderScope(redacting(scopeOf({}, {}, { api_key: 'k' }))) // '[redacted:api_key]'
 */
export function redacting(scope: RenderScope): RenderScope {
  return scopeOf(scope.vars, scope.settings, markers(Object.keys(scope.secrets as object)));
}

/**
 * The shown text of a row that reads only secrets: it depends only on which of the secrets
 * it names are present, so it is rendered once per combination and then reused.
 *
 * @example
 * secretsText(compileRow('Authorization', 'Bearer <<secrets.api_key>>')!, scopeOf({}, {}, { api_key: 'k' })) // 'Bearer [redacted:api_key]'
 */
export function secretsText(row: Row, scope: RenderScope): string {
  let present = 0;
  for (let i = 0; i < row.secretNames.length; i++) if (hop.call(scope.secrets, row.secretNames[i]!)) present |= 1 << i;
  if (present === row.lastPresent) return row.lastShown;
  let text = row.texts.get(present);
  if (text === undefined) {
    const names = row.secretNames.filter((_, i) => present & (1 << i));
    text = row.render(scopeOf(scope.vars, scope.settings, markers(names)));
    row.texts.set(present, text);
  }
  row.lastPresent = present;
  row.lastShown = text;
  return text;
}

