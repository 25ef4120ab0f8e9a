import type { OutputMapping } from '../generated/step-template.js';
import type { ResponseRecord } from '../http/response.js';
import { setOwn, type JsonValue } from '../json.js';
import { evaluator } from './jmespath.js';

/** The values a step wrote, by output name. */
export type Outputs = Record<string, JsonValue>;

/**
 * Evaluates each output mapping over the response body, with `$status`, `$headers`,
 * `$inputs` and `$settings` in scope. Without a response (timeout, network failure,
 * invalid input) every output is null and nothing is evaluated. A body that is not JSON
 * is null to the expressions.
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
  const values: Outputs = {};
  const evaluate = response ? evaluator(response.json ? response.body : null, { status: response.status, headers: response.headers, inputs, settings }) : () => null;
  for (const [name, { expression }] of Object.entries(outputs)) {
    const value = evaluate(expression);
    setOwn(values, name, value);
  }
  return values;
}
