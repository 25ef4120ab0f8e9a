import type { JsonValue } from '../json.js';
import { isBlank, isBlankText } from '../template/helpers.js';
import { compileTemplate } from '../template/compile.js';
import { recordMaker } from '../template/records.js';
import { compileOrDefer } from '../template/defer.js';
import { scopeGetter, scopeOfContext, type RenderScope } from '../template/scope.js';
import { hasPlaceholders, soleVariable } from '../template/tokenize.js';
import type { RenderContext } from './context.js';

/** Marks a leaf or container that is left out of the body. */
const DROP = Symbol('drop');

type Built = JsonValue | typeof DROP;
type Node = (scope: RenderScope) => Built;

/** A JSON body compiled once: builds the body value over a step's scope (undefined: no body). */
export type BodyRenderer = (scope: RenderScope) => JsonValue | undefined;

/** A copy of a JSON value, so later changes to the variables cannot alter a built body. */
export function toJson(value: unknown): JsonValue {
  if (value === null || typeof value !== 'object') return value as JsonValue;
  return JSON.parse(JSON.stringify(value)) as JsonValue;
}

/**
 * One string leaf: a sole `<<path>>` is a direct lookup that keeps the value's JSON type;
 * text without placeholders is a constant; any other template renders as text. Missing,
 * null, blank and empty-list values drop. A leaf that does not compile throws when built.
 */
function compileLeaf(source: string): Node {
  return compileOrDefer((): Node => {
    const sole = soleVariable(source);
    if (sole !== undefined) {
      const get = scopeGetter(sole.split('.'));
      return (scope) => {
        const value = get(scope);
        if (typeof value === 'string') return isBlankText(value) ? DROP : value;
        return isBlank(value) ? DROP : toJson(value);
      };
    }
    if (!hasPlaceholders(source)) {
      const text = compileTemplate(source).render({});
      return () => text;
    }
    const render = compileTemplate(source).renderScope;
    return (scope) => {
      const text = render(scope);
      return isBlankText(text) ? DROP : text;
    };
  });
}

