/* eslint-disable */
/**
 * GENERATED FILE: DO NOT EDIT.
 * Made from schemas/manifest.schema.json by scripts/codegen.ts; edit the schema, then run `npm run codegen`.
 */

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
