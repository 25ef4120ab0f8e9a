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
 * is null to the expressions. An output declared `type: "string"` holds text: a number or
 * boolean is written as text (`3640549` → `"3640549"`), as a builder variable holds it.
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
  for (const [name, { expression, type }] of Object.entries(outputs)) {
    const value = evaluate(expression);
    // An output declared as text holds text, as a builder variable does (classic's numeric ids).
    setOwn(values, name, type === 'string' && (typeof value === 'number' || typeof value === 'boolean') ? String(value) : value);
  }
  return values;
}
