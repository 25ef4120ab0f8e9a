/** A plain template: literal text and variable paths only (split at dots). */
export type PlainPlan = Array<string | string[]>;

const hasOwn = (value: object, key: string): boolean => Object.prototype.hasOwnProperty.call(value, key);

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
      if (texts[index]) plan.push(texts[index]!);
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
 * Renders a plain plan exactly as Handlebars (noEscape) would: each path is looked up
 * through own properties only, a missing or null value prints nothing, anything else
 * prints as JavaScript turns it into text (`false`, `0`, `a,b` for a list).
 *
 * @example
 * renderPlain(['Hi ', ['customer_name']], { customer_name: 'Priya' }) // 'Hi Priya'
 */
export function renderPlain(plan: PlainPlan, context: object): string {
  let out = '';
  for (const part of plan) {
    if (typeof part === 'string') {
      out += part;
      continue;
    }
    let value: unknown = context;
    for (const key of part) {
      if (value == null) break;
      value = hasOwn(value as object, key) ? (value as Record<string, unknown>)[key] : undefined;
    }
    out += print(value);
  }
  return out;
}

/** Text of a value as `'' + value` gives it, but never throwing (an object whose `toString` is data). */
function print(value: unknown): string {
  if (value == null) return '';
  if (typeof value !== 'object') return String(value);
  if (Array.isArray(value)) return value.map(print).join(',');
  return '[object Object]';
}
