import type { Code, CodeBuilder } from '../template/code-builder.js';
import { compileTemplate } from '../template/compile.js';
import { printValue, type PlainPlan } from '../template/plain.js';
import { ownRead } from '../response/jmespath-code-parts.js';

/**
 * Reads a template path in the step's scope (`scope.vars`, or `scope.settings`/`scope.secrets`
 * for those), own properties only; undefined once a step is missing (what `scopeGetter` reads).
 *
 * @example
 * readPath(['settings', 'group_id'], code).value // 't0', holding scope.settings.group_id
 */
export function readPath(keys: readonly string[], code: CodeBuilder): Code {
  const [first, ...rest] = keys;
  const inPart = first === 'settings' || first === 'secrets';
  const out = code.local();
  let pre = `let ${out} = scope.${inPart ? first : 'vars'};\n`;
  for (const key of inPart ? rest : keys) pre += `if (${out} !== null && ${out} !== undefined) {\n${ownRead(out, key, 'undefined', code)}}\n`;
  return { pre, value: out };
}

/**
 * A template rendered to text in the step's scope: a plain one (`Bearer <<secrets.api_key>>`)
 * inline, with Handlebars' printing rules (`printValue`); any other through its compiled renderer.
 *
 * @example
 * renderText('Hi <<customer_name>>', code).value // 't1', holding 'Hi ' + the name
 */
export function renderText(source: string, code: CodeBuilder): Code {
  const template = compileTemplate(source);
  const out = code.local();
  const plan: PlainPlan | undefined = template.plain;
  if (!plan || plan.some((part) => typeof part !== 'string' && part.length === 0)) {
    return { pre: `const ${out} = ${code.constant(template.renderScope)}(scope);\n`, value: out };
  }
  const print = code.constant(printValue);
  let pre = '';
  const parts = plan.map((part) => {
    if (typeof part === 'string') return code.text(part);
    const read = readPath(part, code);
    pre += read.pre;
    return `(typeof ${read.value} === 'string' ? ${read.value} : ${print}(${read.value}))`;
  });
  return { pre: `${pre}const ${out} = ${parts.length ? parts.join(' + ') : "''"};\n`, value: out };
}
