import { HELPER_NAMES } from './helpers.js';
import { compileTemplate } from './compile.js';

/**
 * The variable paths a template reads (e.g. `customer_email`, `settings.group_id`),
 * found by walking its Handlebars program. Paths inside `each`/`with` blocks are
 * relative to the block's value and are not listed. Throws TemplateSyntaxError for a
 * template that does not parse.
 *
 * @example
 * referencedPaths('<<first_name customer_name>> <<settings.group_id>>') // ['customer_name', 'settings.group_id']
 */
export function referencedPaths(source: string): string[] {
  const found = new Set<string>();
  walkProgram(compileTemplate(source).ast, found);
  return [...found];
}

/** Helper names a template calls that do not exist. */
export function unknownHelpers(source: string): string[] {
  const unknown = new Set<string>();
  const visit = (program: hbs.AST.Program): void => {
    for (const node of program.body) {
      if (node.type === 'MustacheStatement' || node.type === 'BlockStatement') {
        const call = node as hbs.AST.MustacheStatement;
        const name = pathName(call.path);
        const isCall = call.params.length > 0 || node.type === 'BlockStatement';
        if (isCall && name && !HELPER_NAMES.has(name) && name !== '__text') unknown.add(name);
        if (node.type === 'BlockStatement') {
          const block = node as hbs.AST.BlockStatement;
          if (block.program) visit(block.program);
          if (block.inverse) visit(block.inverse);
        }
      }
    }
  };
  visit(compileTemplate(source).ast);
  return [...unknown];
}

function pathName(expr: hbs.AST.Expression): string | undefined {
  return expr.type === 'PathExpression' ? (expr as hbs.AST.PathExpression).original : undefined;
}

function addPath(expr: hbs.AST.Expression, found: Set<string>): void {
  if (expr.type === 'SubExpression') {
    for (const param of (expr as hbs.AST.SubExpression).params) addPath(param, found);
    return;
  }
  if (expr.type !== 'PathExpression') return;
  const path = expr as hbs.AST.PathExpression;
  if (path.data || path.original === 'this' || path.original.startsWith('this.') || path.original.startsWith('../')) return;
  found.add(path.original);
}

function walkProgram(program: hbs.AST.Program, found: Set<string>): void {
  for (const node of program.body) {
    if (node.type === 'MustacheStatement') {
      const call = node as hbs.AST.MustacheStatement;
      const name = pathName(call.path);
      if (name === '__text') continue;
      if (call.params.length === 0 && !(name && HELPER_NAMES.has(name))) addPath(call.path, found);
      for (const param of call.params) addPath(param, found);
    } else if (node.type === 'BlockStatement') {
      const block = node as hbs.AST.BlockStatement;
      for (const param of block.params) addPath(param, found);
      const scoped = ['each', 'with'].includes(pathName(block.path) ?? '');
      if (block.program && !scoped) walkProgram(block.program, found);
      if (block.inverse) walkProgram(block.inverse, found);
    }
  }
}
