import type { JsonValue } from '../json.js';
import type { StepResult } from '../step/result.js';

/** How a flow stopped: at an end node with its result, or waiting for an answer. */
export type FlowEnd =
  | { node: string; result: string; reason?: string; outputs?: Record<string, JsonValue>; failure?: true }
  | { node: string; waiting_for: string; question: string };

/** One node visited, in order. */
export interface FlowVisit {
  node: string;
  type: 'step' | 'condition' | 'set' | 'reply' | 'ask' | 'end';
  /** For step nodes: index into `steps` and the outcome. */
  step?: number;
  outcome?: string;
  /** For condition nodes: what was checked (the value side rendered) and whether it held. */
  check?: { variable: string; operator: string; value?: string; holds: boolean };
  /** The node that ran next (none after an end or a wait). */
  next?: string;
}

/**
 * A flow run: every step result, the bot's replies, the variables at the end and how it
 * ended. The CLI's `--json`, the web page and the tests all show this object.
 */
export interface FlowResult {
  flow: string;
  api: 'new' | 'classic';
  steps: StepResult[];
  replies: string[];
  variables: Record<string, JsonValue>;
  path: FlowVisit[];
  end: FlowEnd;
}
