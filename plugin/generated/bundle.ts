/* eslint-disable */
/**
 * GENERATED FILE: DO NOT EDIT.
 * Made from schemas/bundle.schema.json by scripts/codegen.ts; edit the schema, then run `npm run codegen`.
 */

/**
 * Lower-case hex sha256 of the UTF-8 bytes of the entry's `content` serialised as canonical JSON: keys in the order they appear in this file, no whitespace, strings escaped as `JSON.stringify` escapes them (so `JSON.stringify(entry.content)` in JavaScript gives the exact text).
 */
export type Sha256 = string;
/**
 * Plugin id.
 */
export type Identifier = string;
/**
 * Header value template.
 */
export type TemplateString = string;
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
 * Stable id of the template, unique across the plugin (e.g. `mailerlite.subscriber.lookup`).
 */
export type Identifier1 = string;
/**
 * The MailerLite API version this template talks to; the `api_version` setting picks the matching set.
 */
export type ApiVersion = 'new' | 'classic';
/**
 * Absolute URL. Scheme and host are literal (the harness may point them at the simulator); each placeholder in the path renders as one encoded path segment. No query string here: use `query`.
 */
export type TemplateString1 = string;
/**
 * Text with `<<placeholders>>` (Handlebars semantics behind `<<` `>>`): `<<name>>`, `<<helper arg>>`, `<<#if x>>...<</if>>`. A literal `{{` or `}}` passes through; `\<<` is a literal `<<`.
 */
export type TemplateString2 = string;
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
 * Flow id (e.g. `whatsapp.join`); the same id may exist once per API version.
 */
export type Identifier2 = string;
/**
 * API version of every step this flow runs.
 */
export type ApiVersion1 = 'new' | 'classic';
/**
 * The node that runs first.
 */
export type NodeId = string;
/**
 * One node of a flow.
 */
export type FlowNode = StepNode | ConditionNode | SetNode | ReplyNode | AskNode | EndNode;
/**
 * Id of the step template to run.
 */
export type Identifier3 = string;
/**
 * A node id: lower-case letters, digits and underscores.
 */
export type NodeId1 = string;
/**
 * A node id: lower-case letters, digits and underscores.
 */
export type NodeId2 = string;
/**
 * Text with `<<placeholders>>` (Handlebars semantics behind `<<` `>>`): `<<name>>`, `<<helper arg>>`, `<<#if x>>...<</if>>`. A literal `{{` or `}}` passes through; `\<<` is a literal `<<`.
 */
export type TemplateString3 = string;
/**
 * A node id: lower-case letters, digits and underscores.
 */
export type NodeId3 = string;
/**
 * A node id: lower-case letters, digits and underscores.
 */
export type NodeId4 = string;
/**
 * A variable name: lower-case letters, digits and underscores, starting with a letter (e.g. `customer_email`).
 */
export type VariableName2 = string;
/**
 * A variable name: lower-case letters, digits and underscores, starting with a letter (e.g. `customer_email`).
 */
export type VariableName3 = string;
/**
 * A node id: lower-case letters, digits and underscores.
 */
export type NodeId5 = string;
/**
 * Text with `<<placeholders>>` (Handlebars semantics behind `<<` `>>`): `<<name>>`, `<<helper arg>>`, `<<#if x>>...<</if>>`. A literal `{{` or `}}` passes through; `\<<` is a literal `<<`.
 */
export type TemplateString4 = string;
/**
 * A node id: lower-case letters, digits and underscores.
 */
export type NodeId6 = string;
/**
 * A variable name: lower-case letters, digits and underscores, starting with a letter (e.g. `customer_email`).
 */
export type VariableName4 = string;
/**
 * Text with `<<placeholders>>` (Handlebars semantics behind `<<` `>>`): `<<name>>`, `<<helper arg>>`, `<<#if x>>...<</if>>`. A literal `{{` or `}}` passes through; `\<<` is a literal `<<`.
 */
