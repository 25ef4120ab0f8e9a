import type { BuilderProfile } from '../generated/manifest.js';
import type { StepTemplate, VariableDeclaration } from '../generated/step-template.js';
import { printBody } from './body.js';
import { conditionRows } from './conditions.js';
import { mappingRows } from './mapping.js';
import type { ExportScope } from './placeholders.js';
import { requestFields } from './request-fields.js';
import { settingsRead, settingVariables } from './settings.js';
import { exportHead, type BuilderVariable, type Caveat, type ExportContext, type RequestForm, type RetryAdvice, type StepExport } from './types.js';

export type { ExportContext } from './types.js';

/** The form of one step, with its caveats and the settings it reads. */
export interface StepForm {
  form: RequestForm;
  retry: RetryAdvice;
  /** What to do in the builder for the query, the body and retries (in that order). */
  caveats: Caveat[];
  /** Setting names the step reads (placeholders, also through a flow node's inputs). */
  settings: string[];
}

/**
 * Fills the builder's External API Request form for one step template, in a scope (the
 * names a flow node gives its inputs, the variables already taken): method, URL, auth,
 * headers, body, the template's plain paths as mapping rows, one status condition row
 * per outcome, timeout; with what to do in the builder where a field needs it.
 *
 * @example
 * stepForm(upsert, scope).form.body // '{\n  "email": "{{customer_email}}",\n  ...'
 */
export function stepForm(template: StepTemplate, scope: ExportScope): StepForm {
  const { request } = template;
  const fields = requestFields(request, scope);
  const body = request.body === undefined ? undefined : printBody(request.body, scope, template.inputs);
  const retry = retryAdvice(template);
  return {
    form: {
      method: request.method,
      url: fields.url,
      query: fields.query,
      auth: fields.auth,
      headers: fields.headers,
      body_type: body ? 'JSON' : 'none',
      body: body?.text ?? null,
      response_mapping: mappingRows(template.outputs),
      status_conditions: conditionRows(template.outcomes),
      timeout_seconds: (template.timeout_ms ?? 10_000) / 1000,
    },
    retry,
    caveats: [...fields.caveats, ...(body?.caveats ?? []), { field: 'retries', text: retryText(retry) }],
    settings: settingsRead(template, scope),
  };
}

/**
 * Exports one step template as the builder's form fields, its variables and caveats;
 * an input with a format the builder's ask can validate (email, phone) says to turn that
 * validation on where it is captured.
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
  const validations = Object.entries(template.inputs).flatMap(([name, declared]) => {
    const validate = askValidation(declared, context.manifest.builder);
    return validate ? [captureCaveat(name, validate, declared)] : [];
  });
  return {
    ...exportHead(template, context),
    kind: 'step',
    variables,
    form,
    retry,
    caveats: [...validations, ...caveats],
  };
}

/**
 * The builder's ask validation for a declared value, when the profile has one for its
 * format (`email`, `phone`).
 *
 * @example
 * askValidation({ type: 'string', format: 'email', description: '' }, manifest.builder) // 'email'
 */
export function askValidation(declared: VariableDeclaration, profile: BuilderProfile | undefined): 'email' | 'phone' | undefined {
  const format = declared.format;
  return (format === 'email' || format === 'phone') && profile?.ask_validation.includes(format) ? format : undefined;
}

function captureCaveat(name: string, validate: 'email' | 'phone', declared: VariableDeclaration): Caveat {
  const phone = validate === 'phone' ? ` (E.164${typeof declared.example === 'string' ? `, e.g. ${declared.example}` : ''}), or fill it with the contact's WhatsApp number in that form` : '';
  return {
    field: 'inputs',
    about: name,
    text: `Turn on ${validate} validation on the ask that captures {{${name}}}${phone}, so this step is only reached with a well-formed value: our engine checks it before sending (outcome \`invalid_input\`, no request), the builder sends what it is given.`,
  };
}

function retryAdvice(template: StepTemplate): RetryAdvice {
  const safe = template.retry?.safe_to_repeat === true;
  return { safe_to_repeat: safe, max_attempts: safe ? (template.retry?.max_attempts ?? 3) : 1 };
}

function retryText(retry: RetryAdvice): string {
  if (!retry.safe_to_repeat) return "Leave the builder's retry option off for this step: sending it twice can differ from sending it once, so our engine never repeats it.";
  return `Turn on the builder's retry option for this step, if it has one: up to ${retry.max_attempts} attempts on HTTP 429, 5xx and no connection, as our engine does (the step is safe to repeat). Without it, such an answer takes its row above at once.`;
}
