/* eslint-disable */
/**
 * GENERATED FILE: DO NOT EDIT.
 * Made from schemas/flow.schema.json by scripts/codegen.ts; edit the schema, then run `npm run codegen`.
 */

/**
 * Flow id (e.g. `whatsapp.join`); the same id may exist once per API version.
 */
export type Identifier = string;
/**
 * API version of every step this flow runs.
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
export type Identifier1 = string;
/**
 * Text with `<<placeholders>>` (Handlebars semantics behind `<<` `>>`): `<<name>>`, `<<helper arg>>`, `<<#if x>>...<</if>>`. A literal `{{` or `}}` passes through; `\<<` is a literal `<<`.
 */
export type TemplateString = string;
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
export type TemplateString1 = string;
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
export type VariableName = string;
/**
 * A variable name: lower-case letters, digits and underscores, starting with a letter (e.g. `customer_email`).
 */
export type VariableName1 = string;
/**
 * A node id: lower-case letters, digits and underscores.
 */
export type NodeId5 = string;
/**
 * Text with `<<placeholders>>` (Handlebars semantics behind `<<` `>>`): `<<name>>`, `<<helper arg>>`, `<<#if x>>...<</if>>`. A literal `{{` or `}}` passes through; `\<<` is a literal `<<`.
 */
export type TemplateString2 = string;
/**
 * A node id: lower-case letters, digits and underscores.
 */
export type NodeId6 = string;
/**
 * A variable name: lower-case letters, digits and underscores, starting with a letter (e.g. `customer_email`).
 */
export type VariableName2 = string;
/**
 * Text with `<<placeholders>>` (Handlebars semantics behind `<<` `>>`): `<<name>>`, `<<helper arg>>`, `<<#if x>>...<</if>>`. A literal `{{` or `}}` passes through; `\<<` is a literal `<<`.
 */
export type TemplateString3 = string;
/**
 * A node id: lower-case letters, digits and underscores.
 */
export type NodeId7 = string;
/**
 * Text with `<<placeholders>>` (Handlebars semantics behind `<<` `>>`): `<<name>>`, `<<helper arg>>`, `<<#if x>>...<</if>>`. A literal `{{` or `}}` passes through; `\<<` is a literal `<<`.
 */
export type TemplateString4 = string;
/**
 * A variable name: lower-case letters, digits and underscores, starting with a letter (e.g. `customer_email`).
 */
export type VariableName3 = string;
/**
 * Text with `<<placeholders>>` (Handlebars semantics behind `<<` `>>`): `<<name>>`, `<<helper arg>>`, `<<#if x>>...<</if>>`. A literal `{{` or `}}` passes through; `\<<` is a literal `<<`.
 */
export type TemplateString5 = string;

/**
 * What a builder user drags in: a trigger keyword, the variables the conversation collects, and nodes that run a step, check a condition, set a variable, ask for a value, send a reply or end, with each step outcome routed to the next node.
 */
export interface Flow {
  /**
   * Path or URL of this schema, so editors can autocomplete.
   */
  $schema?: string;
  id: Identifier;
  /**
   * Human name shown in the builder.
   */
  name: string;
  /**
   * What the flow does.
   */
  description: string;
  api: ApiVersion;
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
 * Runs a step template; its outputs become conversation variables; its outcome picks the next node.
 */
export interface StepNode {
  /**
   * Node kind.
   */
  type: 'step';
  template: Identifier1;
  /**
   * Template inputs by name, as templates over the conversation variables; an input not listed takes the conversation variable of the same name.
   */
  inputs?: {
    [k: string]: TemplateString;
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
  value?: TemplateString1;
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
  variable: VariableName;
  /**
   * The text function: `first_word` (`"  Priya Sharma "` → `"Priya"`; blank → `""`).
   */
  function: 'first_word';
  of: VariableName1;
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
  text: TemplateString2;
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
  variable: VariableName2;
  text: TemplateString3;
  next: NodeId7;
  /**
   * The builder's validation of the answer: `email` (trimmed and lower-cased) or `phone` (E.164).
   */
  validate?: 'email' | 'phone';
  invalid_text?: TemplateString4;
}
/**
 * Ends the flow with a named result (e.g. `send` or `skip` for a campaign pre-check).
 */
export interface EndNode {
  /**
   * Node kind.
   */
  type: 'end';
  result: VariableName3;
  reason?: TemplateString5;
  /**
   * Values the flow hands back, by name, as templates over the variables (e.g. `{"group_id": "<<group_id>>"}`).
   */
  outputs?: {
    [k: string]: TemplateString;
  };
  /**
   * True for an end that means the flow could not do its job (MailerLite did not answer as expected, an answer could not be read): `run` exits 1 there.
   */
  failure?: boolean;
}
