import { pathGetter, scopeGetter, type RenderScope } from './scope.js';

/** A plain template: literal text and variable paths only (split at dots). */
export type PlainPlan = Array<string | string[]>;

/**
 * The plan of a template whose every tag is a plain `<<path>>` (e.g. `Bearer
 * <<secrets.api_key>>`): no helper, block, literal, `this`, `../` or `@data`. Undefined
 * for anything else, which Handlebars renders.
 *
 * @example
 * plainPlan(compileTemplate('Bearer <<secrets.api_key>>').ast, texts, helpers) // ['Bearer ', ['secrets', 'api_key']]
 */
export function plainPlan(ast: hbs.AST.Program, texts: string[], helpers: Record<string, unknown>): PlainPlan | undefined {
  const plan: PlainPlan = [];
  for (const node of ast.body) {
    if (node.type !== 'MustacheStatement') return undefined;
    const mustache = node as hbs.AST.MustacheStatement;
    if (mustache.path.type !== 'PathExpression') return undefined;
    const path = mustache.path as hbs.AST.PathExpression;
    if (path.original === '__text') {
      const index = (mustache.params[0] as hbs.AST.NumberLiteral | undefined)?.value;
      if (mustache.params.length !== 1 || index === undefined) return undefined;
      if (texts[index]) {
        // Adjacent texts are one piece: fewer joins at render time.
        if (typeof plan[plan.length - 1] === 'string') plan[plan.length - 1] += texts[index]!;
        else plan.push(texts[index]!);
      }
      continue;
    }
    const plain = !path.data && path.depth === 0 && path.parts.length > 0 && path.original === path.parts.join('.');
    if (!plain || mustache.params.length > 0 || mustache.hash) return undefined;
    // A one-part name that is a helper calls the helper, as in Handlebars.
    if (path.parts.length === 1 && path.parts[0]! in helpers) return undefined;
    plan.push(path.parts);
  }
  return plan;
}

/**
 * Text of a value as `'' + value` gives it, but never throwing (an object whose
 * `toString` is data): what Handlebars prints for a value.
 *
 * @example
 * printValue(['a', 'b']) // 'a,b'; printValue(null) // ''
 */
export function printValue(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value == null) return '';
  if (typeof value !== 'object') return String(value);
  if (Array.isArray(value)) return value.map(printValue).join(',');
  return '[object Object]';
}

/**
 * Turns a plain plan into one closure over a root (a context object, or a scope), with the
 * printing rules of `renderPlain`. Literal text is a constant; a single tag renders with
 * no intermediate array; `Bearer <<secrets.api_key>>` is one concatenation.
 *
 * @example
 * compilePlain(['Hi ', ['name']], pathGetter)({ name: 'Priya' }) // 'Hi Priya'
 */
export function compilePlain<Root>(plan: PlainPlan, getterOf: (keys: string[]) => (root: Root) => unknown): (root: Root) => string {
  const pieces = plan.map((part) => (typeof part === 'string' ? part : getterOf(part)));
  const [a, b, c] = pieces;
  if (pieces.length === 0) return () => '';
  if (pieces.length === 1) return typeof a === 'string' ? () => a : (root) => printValue(a!(root));
  if (pieces.length === 2) {
    if (typeof a === 'string' && typeof b !== 'string') return (root) => a + printValue(b!(root));
    if (typeof a !== 'string' && typeof b === 'string') return (root) => printValue(a!(root)) + b;
  }
  if (pieces.length === 3 && typeof a === 'string' && typeof b !== 'string' && typeof c === 'string') {
    return (root) => a + printValue(b!(root)) + c;
  }
  return (root) => {
    let out = '';
    for (const piece of pieces) out += typeof piece === 'string' ? piece : printValue(piece(root));
    return out;
  };
}

/**
 * A plain plan rendered over a context object (the public `render(context)`).
 *
 * @example
 * plainRenderer(['Hi ', ['name']])({ name: 'Priya' }) // 'Hi Priya'
 */
export function plainRenderer(plan: PlainPlan): (context: object) => string {
  return compilePlain<object>(plan, (keys) => pathGetter(keys) as (root: object) => unknown);
}

/**
 * A plain plan rendered over a step's scope (variables, settings, secrets kept apart).
 *
 * @example
 * plainScopeRenderer(['Bearer ', ['secrets', 'api_key']])(scopeOf({}, {}, { api_key: 'k' })) // 'Bearer k'
 */
export function plainScopeRenderer(plan: PlainPlan): (scope: RenderScope) => string {
  return compilePlain<RenderScope>(plan, scopeGetter);
}
