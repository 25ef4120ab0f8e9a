import { defaultEnvironment } from '../defaults.js';
import type { StepTemplate } from '../generated/step-template.js';
import { send, type FetchLike } from '../http/send.js';
import type { JsonValue } from '../json.js';
import { decide } from '../response/decide.js';
import { mapOutputs } from '../response/map.js';
import type { Variables } from './inputs.js';
import { prepareStep } from './prepare.js';
import { definedOnly, type StepResult } from './result.js';

export { prepareStep, type PreparedStep } from './prepare.js';

/** Where and how steps run: settings, secrets and the injected transport. */
export interface StepEnvironment {
  settings: Record<string, JsonValue | undefined>;
  secrets: Record<string, string>;
  fetch: FetchLike;
  /** Replaces the template URL's origin (e.g. the simulator's `http://127.0.0.1:9090`). */
  baseUrl?: string;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

/**
 * The result of a step stopped before sending, by inputs that are invalid (or, inside a
 * flow, missing): the outcome `invalid_input`, every output null, nothing sent.
 *
 * @example
 * notSent(lookup, {}, [{ name: 'customer_email', message: 'missing' }], settings).outcome // 'invalid_input'
 */
export function notSent(
  template: StepTemplate,
  inputs: Record<string, JsonValue>,
  invalid: Array<{ name: string; message: string }>,
  settings: Record<string, JsonValue | undefined>,
  started = performance.now(),
): StepResult {
  return {
    template: template.id,
    inputs,
    request: null,
    response: null,
    error: { kind: 'invalid_input', message: invalid.map((i) => `${i.name}: ${i.message}`).join('; '), inputs: invalid },
    outputs: mapOutputs(template.outputs, null, inputs, definedOnly(settings)),
    outcome: 'invalid_input',
    rule: -1,
    attempts: 0,
    durationMs: performance.now() - started,
  };
}

/**
 * Runs one step: check → render → send → map → decide. Anything the API or the network
 * does ends in a named outcome; only broken templates and missing inputs throw.
 *
 * Without `env`, it runs with {@link defaultEnvironment}: the manifest's default settings,
 * the key from `MAILERLITE_API_KEY` (a UsageError naming it when unset) and the global
 * `fetch`, so it sends to MailerLite.
 *
 * @example
 * const result = await runStep(lookup, { customer_email: 'priya@example.com' }, { settings, secrets, fetch })
 * result.outcome // 'not_found'
 * await runStep(lookup, { customer_email: 'priya@example.com' }) // MailerLite, with MAILERLITE_API_KEY
 */
export async function runStep(template: StepTemplate, given: Variables, env: StepEnvironment = defaultEnvironment()): Promise<StepResult> {
  const started = performance.now();
  const settings = definedOnly(env.settings);
  const prepared = prepareStep(template, given, env);
  if (!prepared.ok) return notSent(template, prepared.inputs, prepared.invalid, settings, started);
  const sent = await send(prepared.built.outgoing, {
    fetch: env.fetch,
    timeoutMs: template.timeout_ms,
    retry: template.retry,
    ...(env.sleep ? { sleep: env.sleep } : {}),
    ...(env.random ? { random: env.random } : {}),
  });
  const response = sent.kind === 'response' ? sent.response : null;
  const outputs = mapOutputs(template.outputs, response, prepared.inputs, settings);
  const failure = sent.kind === 'response' ? null : sent.kind;
  const decision = decide(template.outcomes, { response, failure, outputs, inputs: prepared.inputs, settings });
  return {
    template: template.id,
    inputs: prepared.inputs,
    request: prepared.built.shown,
    response: response ? { status: response.status, headers: response.headers, body: response.body } : null,
    ...(sent.kind === 'response' ? {} : { error: { kind: sent.kind, message: sent.message } }),
    outputs,
    outcome: decision.outcome,
    rule: decision.rule,
    attempts: sent.attempts,
    durationMs: performance.now() - started,
  };
}
