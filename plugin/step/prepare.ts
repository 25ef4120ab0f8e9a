import type { StepTemplate } from '../generated/step-template.js';
import type { JsonValue } from '../json.js';
import { buildRequest, type BuiltRequest } from '../request/build.js';
import { renderContext } from '../request/context.js';
import { checkInputs, type Variables } from './inputs.js';
import { definedOnly } from './result.js';
import type { StepEnvironment } from './run.js';

/** A step checked and rendered, ready to send (or stopped by invalid input). */
export type PreparedStep =
  | { ok: true; built: Extract<BuiltRequest, { ok: true }>; inputs: Record<string, JsonValue> }
  | { ok: false; invalid: Array<{ name: string; message: string }>; inputs: Record<string, JsonValue> };

/**
 * Checks inputs and renders the request without sending it: what `preview` shows.
 * Throws MissingInputError when required inputs are missing.
 *
 * @example
 * const prepared = prepareStep(lookup, { customer_email: ' Priya@Example.com ' }, { settings, secrets })
 * prepared.ok && prepared.built.shown.url // 'https://connect.mailerlite.com/api/subscribers/priya@example.com'
 */
export function prepareStep(template: StepTemplate, given: Variables, env: Pick<StepEnvironment, 'settings' | 'secrets' | 'baseUrl'>): PreparedStep {
  const checked = checkInputs(template.id, template.inputs, given);
  if (!checked.ok) return { ok: false, invalid: checked.invalid, inputs: definedOnly(given) };
  const inputs = checked.values;
  const built = buildRequest(template, renderContext(inputs, env.settings, env.secrets), env.baseUrl);
  if (!built.ok) return { ok: false, invalid: [{ name: built.invalid.place, message: built.invalid.message }], inputs };
  return { ok: true, built, inputs };
}
