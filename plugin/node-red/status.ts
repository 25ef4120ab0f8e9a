import type { StepTemplate } from '../generated/step-template.js';
import type { StepResult } from '../step/result.js';
import type { NodeStatus } from './types.js';

/** Statuses after which the flow cannot go on as planned: the key, the rate limit. */
const FAILING = new Set([401, 403, 429]);

/**
 * The status a step node shows after a message: the outcome and the HTTP status (or why
 * there was none). A red ring when the step failed: a refused key, a spent rate limit, a
 * 5xx, a timeout or network failure, or any answer that ended in the template's fallback
 * outcome (`error`); a yellow ring for an answer the flow routes (404, 422, invalid input);
 * a green dot for the rest (2xx, 3xx).
 *
 * @example
 * statusOf(created, upsert) // { fill: 'green', shape: 'dot', text: 'created 201' }
 * statusOf(refused, upsert) // { fill: 'red', shape: 'ring', text: 'auth_error 401' }
 */
export function statusOf(result: StepResult, template: StepTemplate): NodeStatus {
  const status = result.response?.status;
  if (result.error?.kind === 'invalid_input') return { fill: 'yellow', shape: 'ring', text: result.outcome };
  if (status === undefined) return { fill: 'red', shape: 'ring', text: `${result.outcome} ${result.error?.kind ?? 'no answer'}` };
  const text = `${result.outcome} ${status}`;
  const fallback = result.rule >= 0 && 'fallback' in (template.outcomes[result.rule] ?? {});
  if (fallback || status >= 500 || FAILING.has(status)) return { fill: 'red', shape: 'ring', text };
  if (status >= 400) return { fill: 'yellow', shape: 'ring', text };
  return { fill: 'green', shape: 'dot', text };
}
