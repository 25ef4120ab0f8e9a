import type { Manifest } from '../generated/manifest.js';
import type { JsonValue } from '../json.js';

/** The builder form this export targets: the External API Request step. */
export const EXPORT_TARGET = 'external-api-request';

/** Version of the export file layout (2: builder profile; status branches, condition, set and ask rows). */
export const EXPORT_FORMAT_VERSION = 2;

/** What every export needs: the manifest, and the setting values given (`--set`). */
export interface ExportContext {
  manifest: Manifest;
  /** Setting values written into the fields as they are, instead of `{{setting}}`. */
  values: Record<string, string>;
}

/** The part of the page a caveat sits next to. */
export type FieldName = 'inputs' | 'url' | 'body' | 'retries' | 'routing';

/**
 * Something to do in the builder so the exported step behaves as the declarations say,
 * shown next to the field it concerns. Every caveat names an action in the builder
 * (turn on a validation, use the query table, turn the retry option on or off).
 *
 * @example
 * { field: 'inputs', about: 'customer_email', text: 'Turn on email validation on the ask that captures {{customer_email}} ...' }
 */
export interface Caveat {
  field: FieldName;
  /** The part of the field concerned (a variable, a body path, a query row, a node). */
  about?: string;
  text: string;
}

/** Where a builder variable's value comes from. */
export type VariableSource = 'conversation' | 'setting' | 'step output' | 'set step';

/** A `{{variable}}` the exported fields use. */
export interface BuilderVariable {
  /** As typed in the builder: `{{customer_email}}`. */
  builder: string;
  name: string;
  source: VariableSource;
  /** For a plugin setting: the manifest's setting name (`group_id`). */
  setting?: string;
  description: string;
  required: boolean;
  example?: JsonValue;
}

/** One header (or query) row: name and value as typed into the builder. */
export interface Row {
  name: string;
  value: string;
}

/** The auth field of the form: where the API key goes. Never a key value, only its placeholder. */
export interface AuthField {
  /** `bearer`: the builder's Bearer token auth; `header`: an API key header; `none`. */
  type: 'bearer' | 'header' | 'none';
  /** The builder's label for this auth type (e.g. `Bearer token`). */
  label: string;
  /** Header the key travels in (`Authorization`, `X-MailerLite-ApiKey`). */
  header?: string;
  /** The header value with the key's placeholder (`Bearer YOUR_API_KEY`). */
  value?: string;
  /** What to type into the builder's secret or auth field instead (`YOUR_API_KEY`). */
  secret?: string;
}

/** A response mapping row, the template's plain path as it is: `data.id -> subscriber_id`. */
export interface MappingRow {
  path: string;
  variable: string;
  /** The row as the guide writes it. */
  row: string;
  description: string;
}

/** A status condition row, checked top to bottom: `HTTP 404 -> not_found`. */
export interface ConditionRow {
  /** The row as the guide writes it. */
  row: string;
  /** The branch in the builder's words: `HTTP 401 or 403`, `timeout (no answer in time)`, `anything else`. */
  when: string;
  outcome: string;
  description: string;
}

/** The fields of the builder's External API Request form, filled in. */
export interface RequestForm {
  method: string;
  /** The URL with the query string, as typed into the URL field. */
  url: string;
  /** The query parameters as rows too, for builders with a query table. */
  query: Row[];
  auth: AuthField;
  /** Header rows besides the auth header. */
  headers: Row[];
  body_type: 'JSON' | 'none';
  /** The body text, with `{{variables}}`; null when the request has no body. */
  body: string | null;
  response_mapping: MappingRow[];
  status_conditions: ConditionRow[];
  timeout_seconds: number;
}

/** How the step may be retried. */
export interface RetryAdvice {
  safe_to_repeat: boolean;
  max_attempts: number;
}

/** Fields shared by a step and a flow export. */
export interface ExportHead {
  format: typeof EXPORT_TARGET;
  format_version: typeof EXPORT_FORMAT_VERSION;
  plugin: { id: string; version: string };
  id: string;
  name: string;
  description: string;
  api: 'new' | 'classic';
}

/** One step template, as the builder's form fields. */
export interface StepExport extends ExportHead {
  kind: 'step';
  variables: BuilderVariable[];
  form: RequestForm;
  retry: RetryAdvice;
  caveats: Caveat[];
}

/** One step of a flow: the step's form fields under its node id. */
export interface FlowStep {
  node: string;
  template: string;
  name: string;
  form: RequestForm;
  retry: RetryAdvice;
  caveats: Caveat[];
}

/** A step's branch in a flow: a status condition row and the node it leads to. */
export interface Branch {
  /** `HTTP 200`, `HTTP 401 or 403`, `timeout (no answer in time)`, `anything else`. */
  when: string;
  outcome: string;
  next: string;
  /** `HTTP 404 (not_found) -> upsert`. */
  row: string;
}

/**
 * A conversation variable the flow needs before its first step: asked (with the
 * builder's validation when its format has one), or filled in by the builder.
 */
export interface Capture {
  variable: string;
  /** The question, when the flow asks for it; absent when the builder fills it in. */
  ask?: string;
  /** The validation to turn on for the ask. */
  validate?: 'email' | 'phone';
  required: boolean;
  /** What the variable holds (and its form, e.g. E.164 for a phone). */
  description: string;
  example?: JsonValue;
}

/** One row of a flow's routing table, in the builder's words. */
export type RoutingRow =
  | { node: string; type: 'step'; template: string; branches: Branch[] }
  | { node: string; type: 'reply'; text: string; next: string }
  | { node: string; type: 'ask'; variable: string; text: string; validate?: 'email' | 'phone'; invalid_text?: string; next: string }
  | {
      node: string;
      type: 'condition';
      /** `{{subscriber_group_ids}} contains {{group_id}}`. */
      condition: string;
      variable: string;
      operator: string;
      value?: string;
      values?: string[];
      then: string;
      else: string;
    }
  | { node: string; type: 'set'; set: string; variable: string; function: string; of: string; next: string }
  | { node: string; type: 'end'; result: string; reason?: string; outputs?: Record<string, string> };

/** A flow: what it captures, its steps as form fields, and its routing table. */
export interface FlowExport extends ExportHead {
  kind: 'flow';
  trigger: { keyword: string; aliases: string[] };
  variables: BuilderVariable[];
  captures: Capture[];
  start: string;
  steps: FlowStep[];
  routing: RoutingRow[];
  caveats: Caveat[];
}

/**
 * The fields every export starts with, from the declaration it exports.
 *
 * @example
 * ({ ...exportHead(template, context), kind: 'step', ... })
 */
export function exportHead(decl: { id: string; name: string; description: string; api: 'new' | 'classic' }, context: ExportContext): ExportHead {
  return {
    format: EXPORT_TARGET,
    format_version: EXPORT_FORMAT_VERSION,
    plugin: { id: context.manifest.id, version: context.manifest.version },
    id: decl.id,
    name: decl.name,
    description: decl.description,
    api: decl.api,
  };
}