export type TemplateString5 = string;
/**
 * A node id: lower-case letters, digits and underscores.
 */
export type NodeId7 = string;
/**
 * Text with `<<placeholders>>` (Handlebars semantics behind `<<` `>>`): `<<name>>`, `<<helper arg>>`, `<<#if x>>...<</if>>`. A literal `{{` or `}}` passes through; `\<<` is a literal `<<`.
 */
export type TemplateString6 = string;
/**
 * A variable name: lower-case letters, digits and underscores, starting with a letter (e.g. `customer_email`).
 */
export type VariableName5 = string;
/**
 * Text with `<<placeholders>>` (Handlebars semantics behind `<<` `>>`): `<<name>>`, `<<helper arg>>`, `<<#if x>>...<</if>>`. A literal `{{` or `}}` passes through; `\<<` is a literal `<<`.
 */
export type TemplateString7 = string;

/**
 * One installable file: the manifest with every step template and flow inlined, each entry with its sha256.
 */
export interface PluginBundle {
  /**
   * URL of this schema.
   */
  $schema: string;
  /**
   * Version of the bundle format (not of the plugin, which is `manifest.content.version`). It changes only when the layout of this file changes; a builder refuses a version it does not know.
   */
  schema_version: 1;
  manifest: ManifestEntry;
  /**
   * Every step template the manifest lists, in manifest order.
   */
  templates: TemplateEntry[];
  /**
   * Every flow the manifest lists, in manifest order.
   */
  flows: FlowEntry[];
}
/**
 * The plugin manifest.
 */
export interface ManifestEntry {
  /**
   * Path of the file in the source tree, relative to the manifest, `/`-separated (as the manifest lists it).
   */
  path: string;
  sha256: Sha256;
  content: Manifest;
}
/**
 * The plugin: what a bot builder installs. Declares the settings asked at install, the secret it needs, the APIs it talks to and the step templates and flows it provides.
 */
export interface Manifest {
  /**
   * Path or URL of this schema, so editors can autocomplete.
   */
  $schema?: string;
  id: Identifier;
  /**
   * Human name of the plugin.
   */
  name: string;
  /**
   * Semantic version, kept equal to package.json's.
   */
  version: string;
  /**
   * What the plugin does.
   */
  description: string;
  apis: Apis;
  /**
   * Values a builder asks for at install, by name; templates read them as `<<settings.name>>`.
   */
  settings: {
    [k: string]: VariableDeclaration;
  };
  /**
   * Named secrets, by name; templates read them as `<<secrets.name>>`, only in headers. Never a literal value.
   */
  secrets: {
    [k: string]: SecretDeclaration;
  };
  builder?: BuilderProfile;
  /**
   * Paths of the step template files, relative to the manifest.
   */
  templates: string[];
  /**
   * Paths of the flow files, relative to the manifest.
   */
  flows: string[];
}
/**
 * The MailerLite API versions, each with its base URL and auth header.
 */
export interface Apis {
  new: ApiDeclaration;
  classic: ApiDeclaration1;
}
/**
 * New MailerLite (accounts since 22 March 2022).
 */
export interface ApiDeclaration {
  /**
   * Base URL every template URL of this version starts with.
   */
  base_url: string;
  /**
   * Header row carrying the key, as a template (e.g. `Bearer <<secrets.api_key>>`).
   */
  auth_header: {
    /**
     * Header name.
     */
    name: string;
    value: TemplateString;
  };
  /**
   * Where the API is documented.
   */
  docs: string;
}
/**
 * Classic MailerLite (API v2).
 */
