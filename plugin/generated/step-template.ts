/* eslint-disable */
/**
 * GENERATED FILE: DO NOT EDIT.
 * Made from schemas/step-template.schema.json by scripts/codegen.ts; edit the schema, then run `npm run codegen`.
 */

/**
 * Stable id of the template, unique across the plugin (e.g. `mailerlite.subscriber.lookup`).
 */
export type Identifier = string;
/**
 * The MailerLite API version this template talks to; the `api_version` setting picks the matching set.
 */
export type ApiVersion = 'new' | 'classic';
/**
 * An example value, prefilled in the web harness and shown in errors.
 */
export type JsonValue = import('../json.js').JsonValue;
/**
 * Value used when none is given.
 */
export type JsonValue1 = import('../json.js').JsonValue;
/**
 * Any JSON value.
 */
export type JsonValue2 = import('../json.js').JsonValue;
/**
 * Absolute URL. Scheme and host are literal (the harness may point them at the simulator); each placeholder in the path renders as one encoded path segment. No query string here: use `query`.
 */
export type TemplateString = string;
/**
 * Text with `<<placeholders>>` (Handlebars semantics behind `<<` `>>`): `<<name>>`, `<<helper arg>>`, `<<#if x>>...<</if>>`. A literal `{{` or `}}` passes through; `\<<` is a literal `<<`.
 */
export type TemplateString1 = string;
/**
 * Any JSON value.
 */
export type JsonValue3 = import('../json.js').JsonValue;
/**
 * JMESPath over the response body (e.g. `data.id`). Variables: `$status` (HTTP status), `$headers` (lower-case names), `$inputs`, `$settings`.
 */
export type JmesPathExpression = string;
/**
 * A named outcome the flow can route on: a matching rule, or the fallback that ends the list.
 */
export type OutcomeRule = MatchRule | FallbackRule;
/**
 * A variable name: lower-case letters, digits and underscores, starting with a letter (e.g. `customer_email`).
 */
export type VariableName = string;
/**
 * An exact status (`404`) or a class (`"4xx"`).
 */
export type StatusMatcher = number | string;
/**
 * JMESPath over `{status, headers, body, outputs}`, truthy to match (e.g. `outputs.subscriber_status == 'active'`; shipped templates use none: decision 006). Variables: `$inputs`, `$settings`.
 */
export type JmesPathExpression1 = string;
/**
 * A variable name: lower-case letters, digits and underscores, starting with a letter (e.g. `customer_email`).
 */
export type VariableName1 = string;

/**
 * One External API Request step: declared inputs, the request with `<<placeholders>>`, response-to-variable outputs and ordered outcome rules ending in a fallback.
 */
export interface StepTemplate {
  /**
   * Path or URL of this schema, so editors can autocomplete.
   */
  $schema?: string;
  id: Identifier;
  /**
   * Human name shown in the builder's step picker.
   */
  name: string;
  /**
   * What the step does and when to use it.
   */
  description: string;
  api: ApiVersion;
  /**
   * Conversation variables the step needs, by name. Referenced in the request as `<<name>>`.
   */
  inputs: {
    [k: string]: VariableDeclaration;
  };
  request: RequestTemplate;
  /**
   * Response-to-variable mappings: the variables this step writes, by name.
   */
  outputs: {
    [k: string]: OutputMapping;
  };
  /**
   * Ordered outcome rules: the first whose `when` matches names the outcome. The last rule must be the fallback.
   *
   * @minItems 1
   */
  outcomes: [OutcomeRule, ...OutcomeRule[]];
  /**
   * How long to wait for a response before the attempt counts as a timeout, in milliseconds. Builders default to 10 s.
   */
  timeout_ms?: number;
  retry?: RetryPolicy;
}
/**
 * A declared value: a step input, a flow variable or a plugin setting.
 */
export interface VariableDeclaration {
  /**
   * JSON type of the value.
   */
  type: 'string' | 'number' | 'integer' | 'boolean' | 'array' | 'object';
  /**
   * A format the value must have: `email` (trimmed and lower-cased before use), `phone` (E.164, e.g. +919820000001), `uri`, `id` (a string of digits; ids are never numbers), `date-time`.
   */
  format?: 'email' | 'phone' | 'uri' | 'id' | 'date-time';
  /**
   * What the value is, shown next to the field in the harness.
   */
  description: string;
  /**
   * A short human label for forms; defaults to the name.
   */
  label?: string;
  /**
   * Whether the value must be given. A missing required value stops the step before any request; a missing optional one drops its key from the body.
   */
  required?: boolean;
  example?: JsonValue;
  default?: JsonValue1;
  /**
   * The only values allowed.
   *
   * @minItems 1
   */
  enum?: [JsonValue2, ...JsonValue2[]];
  /**
   * A regular expression a string value must match.
   */
  pattern?: string;
  /**
   * Flows only: what the bot asks when it needs this value in a conversation.
   */
  prompt?: string;
}
/**
 * The HTTP request, with `<<placeholders>>` escaped by place: URL path segments, query values, header values (CR/LF refused) and JSON body leaves.
 */
export interface RequestTemplate {
  /**
   * HTTP method.
   */
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: TemplateString;
  /**
   * Query parameters: literal keys (e.g. `filter[name]`), template values encoded as query values. A parameter whose value renders empty is left out.
   */
  query?: {
    [k: string]: TemplateString1;
  };
  /**
   * Header rows: literal names, template values. Secrets (`<<secrets.api_key>>`) may appear only here and are redacted in every preview.
   */
  headers?: {
    [k: string]: TemplateString1;
  };
  body?: JsonValue3;
}
/**
 * One variable written from the response.
 */
export interface OutputMapping {
  expression: JmesPathExpression;
  /**
   * JSON type the value has when present (null when the response lacks it). Ids are strings.
   */
  type?: 'string' | 'number' | 'integer' | 'boolean' | 'array' | 'object';
  /**
   * What the variable holds.
   */
  description: string;
}
/**
 * An outcome that applies when its `when` holds.
 */
export interface MatchRule {
  name: VariableName;
  /**
   * What this outcome means for the conversation.
   */
  description: string;
  when: OutcomeCondition;
}
/**
 * What must hold for a rule to match; every property given must hold.
 */
export interface OutcomeCondition {
  /**
   * The HTTP status: exact, a class such as `4xx`, or a list of either.
   */
  status?: StatusMatcher | [StatusMatcher, ...StatusMatcher[]];
  condition?: JmesPathExpression1;
  /**
   * A request that got no HTTP response: `timeout` or `network` (connection refused or dropped).
   */
  failure?: 'timeout' | 'network';
}
/**
 * The last rule: matches anything the rules before it did not (e.g. `error`).
 */
export interface FallbackRule {
  name: VariableName1;
  /**
   * What this outcome means for the conversation.
   */
  description: string;
  /**
   * True on the last rule only: it matches anything the rules before it did not.
   */
  fallback: true;
}
/**
 * Whether and how the step is retried on 429, 5xx and network failures. Only steps safe to repeat are retried.
 */
export interface RetryPolicy {
  /**
   * True when sending the request twice has the same effect as once (GET, the upsert keyed on email, group assign/unassign).
   */
  safe_to_repeat: boolean;
  /**
   * Attempts in all, the first included.
   */
  max_attempts?: number;
  /**
   * Backoff before the first retry; doubles each time, with full jitter.
   */
  base_delay_ms?: number;
  /**
   * Cap on one backoff wait, also on an honoured `Retry-After`; a longer `Retry-After` ends the retries.
   */
  max_delay_ms?: number;
}
