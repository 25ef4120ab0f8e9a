import Handlebars from 'handlebars';
import { TemplateSyntaxError } from '../errors.js';
import { HELPERS, literalHelper } from './helpers.js';
import { tokenize } from './tokenize.js';

const env = Handlebars.create();
for (const [name, helper] of Object.entries(HELPERS)) env.registerHelper(name, helper);
env.registerHelper('__text', literalHelper);

/** A parsed `<<placeholder>>` template. */
export interface CompiledTemplate {
  /** The template as written. */
  source: string;
  /** Renders the template over a context object (variables, `settings`, `secrets`). */
  render(context: object): string;
  /** The Handlebars program, for static checks. */
  ast: hbs.AST.Program;
}

/**
 * Translates the `<<...>>` tags into Handlebars source token by token; literal text
 * never reaches the Handlebars lexer (it is printed by an internal helper), so a `{{`
 * or `}}` in the template always passes through untouched.
 */
function toHandlebars(source: string): { hbs: string; texts: string[] } {
  // texts[0] is '': printed before every tag, so Handlebars' generated code always joins
  // text (it would add two adjacent numbers: `<<a>><<b>>` with 1 and 2 gave "3").
  const texts: string[] = [''];
  let hbs = '';
  for (const token of tokenize(source)) {
    if (token.kind === 'tag') hbs += `{{__text 0}}{{${token.value}}}`;
    else hbs += `{{__text ${texts.push(token.value) - 1}}}`;
  }
  return { hbs, texts };
}

const cache = new Map<string, CompiledTemplate>();

/**
 * Parses a template once (cached by its text); rendering goes through Handlebars.
 * Throws TemplateSyntaxError for a template that does not parse.
 *
 * @example
 * compileTemplate('Hi <<first_name customer_name>>').render({ customer_name: 'Priya Sharma' }) // 'Hi Priya'
 */
export function compileTemplate(source: string): CompiledTemplate {
  const hit = cache.get(source);
  if (hit) return hit;
  const { hbs, texts } = toHandlebars(source);
  let ast: hbs.AST.Program;
  try {
    ast = env.parse(hbs);
  } catch (error) {
    throw new TemplateSyntaxError(`cannot parse template ${JSON.stringify(source)}: ${firstLine(error)}`, source);
  }
  const fn = env.compile(ast, { noEscape: true, strict: false });
  const render = (context: object): string => {
    try {
      return fn(context, { data: { texts } });
    } catch (error) {
      throw new TemplateSyntaxError(`cannot render template ${JSON.stringify(source)}: ${firstLine(error)}`, source);
    }
  };
  const compiled: CompiledTemplate = { source, ast, render };
  cache.set(source, compiled);
  return compiled;
}

/**
 * Renders a `<<placeholder>>` template over a context.
 *
 * @example
 * renderText('Hi <<name>>', { name: 'Priya' }) // 'Hi Priya'
 */
export function renderText(source: string, context: object): string {
  return compileTemplate(source).render(context);
}

function firstLine(error: unknown): string {
  const lines = String(error instanceof Error ? error.message : error).split('\n');
  const expecting = lines.find((line) => line.startsWith('Expecting'));
  if (expecting?.endsWith("got 'EOF'")) return 'a block is not closed (e.g. <<#if x>> needs <</if>>)';
  // Handlebars places its errors in the translated source, not in the template as written: drop that place.
  const first = (expecting ?? lines[0] ?? '').replace(/ - \d+:\d+$/, '');
  const mismatch = /^(\S+) doesn't match (\S+)$/.exec(first);
  return mismatch ? `<<#${mismatch[1]}>> is closed by <</${mismatch[2]}>>` : first;
}
