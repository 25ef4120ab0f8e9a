import type { StepTemplate } from '../generated/step-template.js';
import { printBody } from './body.js';
import { conditionRows } from './conditions.js';
import { mappingRows } from './mapping.js';
import { settingVariable, type ExportScope } from './placeholders.js';
import { settingsRead, settingVariables } from './settings.js';
import { requestFields } from './request-fields.js';
import { exportHead, type BuilderVariable, type Caveat, type ExportContext, type RequestForm, type RetryAdvice, type StepExport } from './types.js';

export type { ExportContext } from './types.js';


/** The form of one step, with its caveats and the settings it reads. */
export interface StepForm {
  form: RequestForm;
  retry: RetryAdvice;
  caveats: Caveat[];
  /** Setting names the step reads (placeholders and `$settings` in expressions). */
  settings: string[];
}

/**
 * Fills the builder's External API Request form for one step template, in a scope (the
 * names a flow node gives its inputs, the variables already taken), with the caveats of
 * each field.
 *
 * @example
 * stepForm(upsert, scope).form.body // '{\n  "email": "{{customer_email}}",\n  ...'
 */
export function stepForm(template: StepTemplate, scope: ExportScope): StepForm {
  const { request } = template;
  const fields = requestFields(request, scope, template.inputs);
  const body = request.body === undefined ? undefined : printBody(request.body, scope, template.inputs);
  const mapping = mappingRows(template.outputs, (name) => scope.values[name] ?? `{{${settingVariable(name, scope)}}}`);
  const conditions = conditionRows(template.outcomes, template.inputs);
  const caveats: Caveat[] = [...fields.caveats];
  if (body) {
    const quoted = body.variables.filter((name) => template.inputs[name]?.type !== 'array' && template.inputs[name]?.type !== 'object');
    if (quoted.length > 0) {
      caveats.push({
        field: 'body',
        about: 'escaping',
        text: `Our engine escapes quotes, backslashes and line breaks in ${quoted.map((n) => `{{${n}}}`).join(', ')} so the body stays valid JSON; the builder pastes the text as typed, so a value such as \`Priya "PJ" Sharma\` or one with a line break breaks the body and MailerLite refuses the request.`,
      });
    }
    caveats.push(...body.caveats);
  }
  for (const [name, declared] of Object.entries(template.inputs)) {
    if (declared.format !== 'email') continue;
    for (const field of [fields.variables.includes(name) ? 'url' : undefined, body?.variables.includes(name) ? 'body' : undefined]) {
      if (field === 'url' || field === 'body') {
        caveats.push({ field, about: name, text: `{{${name}}}: our engine trims and lower-cases the email before use (MailerLite keeps emails lower-case); the builder sends it as captured, so \`Priya@Example.com \` is sent as typed. Trim and lower-case it where it is captured.` });
      }
    }
  }
  caveats.push(...mapping.caveats, ...conditions.caveats);
  const retry = retryAdvice(template);
  caveats.push({ field: 'retries', text: retryText(template, retry) });
  return {
    form: {
      method: request.method,
      url: fields.url,
      query: fields.query,
      auth: fields.auth,
      headers: fields.headers,
      body_type: body ? 'JSON' : 'none',
      body: body?.text ?? null,
      response_mapping: mapping.rows,
      status_conditions: conditions.rows,
      timeout_seconds: (template.timeout_ms ?? 10_000) / 1000,
    },
    retry,
    caveats: order(caveats),
    settings: settingsRead(template),
  };
}

/**
 * Exports one step template as the builder's form fields, its variables and caveats.
 *
 * @example
 * exportStep(lookup, { manifest, values: {} }).form.response_mapping[0]?.row // 'data.id -> subscriber_id'
 */
export function exportStep(template: StepTemplate, context: ExportContext): StepExport {
  const taken = new Set([...Object.keys(template.inputs), ...Object.keys(template.outputs)]);
  const scope: ExportScope = { settings: context.manifest.settings, values: context.values, inputs: {}, taken };
  const { form, retry, caveats, settings } = stepForm(template, scope);
  const variables: BuilderVariable[] = [
    ...Object.entries(template.inputs).map(([name, d]) => ({ builder: `{{${name}}}`, name, source: 'conversation' as const, description: d.description, required: d.required === true, ...(d.example === undefined ? {} : { example: d.example }) })),
    ...settingVariables(settings, scope, context),
    ...Object.entries(template.outputs).map(([name, o]) => ({ builder: `{{${name}}}`, name, source: 'step output' as const, description: o.description, required: false })),
  ];
  return {
    ...exportHead(template, context),
    kind: 'step',
    variables,
    form,
    retry,
    caveats,
  };
}

function retryAdvice(template: StepTemplate): RetryAdvice {
  const safe = template.retry?.safe_to_repeat === true;
  return { safe_to_repeat: safe, max_attempts: safe ? (template.retry?.max_attempts ?? 3) : 1 };
}

function retryText(template: StepTemplate, retry: RetryAdvice): string {
  if (!retry.safe_to_repeat) return 'Not safe to repeat (sending it twice can differ from sending it once): our engine never retries it. Leave the builder\'s retry option off for this step.';
  const base = template.retry?.base_delay_ms ?? 500;
  const cap = template.retry?.max_delay_ms ?? 8000;
  return `Our engine retries this step on 429 (honouring Retry-After), 5xx and network failures: ${retry.max_attempts} attempts in all, waiting ${base} ms and doubling, at most ${cap} ms. The builder sends it once: use its retry option if it has one, else route \`rate_limited\` and \`error\` to a polite reply.`;
}

const FIELD_ORDER = ['url', 'auth', 'headers', 'body', 'response_mapping', 'status_conditions', 'retries', 'text'];

/** Caveats in the order of the form's fields (stable within a field). */
function order(caveats: Caveat[]): Caveat[] {
  return caveats.map((c, i) => ({ c, i })).sort((a, b) => FIELD_ORDER.indexOf(a.c.field) - FIELD_ORDER.indexOf(b.c.field) || a.i - b.i).map(({ c }) => c);
}
