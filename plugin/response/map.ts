import type { OutputMapping } from '../generated/step-template.js';
import type { ResponseRecord } from '../http/response.js';
import type { JsonValue } from '../json.js';
import { evaluate } from './jmespath.js';

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
    for (const name of Object.keys(outputs)) result[name] = null;
    return result;
  }
  const root = response.json ? response.body : null;
  const variables = { status: response.status, headers: response.headers, inputs, settings };
  for (const [name, mapping] of Object.entries(outputs)) result[name] = evaluate(mapping.expression, root, variables);
  return result;
}
