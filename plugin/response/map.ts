import type { OutputMapping } from '../generated/step-template.js';
import type { ResponseRecord } from '../http/response.js';
import type { JsonValue } from '../json.js';
import { recordBuilder, recordMaker } from '../template/records.js';
import type { Scope } from './compile-jmespath.js';
import { prepareExpression, scopeOf } from './jmespath.js';
import { generateOutputs } from './outputs-code.js';

/** The values a step wrote, by output name. */
export type Outputs = Record<string, JsonValue>;

/** Output mappings compiled once: the outputs of one response (null: no response). */
export type OutputsMapper = (response: ResponseRecord | null, inputs: Record<string, JsonValue>, settings: Record<string, JsonValue>) => Outputs;

/**
 * Compiles output mappings once: generated as one function (`outputs-code.ts`), else each
 * JMESPath expression becomes a closure (or the interpreter, for what the compiler does
 * not cover). An expression that does not parse throws when the first response is
 * mapped, as before; without a response every output is null and nothing is evaluated.
 *
 * @example
 * compileOutputs({ subscriber_id: { expression: 'data.id', description: 'id' } })(response, {}, {}) // { subscriber_id: '987654321' }
 */
export function compileOutputs(outputs: Record<string, OutputMapping>): OutputsMapper {
  return generateOutputs(outputs) ?? closureOutputs(outputs);
}

/**
 * The closure form of `compileOutputs` (where code generation is disallowed, or an
 * expression is not generated).
 *
 * @example
 * closureOutputs({ subscriber_id: { expression: 'data.id', description: 'id' } })(response, {}, {}) // { subscriber_id: '987654321' }
 */
export function closureOutputs(outputs: Record<string, OutputMapping>): OutputsMapper {
  const names = Object.keys(outputs);
  const allNull: null[] = names.map(() => null);
  const makeNulls = recordMaker(names);
  const nulls = (): Outputs => makeNulls(allNull) as Outputs;
  let runs: Array<ReturnType<typeof prepareExpression>>;
  try {
    runs = names.map((name) => prepareExpression(outputs[name]!.expression));
  } catch (error) {
    return (response) => {
      if (response === null) return nulls();
      throw error;
    };
  }
  const build = recordBuilder<JsonValue, Scope>(names) as (fns: typeof runs, root: JsonValue, scope: Scope) => Outputs;
  return (response, inputs, settings) => {
    if (response === null) return nulls();
    const root = response.json ? response.body : null;
    return build(runs, root, scopeOf({ status: response.status, headers: response.headers, inputs, settings }));
  };
}

const mappers = new WeakMap<Record<string, OutputMapping>, OutputsMapper>();

/**
 * Evaluates each output mapping over the response body, with `$status`, `$headers`,
 * `$inputs` and `$settings` in scope. Without a response (timeout, network failure,
 * invalid input) every output is null. Compiled once per outputs object (`compileOutputs`).
 *
 * @example
 * mapOutputs({ subscriber_id: { expression: 'data.id', description: 'id' } }, response, {}, {}) // { subscriber_id: '987654321' }
 */
export function mapOutputs(
  outputs: Record<string, OutputMapping>,
  response: ResponseRecord | null,
  inputs: Record<string, JsonValue>,
  settings: Record<string, JsonValue>,
): Outputs {
  let map = mappers.get(outputs);
  if (!map) mappers.set(outputs, (map = compileOutputs(outputs)));
  return map(response, inputs, settings);
}
