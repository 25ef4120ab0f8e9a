import type { OutputMapping } from '../generated/step-template.js';
import type { ResponseRecord } from '../http/response.js';
import type { JsonValue } from '../json.js';
import { prepareExpression, scopeOf } from './jmespath.js';

/** The values a step wrote, by output name. */
export type Outputs = Record<string, JsonValue>;

/**
 * Evaluates each output mapping over the response body, with `$status`, `$headers`,
 * `$inputs` and `$settings` in scope. Without a response (timeout, network failure,
 * invalid input) every output is null.
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
  const result: Outputs = {};
  if (response === null) {
    for (const name in outputs) result[name] = null;
    return result;
  }
  const root = response.json ? response.body : null;
  const scope = scopeOf({ status: response.status, headers: response.headers, inputs, settings });
  for (const [name, run] of plan(outputs)) result[name] = run(root, scope);
  return result;
}

const plans = new WeakMap<Record<string, OutputMapping>, Array<[string, ReturnType<typeof prepareExpression>]>>();

/** The output expressions ready to run, made once per outputs declaration. */
function plan(outputs: Record<string, OutputMapping>): Array<[string, ReturnType<typeof prepareExpression>]> {
  let planned = plans.get(outputs);
  if (!planned) {
    planned = Object.entries(outputs).map(([name, mapping]) => [name, prepareExpression(mapping.expression)]);
    plans.set(outputs, planned);
  }
  return planned;
}
