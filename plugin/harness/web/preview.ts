import { MissingInputError } from '../../errors.js';
import type { Flow } from '../../generated/flow.js';
import type { StepTemplate, VariableDeclaration } from '../../generated/step-template.js';
import type { JsonValue } from '../../json.js';
import { renderValue } from '../../request/body.js';
import type { ShownRequest } from '../../request/build.js';
import type { RenderContext } from '../../request/context.js';
import { checkInputs } from '../../step/inputs.js';
import { formatCurl } from '../format/request.js';
import type { Session } from '../session.js';
import { missingProblems, type InputProblem } from './http-io.js';

/** What `POST /api/preview` answers: the request as it would be sent, or why it would not be. */
export type PreviewView =
  | {
      ok: true;
      /** The template whose request this is (for a flow: its first step). */
      template: string;
      request: ShownRequest;
      /** The request as a curl command that reads the key from $MAILERLITE_API_KEY. */
      curl: string;
    }
  | { ok: true; template: null; request: null; note: string }
  | { ok: false; problems: InputProblem[] };

/** The environment variable a pasted curl command reads the key from. */
const SECRET_ENV = { api_key: 'MAILERLITE_API_KEY' };

/**
 * All problems at once: the missing inputs, plus the format problems of those given
 * (the engine stops at the first missing one; the form wants to mark every field).
 */
function missing(error: MissingInputError, declared: Record<string, VariableDeclaration>, vars: Record<string, JsonValue>): PreviewView {
  const absent = new Set(error.missing.map((m) => m.name));
  const rest = Object.fromEntries(Object.entries(declared).filter(([name]) => !absent.has(name)));
  const checked = checkInputs(error.template, rest, vars);
  const invalid: InputProblem[] = checked.ok ? [] : checked.invalid.map((i) => ({ ...i, kind: 'invalid' }));
  return { ok: false, problems: [...missingProblems(error), ...invalid] };
}

/**
 * Previews a step: the session checks the inputs and renders the request with the key
 * redacted; nothing is sent. Missing and invalid inputs come back as problems, all at once.
 *
 * @example
 * previewTemplate(session, upsert, { customer_email: 'priya@example.com' })
 * // { ok: true, template: 'mailerlite.subscriber.upsert', request: { method: 'POST', ... }, curl: "curl -X POST ..." }
 */
export function previewTemplate(session: Session, template: StepTemplate, vars: Record<string, JsonValue>): PreviewView {
  try {
    const preview = session.preview(template, vars);
    if (!preview.ok) return { ok: false, problems: preview.invalid.map((i) => ({ ...i, kind: 'invalid' })) };
    return { ok: true, template: template.id, request: preview.request, curl: formatCurl(preview.request, SECRET_ENV) };
  } catch (error) {
    if (error instanceof MissingInputError) return missing(error, template.inputs, vars);
    throw error;
  }
}

/**
 * Previews a flow: checks its variables, then shows the request of its start node (the
 * first call the trigger makes), with the node's input mapping applied as the flow
 * runner applies it. A flow that starts with a reply has no first request.
 *
 * @example
 * previewFlow(session, join, { customer_email: 'priya@example.com' }).request?.url
 * // 'http://127.0.0.1:…/api/subscribers/priya@example.com'
 */
export function previewFlow(session: Session, flow: Flow, vars: Record<string, JsonValue>): PreviewView {
  let values: Record<string, JsonValue | undefined>;
  try {
    const checked = checkInputs(flow.id, flow.variables, vars);
    if (!checked.ok) return { ok: false, problems: checked.invalid.map((i) => ({ ...i, kind: 'invalid' })) };
    values = { ...vars, ...checked.values };
  } catch (error) {
    if (error instanceof MissingInputError) return missing(error, flow.variables, vars);
    throw error;
  }
  const start = flow.nodes[flow.start];
  const template = start?.type === 'step' ? session.catalog.template(start.template) : undefined;
  if (start?.type !== 'step' || !template)
    return { ok: true, template: null, request: null, note: `${flow.trigger.keyword} starts with a reply, not a request` };
  const context: RenderContext = { ...values, settings: session.settingsFor(flow.api), secrets: {} };
  const inputs: Record<string, JsonValue> = {};
  for (const name of Object.keys(template.inputs)) {
    const mapped = start.inputs?.[name];
    const value = mapped === undefined ? values[name] : renderValue(mapped, context);
    if (value !== undefined) inputs[name] = value;
  }
  return previewTemplate(session, template, inputs);
}
