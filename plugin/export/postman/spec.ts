import type { JsonValue } from '../../json.js';

/**
 * A template as the collection's script renders it: literal text pieces and variable
 * paths (`["settings", "group_id"]`), in order. Only plain `<<variable>>` placeholders
 * become paths (the builder profile, decision 006).
 *
 * @example
 * const parts: Parts = ['You are now subscribed, ', ['customer_first_name'], '!'];
 */
export type Parts = Array<string | string[]>;

/** The JSON body of a request as the script builds it: string leaves are templates. */
export type BodySpec =
  | { kind: 'text'; parts: Parts }
  | { kind: 'value'; value: JsonValue }
  | { kind: 'list'; items: BodySpec[] }
  | { kind: 'object'; entries: Array<[string, BodySpec]> };

/** A declared step input, as the script checks it (plugin/step/inputs.ts). */
export interface InputSpec {
  name: string;
  type: string;
  format?: string;
  pattern?: string;
  enum?: JsonValue[];
  required: boolean;
  default?: JsonValue;
}

/** A templated URL path segment, placed through the local variable `variable`. */
export interface SegmentSpec {
  variable: string;
  parts: Parts;
}

/** A templated query value (`key={{variable}}`); a blank value leaves the parameter out. */
export interface QuerySpec {
  key: string;
  variable: string;
  parts: Parts;
}

/** A header whose value depends on the conversation, placed through `{{variable}}`. */
export interface HeaderSpec {
  name: string;
  variable: string;
  parts: Parts;
}

/** One output mapping: a plain path; `text` when declared `type: "string"`. */
export interface OutputSpec {
  name: string;
  /** The plain path's steps (`plugin/declarations/plain.ts`) as the script reads them: a name, an index, or `*` for each item of a list. */
  path: Array<string | number>;
  text: boolean;
}

/** One outcome rule: statuses (exact or `4xx`), a failure, or the fallback. */
export interface OutcomeSpec {
  name: string;
  status?: Array<number | string>;
  failure?: 'timeout' | 'network';
  fallback?: true;
}

/** A step template as the collection's script runs it. */
export interface StepSpec {
  id: string;
  inputs: InputSpec[];
  segments: SegmentSpec[];
  query: QuerySpec[];
  headers: HeaderSpec[];
  body?: BodySpec;
  outputs: OutputSpec[];
  outcomes: OutcomeSpec[];
  /** Attempts in all (1 unless the template is safe to repeat) and the backoff. */
  retry: { attempts: number; baseMs: number; maxMs: number };
  timeoutMs: number;
}

/** A flow node as the script walks it. */
export type NodeSpec =
  | { type: 'step'; template: string; inputs: Record<string, Parts>; routes: Record<string, string>; otherwise?: string }
  | { type: 'condition'; variable: string[]; operator: string; value?: Parts; values?: Parts[]; then: string; else: string }
  | { type: 'set'; variable: string; function: string; of: string; next: string }
  | { type: 'reply'; text: Parts; next: string }
  | { type: 'ask'; variable: string; text: Parts }
  | { type: 'end'; result: string; reason?: Parts; outputs?: Record<string, Parts>; failure?: true };

/** Everything the collection's script needs to run one flow. */
export interface FlowSpec {
  flow: string;
  api: string;
  start: string;
  /** Conversation variables read at the start (`--env-var name=value`), and which are required. */
  variables: Array<{ name: string; required: boolean }>;
  /** Plugin settings read at the start, with the manifest's defaults. */
  settings: Array<{ name: string; default?: JsonValue }>;
  /** Secret names: rendered only into headers, as `{{name}}`, which Postman fills in. */
  secrets: string[];
  nodes: Record<string, NodeSpec>;
  templates: Record<string, StepSpec>;
  /** Nodes a run may visit before it counts as a loop (the engine's default). */
  maxVisits: number;
  /** Format checks of step inputs, as regular expressions (source and flags). */
  formats: Record<string, [string, string]>;
}
