import type { OutputMapping } from '../generated/step-template.js';
import { CodeBuilder, tryGenerate } from '../template/code-builder.js';
import { literalKey } from '../template/codegen.js';
import { parseJmes } from './jmespath-ast.js';
import { jmesCode } from './jmespath-code.js';
import type { OutputsMapper } from './map.js';

/** The `$variables` an output expression reads, as the generated mapper holds them. */
const VARIABLES: Record<string, string> = { status: 'vStatus', headers: 'vHeaders', inputs: 'inputs', settings: 'settings' };

/**
 * Output mappings generated as one function: every expression's code inline, each in its
 * own `try` (a runtime error maps to null, as in the closures), the outputs made as one
 * object literal. Reads that cannot throw are shared between expressions and done first
 * (`data` once for `data.id` and `data.status`); outputs are read-only values, so two
 * identical expressions may give the same list. Undefined when an expression does not parse or uses what is not
 * generated, or code generation is disallowed: `compileOutputs` then uses its closures.
 *
 * @example
 * generateOutputs({ subscriber_id: { expression: 'data.id', description: 'id' } })?.(response, {}, {}) // { subscriber_id: '987654321' }
 */
export function generateOutputs(outputs: Record<string, OutputMapping>): OutputsMapper | undefined {
  return tryGenerate(() => makeOutputs(outputs));
}

function makeOutputs(outputs: Record<string, OutputMapping>): OutputsMapper | undefined {
  const code = new CodeBuilder();
  const names = Object.keys(outputs);
  const shared = { inputs: new Set(['root', ...Object.values(VARIABLES)]), prelude: [] as string[], values: new Map<string, string>() };
  const scope = { code, shared, variable: (name: string) => (Object.prototype.hasOwnProperty.call(VARIABLES, name) ? VARIABLES[name] : undefined) };
  const parts: string[] = [];
  const values: string[] = [];
  for (const name of names) {
    let value;
    try {
      value = jmesCode(parseJmes(outputs[name]!.expression), 'root', scope);
    } catch {
      return undefined;
    }
    if (!value) return undefined;
    const out = code.local();
    // Code that may throw (a function given the wrong type) maps to null; a shared read cannot throw.
    parts.push(value.pre ? `let ${out};\ntry {\n${value.pre}${out} = ${value.value} ?? null;\n} catch {\n${out} = null;\n}\n` : `const ${out} = ${value.value} ?? null;\n`);
    values.push(out);
  }
  const nulls = names.map((name) => `${literalKey(name)}: null`).join(', ');
  const made = names.map((name, i) => `${literalKey(name)}: ${values[i]}`).join(', ');
  return code.build<OutputsMapper>(
    ['response', 'inputs', 'settings'],
    `if (response === null) return { ${nulls} };\n` +
      `const root = response.json ? response.body : null;\nconst vStatus = response.status, vHeaders = response.headers;\n` +
      `${shared.prelude.join('')}${parts.join('')}return { ${made} };`,
  );
}
