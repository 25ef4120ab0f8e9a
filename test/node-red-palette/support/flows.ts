import type { FlowNode } from '../../support/node-red-process.js';

/** The account fields of a mailerlite-account node, and its key (a credential) when given. */
export interface AccountFields {
  api: 'new' | 'classic';
  baseUrl?: string;
  groupId?: string;
  optinFormUrl?: string;
  groupName?: string;
}

/**
 * A mailerlite-account config node; the key goes in `credentials`, which the admin API
 * takes apart from the flow (as the editor sends it).
 */
export function accountNode(id: string, fields: AccountFields, apiKey?: string): FlowNode {
  return {
    id,
    type: 'mailerlite-account',
    name: `MailerLite ${fields.api} (${id})`,
    api: fields.api,
    baseUrl: fields.baseUrl ?? '',
    groupId: fields.groupId ?? '',
    optinFormUrl: fields.optinFormUrl ?? '',
    groupName: fields.groupName ?? '',
    ...(apiKey === undefined ? {} : { credentials: { apiKey } }),
  };
}

/** A tab (flow) node. */
export function tab(id: string, label: string): FlowNode {
  return { id, type: 'tab', label, disabled: false, info: '' };
}

/** What a probe answers: which output the step node used and the message it sent there. */
export interface ProbeAnswer {
  output: number;
  outcome: string;
  payload: Record<string, unknown>;
  mailerlite: {
    template: string;
    outcome: string;
    inputs: Record<string, unknown>;
    request: { method: string; url: string; headers: Record<string, string>; body: unknown } | null;
    response: { status: number; body: unknown } | null;
    outputs: Record<string, unknown>;
    attempts: number;
  };
  settings: Record<string, unknown>;
}

/** Ids of the shared nodes every probe tab sends to: the log of step results. */
export const RESULT_LOG = 'probe-result-log';

/**
 * `POST /probe/<name>` → (nodes before the step, e.g. a change node filling flow context)
 * → the step node → on each output a change node that answers
 * `{output, outcome, payload, mailerlite, settings}` → HTTP response; every output's
 * message also goes to a debug node that logs `msg.mailerlite` to the console.
 */
export function probe(name: string, z: string, step: Omit<FlowNode, 'wires' | 'z' | 'id'> & { type: string }, outputs: number, before: FlowNode[] = []): FlowNode[] {
  const id = `probe-${name}`;
  const stepId = `${id}-step`;
  const first = before[0]?.id ?? stepId;
  const answers = Array.from({ length: outputs }, (_, i) => ({
    id: `${id}-out-${i}`,
    type: 'change',
    z,
    name: `output ${i}`,
    rules: [{ t: 'set', p: 'payload', pt: 'msg', to: `{"output": ${i}, "outcome": outcome, "payload": payload, "mailerlite": mailerlite, "settings": settings}`, tot: 'jsonata' }],
    wires: [[`${id}-response`]],
  }));
  const chain = before.map((node, i) => ({ ...node, z, wires: [[before[i + 1]?.id ?? stepId]] }));
  return [
    { id: `${id}-in`, type: 'http in', z, name: '', url: `/probe/${name}`, method: 'post', upload: false, swaggerDoc: '', wires: [[first]] },
    ...chain,
    { ...step, id: stepId, z, wires: answers.map((a) => [a.id, RESULT_LOG]) },
    ...answers,
    { id: `${id}-response`, type: 'http response', z, name: '', statusCode: '', headers: {}, wires: [] },
  ];
}

/**
 * Logging nodes of a tab: a debug node that writes `msg.mailerlite` of every step result to
 * the console, a status node whose events are written as `STATUS {source, text, fill, shape}`
 * lines, and a catch node that answers a node's error as a 500 `{error, source}`.
 */
export function loggers(z: string): FlowNode[] {
  return [
    { id: RESULT_LOG, type: 'debug', z, name: 'results', active: true, tosidebar: false, console: true, tostatus: false, complete: 'mailerlite', targetType: 'msg', wires: [] },
    { id: `${z}-status`, type: 'status', z, name: '', scope: null, wires: [[`${z}-status-text`]] },
    {
      id: `${z}-status-text`,
      type: 'change',
      z,
      name: '',
      rules: [{ t: 'set', p: 'payload', pt: 'msg', to: '"STATUS " & $string({"source": status.source.id, "text": status.text, "fill": status.fill, "shape": status.shape})', tot: 'jsonata' }],
      wires: [[`${z}-status-log`]],
    },
    { id: `${z}-status-log`, type: 'debug', z, name: 'statuses', active: true, tosidebar: false, console: true, tostatus: false, complete: 'payload', targetType: 'msg', wires: [] },
    // A node error answers at once (instead of leaving the request to time out).
    { id: `${z}-catch`, type: 'catch', z, name: '', scope: null, uncaught: true, wires: [[`${z}-error`]] },
    { id: `${z}-error`, type: 'change', z, name: '', rules: [{ t: 'set', p: 'payload', pt: 'msg', to: '{"error": error.message, "source": error.source.id}', tot: 'jsonata' }], wires: [[`${z}-error-response`]] },
    { id: `${z}-error-response`, type: 'http response', z, name: '', statusCode: '500', headers: {}, wires: [] },
  ];
}

/** The status events a Node-RED log holds (from `loggers`), in order. */
export function statusesIn(log: string): Array<{ source: string; text?: string; fill?: string; shape?: string }> {
  return [...log.matchAll(/STATUS (\{.*\})$/gm)].map((m) => JSON.parse(m[1]!) as { source: string; text?: string; fill?: string; shape?: string });
}