/** Text JSON.stringify writes as it is, between quotes: no quote, backslash, control character or surrogate. */
const AS_IS = /^[^"\\\u0000-\u001f\ud800-\udfff]*$/;

/**
 * A text as a JSON string, exactly as `JSON.stringify(text)` writes it (which it calls for
 * any text it would escape): much faster for the plain texts bodies mostly hold.
 *
 * @example
 * quoteJson('priya@example.com') // '"priya@example.com"'; quoteJson('a"b') // '"a\\"b"'
 */
export function quoteJson(text: string): string {
  return AS_IS.test(text) ? '"' + text + '"' : JSON.stringify(text);
}

/** Sets a key, keeping a literal `"__proto__"` a key (assignment would set the prototype). */
export function defineKey(out: Record<string, JsonValue>, key: string, value: JsonValue): void {
  Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Walks the body template once into a tree of closures. */
function compileNode(node: JsonValue): Node {
  if (typeof node === 'string') return compileLeaf(node);
  if (Array.isArray(node)) {
    const items = node.map(compileNode);
    const writtenEmpty = items.length === 0;
    return (scope) => {
      // Sized for every item and cut to those kept: no regrowth.
      const kept = new Array<JsonValue>(items.length);
      let count = 0;
      for (let i = 0; i < items.length; i++) {
        const value = items[i]!(scope);
        if (value !== DROP) kept[count++] = value;
      }
      // A list emptied by drops is dropped; one written empty stays.
      if (count === 0 && !writtenEmpty) return DROP;
      if (count !== kept.length) kept.length = count;
      return kept;
    };
  }
  if (node !== null && typeof node === 'object') {
    const keys = Object.keys(node);
    const builds = keys.map((key) => compileNode(node[key]!));
    const make = recordMaker(keys) as (values: JsonValue[]) => Record<string, JsonValue>;
    return (scope) => {
      const values = new Array<Built>(builds.length);
      let dropped = 0;
      for (let i = 0; i < builds.length; i++) {
        const value = builds[i]!(scope);
        if (value === DROP) dropped++;
        values[i] = value;
      }
      if (dropped === 0) return make(values as JsonValue[]);
      // An object emptied by drops is dropped; one written empty stays.
      if (dropped === keys.length) return DROP;
      const out: Record<string, JsonValue> = {};
      keys.forEach((key, i) => {
        const value = values[i]!;
        if (value === DROP) return;
        // A literal "__proto__" key stays a key (assignment would set the prototype).
        if (key === '__proto__') defineKey(out, key, value);
        else out[key] = value;
      });
      return out;
    };
  }
  return () => node;
}

/**
 * Compiles a JSON body template once: the tree is walked at compile time into a tree of
 * closures (sole `<<var>>` leaves become direct lookups, literal leaves constants). The
 * renderer builds a fresh value each call; a body emptied by drops is `{}`.
 *
 * @example
 * compileBody({ email: '<<customer_email>>', fields: { name: '<<customer_name>>' } })(scopeOf({ customer_email: 'p@x.com' }, {}, {}))
 * // { email: 'p@x.com' }
 */
export function compileBody(body: JsonValue | undefined): BodyRenderer {
  if (body === undefined) return () => undefined;
  const build = compileNode(body);
  return (scope) => {
    const value = build(scope);
    return value === DROP ? {} : value;
  };
}

/**
 * Compiles one template as a JSON leaf: a sole `<<variable>>` keeps its JSON type; blank
 * renders as undefined (not given).
 *
 * @example
 * compileValue('<<tags>>')(scopeOf({ tags: ['a'] }, {}, {})) // ['a']
 */
export function compileValue(source: string): (scope: RenderScope) => JsonValue | undefined {
  const build = compileLeaf(source);
  return (scope) => {
    const value = build(scope);
    return value === DROP ? undefined : value;
  };
}

const bodies = new WeakMap<object, BodyRenderer>();
const textBodies = new Map<string, BodyRenderer>();
const values = new Map<string, (scope: RenderScope) => JsonValue | undefined>();

/**
 * Builds the JSON body as a value, never as text: string leaves are templates; a leaf
 * that is exactly one `<<variable>>` keeps the variable's JSON type (a list stays a list);
 * a leaf whose placeholders render blank drops its key (or array item), and so does a
 * container left empty by drops, so an upsert never blanks a field MailerLite holds.
 * Compiled once per body object or text (`compileBody`).
 *
 * @example
 * renderBody({ email: '<<customer_email>>', fields: { name: '<<customer_name>>' } }, { customer_email: 'p@x.com', settings: {}, secrets: {} })
 * // { email: 'p@x.com' }
 */
export function renderBody(body: JsonValue | undefined, context: RenderContext): JsonValue | undefined {
  if (body === undefined) return undefined;
  let render: BodyRenderer | undefined;
  if (typeof body === 'string') {
    render = textBodies.get(body);
    if (!render) textBodies.set(body, (render = compileBody(body)));
  } else if (body !== null && typeof body === 'object') {
    render = bodies.get(body);
    if (!render) bodies.set(body, (render = compileBody(body)));
  } else {
    return body;
  }
  return render(scopeOfContext(context));
}

/**
 * Renders one template as a JSON leaf: a sole `<<variable>>` keeps its JSON type;
 * blank renders as undefined (not given). Compiled once per template text (`compileValue`).
 *
 * @example
 * renderValue('<<tags>>', { tags: ['a'], settings: {}, secrets: {} }) // ['a']
 */
export function renderValue(source: string, context: RenderContext): JsonValue | undefined {
  let render = values.get(source);
  if (!render) values.set(source, (render = compileValue(source)));
  return render(scopeOfContext(context));
}
