import { ownReader } from './readers.js';

/**
 * What a compiled template reads during one step: the variables, with `settings` and
 * `secrets` beside them (winning over a variable of the same name). Keeping the three
 * apart means a step never copies its inputs into a merged context object; only a
 * template that Handlebars renders needs one, and it is built once, on first need.
 */
export interface RenderScope {
  /** The variables by name (own properties only are read). */
  readonly vars: object;
  readonly settings: unknown;
  readonly secrets: unknown;
  /** The merged context (variables, then `settings` and `secrets`), built on first need. */
  context: object | undefined;
}

const hasOwn = (value: object, key: string): boolean => Object.prototype.hasOwnProperty.call(value, key);

/**
 * A scope over the variables, settings and secrets of one step.
 *
 * @example
 * scopeOf({ customer_email: 'priya@example.com' }, { group_id: '1' }, { api_key: 'k' })
 */
export function scopeOf(vars: object, settings: unknown, secrets: unknown): RenderScope {
  return { vars, settings, secrets, context: undefined };
}

/**
 * A scope over a context object that already holds `settings` and `secrets` (what the
 * stage functions such as `renderUrl(…, context)` are given): reads are the same as
 * reading the context itself.
 *
 * @example
 * scopeOfContext({ customer_email: 'p@x.com', settings: {}, secrets: {} }).vars.customer_email // 'p@x.com'
 */
export function scopeOfContext(context: object): RenderScope {
  const own = context as Record<string, unknown>;
  return {
    vars: context,
    settings: hasOwn(context, 'settings') ? own.settings : undefined,
    secrets: hasOwn(context, 'secrets') ? own.secrets : undefined,
    context,
  };
}

/**
 * The variables by name, then `settings` and `secrets` (which win over a value of the same
 * name), as one object. Built by a loop: an object spread is far slower here.
 *
 * @example
 * mergeContext({ name: 'Priya' }, {}, {}) // { name: 'Priya', settings: {}, secrets: {} }
 */
export function mergeContext(vars: object, settings: unknown, secrets: unknown): Record<string, unknown> {
  const context: Record<string, unknown> = {};
  const values = vars as Record<string, unknown>;
  for (const name in values) if (hasOwn(values, name)) context[name] = values[name];
  context.settings = settings;
  context.secrets = secrets;
  return context;
}

/**
 * The merged context of a scope, for templates Handlebars renders; made once per scope.
 *
 * @example
 * contextOf(scopeOf({ name: 'Priya' }, {}, {})).name // 'Priya'
 */
export function contextOf(scope: RenderScope): object {
  return (scope.context ??= mergeContext(scope.vars, scope.settings, scope.secrets));
}

/** Reads a value through a path's remaining keys. */
export type Getter = (root: unknown) => unknown;

/**
 * A function that walks a path from a root through own properties only; `undefined` as
 * soon as a step is missing (what `lookupKeys` does), made once per path.
 *
 * @example
 * pathGetter(['data', 'id'])({ data: { id: '42' } }) // '42'
 */
export function pathGetter(keys: readonly string[]): Getter {
  return keys.length === 0 ? (root) => root : ownReader(keys, 'template');
}

/**
 * A function that reads a dotted path in a scope: `settings.*` and `secrets.*` from those,
 * anything else from the variables; made once per path.
 *
 * @example
 * scopeGetter(['settings', 'group_id'])(scopeOf({}, { group_id: '1' }, {})) // '1'
 */
export function scopeGetter(keys: readonly string[]): (scope: RenderScope) => unknown {
  const [first, ...rest] = keys;
  if (first === undefined) return (scope) => contextOf(scope);
  if (first === 'settings') return rest.length === 0 ? (scope) => scope.settings : (ownReader(rest, 'template', 'settings') as (scope: RenderScope) => unknown);
  if (first === 'secrets') return rest.length === 0 ? (scope) => scope.secrets : (ownReader(rest, 'template', 'secrets') as (scope: RenderScope) => unknown);
  return ownReader(keys, 'template', 'vars') as (scope: RenderScope) => unknown;
}
