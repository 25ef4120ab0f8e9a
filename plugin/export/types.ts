import type { Manifest } from '../generated/manifest.js';
import type { JsonValue } from '../json.js';

/** The builder form this export targets: the External API Request step. */
export const EXPORT_TARGET = 'external-api-request';

/** Version of the export file layout. */
export const EXPORT_FORMAT_VERSION = 1;

/** What every export needs: the manifest, and the setting values given (`--set`). */
export interface ExportContext {
  manifest: Manifest;
  /** Setting values written into the fields as they are, instead of `{{setting}}`. */
  values: Record<string, string>;
}

/** The form field (or part of the page) a caveat sits next to. */
export type FieldName = 'url' | 'auth' | 'headers' | 'body' | 'response_mapping' | 'status_conditions' | 'retries' | 'text' | 'routing';

/**
 * Something the builder's plain `{{var}}` substitution cannot guarantee that our engine
 * does (JSON escaping, URL encoding, dropped empty fields, lower-cased emails, JMESPath,
 * retries), shown next to the field it concerns.
 *
 * @example
 * { field: 'body', about: 'fields.name', text: 'Our engine leaves fields.name out when {{customer_name}} is empty ...' }
 */
export interface Caveat {
  field: FieldName;
  /** The part of the field concerned (a body path, a variable, a mapping row). */
  about?: string;
  text: string;
}

/** Where a builder variable's value comes from. */
export type VariableSource = 'conversation' | 'setting' | 'step output';

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

/** A response mapping row: `data.id -> subscriber_id`. */
export interface MappingRow {
  path: string;
  variable: string;
  /** The row as the guide writes it. */
  row: string;
  /** True for a plain path (`data.id`, `data[0].id`) every builder's mapping can follow. */
  plain: boolean;
  description: string;
}

/** A status condition row: `HTTP 404 -> not_found`, checked top to bottom. */
export interface ConditionRow {
  /** The row as the guide writes it. */
  row: string;
  /** The condition part (`HTTP 200 and {{in_target_group}} is true`). */
  when: string;
  /** A JMESPath condition the row could not state in words (it also appears in `when`). */
  jmespath?: string;
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

/** One row of a flow's routing table. */
export type RoutingRow =
  | { node: string; type: 'step'; template: string; routes: Array<{ outcome: string; next: string; row: string }>; otherwise?: string }
  | { node: string; type: 'reply'; text: string; next: string; caveats: Caveat[] }
  | { node: string; type: 'ask'; variable: string; text: string; next: string; validate?: string; caveats: Caveat[] }
  | { node: string; type: 'condition'; variable: string; operator: string; value?: string; values?: string[]; then: string; else: string }
  | { node: string; type: 'set'; variable: string; function: string; of: string; next: string }
  | { node: string; type: 'end'; result: string; reason?: string; outputs?: Record<string, string> };

/** A flow: its steps as form fields plus its routing table. */
export interface FlowExport extends ExportHead {
  kind: 'flow';
  trigger: { keyword: string };
  variables: BuilderVariable[];
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