export interface ApiDeclaration1 {
  /**
   * Base URL every template URL of this version starts with.
   */
  base_url: string;
  /**
   * Header row carrying the key, as a template (e.g. `Bearer <<secrets.api_key>>`).
   */
  auth_header: {
    /**
     * Header name.
     */
    name: string;
    value: TemplateString;
  };
  /**
   * Where the API is documented.
   */
  docs: string;
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
 * A secret the plugin needs. Its value comes from the builder's secret store or, in the harness, from an environment variable.
 */
export interface SecretDeclaration {
  /**
   * What the secret is and where to get it.
   */
  description: string;
  /**
   * Environment variable the harness reads it from.
   */
  env: string;
}
/**
 * What the builder holds: when given, `validate` checks that every template and flow uses only this (decision 006). The shipped manifest names it.
 */
export interface BuilderProfile {
  /**
   * The builder, in words.
   */
  description?: string;
  /**
   * What a step's outcome rules may test: `status` (exact, class or list), `timeout`, `network`; a rule may never read the body.
   */
  step_outcomes: ('status' | 'timeout' | 'network')[];
  /**
   * `plain`: response mappings are plain paths (names, `[n]` indexes, `[*]` for each item of a list), e.g. `data.id`, `data[0].id`, `data.groups[*].id`.
   */
  output_paths: 'plain';
  /**
   * `plain`: replies, end reasons and node inputs use plain `<<variable>>` placeholders only (no helper, no block).
   */
  placeholders: 'plain';
  /**
   * The condition operators the builder's condition step has.
   */
  conditions: ('equals' | 'is_one_of' | 'contains' | 'is_empty' | 'is_not_empty')[];
  /**
   * Text functions a set step can apply (e.g. `first_word`: the first word of a name).
   */
  text_functions: 'first_word'[];
  /**
   * Validations the builder's ask step can apply to an answer.
   */
  ask_validation: ('email' | 'phone')[];
}
/**
 * One step template.
 */
export interface TemplateEntry {
  /**
   * Path of the file in the source tree, relative to the manifest, `/`-separated (as the manifest lists it).
   */
  path: string;
  sha256: Sha256;
  content: StepTemplate;
}
/**
 * One External API Request step: declared inputs, the request with `<<placeholders>>`, response-to-variable outputs and ordered outcome rules ending in a fallback.
 */
export interface StepTemplate {
  /**
   * Path or URL of this schema, so editors can autocomplete.
   */
  $schema?: string;
  id: Identifier1;
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
 * The HTTP request, with `<<placeholders>>` escaped by place: URL path segments, query values, header values (CR/LF refused) and JSON body leaves.
 */
export interface RequestTemplate {
  /**
   * HTTP method.
   */
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: TemplateString1;
  /**
   * Query parameters: literal keys (e.g. `filter[name]`), template values encoded as query values. A parameter whose value renders empty is left out.
   */
  query?: {
    [k: string]: TemplateString2;
  };
  /**
   * Header rows: literal names, template values. Secrets (`<<secrets.api_key>>`) may appear only here and are redacted in every preview.
   */
  headers?: {
    [k: string]: TemplateString2;
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
/**
 * One flow.
 */
export interface FlowEntry {
  /**
   * Path of the file in the source tree, relative to the manifest, `/`-separated (as the manifest lists it).
   */
  path: string;
  sha256: Sha256;
  content: Flow;
}
/**
 * What a builder user drags in: a trigger keyword, the variables the conversation collects, and nodes that run a step, check a condition, set a variable, ask for a value, send a reply or end, with each step outcome routed to the next node.
 */
export interface Flow {
  /**
   * Path or URL of this schema, so editors can autocomplete.
   */
  $schema?: string;
  id: Identifier2;
  /**
   * Human name shown in the builder.
   */
  name: string;
  /**
   * What the flow does.
   */
  description: string;
  api: ApiVersion1;
  trigger: Trigger;
  /**
   * Conversation variables the flow reads, by name, with the prompt used to ask for them.
   */
  variables: {
    [k: string]: VariableDeclaration;
  };
  start: NodeId;
  /**
   * The nodes, by id.
   */
  nodes: {
    [k: string]: FlowNode;
  };
}
/**
 * What starts the flow.
 */
export interface Trigger {
  /**
   * The message that starts the flow, matched as the whole message, case-insensitively after trimming (e.g. `JOIN`).
   */
  keyword: string;
  /**
   * Other whole messages that start the flow the same way (e.g. `UNSUBSCRIBE`, `OPTOUT` for STOP), matched like the keyword.
   */
  aliases?: string[];
}
/**
 * Runs a step template; its outputs become conversation variables; its outcome picks the next node.
 */
export interface StepNode {
  /**
   * Node kind.
   */
  type: 'step';
  template: Identifier3;
  /**
   * Template inputs by name, as templates over the conversation variables; an input not listed takes the conversation variable of the same name.
   */
  inputs?: {
    [k: string]: TemplateString2;
  };
  /**
   * Next node by outcome name. Every outcome the step can produce must be routed, here or by `otherwise`.
   */
  routes: {
    [k: string]: NodeId1;
  };
  otherwise?: NodeId2;
}
/**
 * Checks one variable with one operator, as a builder's condition step does, and goes on to `then` or `else`. Values are compared as text (a number or boolean as JSON writes it, null or missing as ""); see decision 006.
 */
export interface ConditionNode {
  /**
   * Node kind.
   */
  type: 'condition';
  /**
   * The variable checked: a conversation variable (`subscriber_status`) or a setting (`settings.optin_form_url`).
   */
  variable: string;
  /**
   * `equals` (texts equal), `is_one_of` (equals one of `values`), `contains` (a list: some item equals the value; a text: holds the value), `is_empty` (missing, null, blank or an empty list), `is_not_empty`.
   */
  operator: 'equals' | 'is_one_of' | 'contains' | 'is_empty' | 'is_not_empty';
  value?: TemplateString3;
  /**
   * For `is_one_of`: the texts the variable may equal. Required by `is_one_of` (checked by `validate`).
   *
   * @minItems 1
   */
  values?: [string, ...string[]];
  then: NodeId3;
  else: NodeId4;
}
/**
 * Sets a variable from another with a builder text function (e.g. the first word of a name), then goes on.
 */
export interface SetNode {
  /**
   * Node kind.
   */
  type: 'set';
  variable: VariableName2;
  /**
   * The text function: `first_word` (`"  Priya Sharma "` → `"Priya"`; blank → `""`).
   */
  function: 'first_word';
  of: VariableName3;
  next: NodeId5;
}
/**
 * Sends a WhatsApp message rendered from a template over the conversation variables and settings.
 */
export interface ReplyNode {
  /**
   * Node kind.
   */
  type: 'reply';
  text: TemplateString4;
  next: NodeId6;
}
/**
 * Asks the contact for a value (e.g. after an invalid email), with the builder's validation when `validate` is given: an invalid answer is answered with `invalid_text` and asked again, up to three times. Without an answer the flow stops there, waiting.
 */
export interface AskNode {
  /**
   * Node kind.
   */
  type: 'ask';
  variable: VariableName4;
  text: TemplateString5;
  next: NodeId7;
  /**
   * The builder's validation of the answer: `email` (trimmed and lower-cased) or `phone` (E.164).
   */
  validate?: 'email' | 'phone';
  invalid_text?: TemplateString6;
}
/**
 * Ends the flow with a named result (e.g. `send` or `skip` for a campaign pre-check).
 */
export interface EndNode {
  /**
   * Node kind.
   */
  type: 'end';
  result: VariableName5;
  reason?: TemplateString7;
  /**
   * Values the flow hands back, by name, as templates over the variables (e.g. `{"group_id": "<<group_id>>"}`).
   */
  outputs?: {
    [k: string]: TemplateString2;
  };
  /**
   * True for an end that means the flow could not do its job (MailerLite did not answer as expected, an answer could not be read): `run` exits 1 there.
   */
  failure?: boolean;
}
