import { code } from './code.js';
import { formMarkdown } from './markdown-form.js';
import { caveatLines, table, variablesTable } from './markdown-parts.js';
import type { Capture, FlowExport, RoutingRow, StepExport } from './types.js';

const API_NAMES = { new: 'new MailerLite (connect.mailerlite.com)', classic: 'classic MailerLite (api.mailerlite.com/api/v2)' } as const;

const VARIABLES_AND_CAVEATS = [
  '`{{name}}` is a builder variable: insert it with your builder\'s variable picker.',
  'A **Caveat** says what to do in the builder so the step behaves exactly as the plugin declares it.',
];

const STEP_HOW_TO = ['Fill in your builder\'s **External API Request** step with the fields below, in order.', ...VARIABLES_AND_CAVEATS];

const FLOW_HOW_TO = [
  'Build the flow from the routing table: one builder step per node (External API Request, condition, set, ask, reply), each connected to the next node as the Then column says.',
  'Fill in each External API Request step with its fields below, in order.',
  ...VARIABLES_AND_CAVEATS,
];

/**
 * The Markdown page for one step template: what it does, the variables, what to capture
 * before it, then the External API Request form field by field with each caveat next to
 * its field.
 *
 * @example
 * stepPage(exportStep(lookup, context)).split('\n')[0] // '# Look up a subscriber'
 */
export function stepPage(step: StepExport): string {
  const before = caveatLines(step.caveats, 'inputs');
  const lines = [
    `# ${step.name}`,
    '',
    `${code(step.id)} · ${API_NAMES[step.api]} · exported from ${step.plugin.id} ${step.plugin.version}`,
    '',
    step.description,
    '',
    ...STEP_HOW_TO.flatMap((line) => [line, '']),
    '## Variables',
    '',
    variablesTable(step.variables),
    '',
    ...(before.length > 0 ? ['## Before this step', '', ...before] : []),
    '## The External API Request step, field by field',
    '',
    ...formMarkdown(step.form, step.caveats, 3),
  ];
  return finish(lines);
}

/**
 * The Markdown page for a flow: the trigger, the variables, what to capture before the
 * first step, the routing table in the builder's words, then each step's External API
 * Request form under its node id, its status conditions leading to their nodes.
 *
 * @example
 * flowPage(exportFlow(join, templateById, context)).includes('## Routing table') // true
 */
export function flowPage(flow: FlowExport): string {
  const aliases = flow.trigger.aliases.length > 0 ? ` (or ${flow.trigger.aliases.map(code).join(', ')})` : '';
  const lines = [
    `# ${flow.name}`,
    '',
    `${code(flow.id)} · ${API_NAMES[flow.api]} · exported from ${flow.plugin.id} ${flow.plugin.version}`,
    '',
    flow.description,
    '',
    `**Trigger:** the contact sends ${code(flow.trigger.keyword)}${aliases}: set your builder's keyword trigger to the whole message, in any case.`,
    '',
    `This flow has ${flow.steps.length} External API Request step${flow.steps.length === 1 ? '' : 's'} (${flow.steps.map((s) => code(s.node)).join(', ')}); the routing table says where each branch goes.`,
    '',
    ...FLOW_HOW_TO.flatMap((line) => [line, '']),
    '## Variables',
    '',
    variablesTable(flow.variables),
    '',
    ...captureLines(flow.captures),
    '## Routing table',
    '',
    `Starts at ${code(flow.start)}. Conditions compare values as text; a list is checked item by item.`,
    '',
    table(['Node', 'Does', 'Then'], flow.routing.map(routingCells)),
    '',
    ...caveatLines(flow.caveats, 'routing'),
  ];
  for (const step of flow.steps) {
    const row = flow.routing.find((r) => r.node === step.node);
    const branches = row?.type === 'step' ? row.branches : undefined;
    lines.push(`## Step ${code(step.node)}: ${step.name}`, '', `Template ${code(step.template)}.`, '', ...formMarkdown(step.form, step.caveats, 4, branches));
  }
  return finish(lines);
}

function captureLines(captures: readonly Capture[]): string[] {
  if (captures.length === 0) return [];
  const rows = captures.map((c) => [
    code(c.variable),
    c.ask === undefined ? 'filled in by the builder' : `ask ${code(c.ask)}`,
    c.validate === undefined ? '' : `${c.validate} validation on`,
    c.required ? 'yes' : 'no',
    `${c.description}${c.example === undefined ? '' : ` E.g. ${code(typeof c.example === 'string' ? c.example : JSON.stringify(c.example))}.`}`,
  ]);
  return ['## Before the first step', '', 'Capture these conversation variables after the trigger, before the first step:', '', table(['Variable', 'How', 'Validation', 'Required', 'What it holds'], rows), ''];
}

function routingCells(row: RoutingRow): string[] {
  switch (row.type) {
    case 'step':
      return [code(row.node), `External API Request ${code(row.template)} (see below)`, row.branches.map((b) => `${b.when} -> ${code(b.next)}`).join('\n')];
    case 'reply':
      return [code(row.node), `Reply: ${code(row.text)}`, code(row.next)];
    case 'ask': {
      const validation = row.validate ? ` with ${row.validate} validation` : '';
      const invalid = row.invalid_text ? `; on an invalid answer: ${code(row.invalid_text)}` : '';
      return [code(row.node), `Ask ${code(row.text)}, answer into ${code(row.variable)}${validation}${invalid}`, code(row.next)];
    }
    case 'condition':
      return [code(row.node), `Condition: ${code(row.condition)}`, `then -> ${code(row.then)}\nelse -> ${code(row.else)}`];
    case 'set':
      return [code(row.node), `Set: ${code(row.set)}`, code(row.next)];
    case 'end': {
      const outputs = row.outputs ? ` Hands back ${Object.entries(row.outputs).map(([k, v]) => `${code(k)} = ${code(v)}`).join(', ')}.` : '';
      return [code(row.node), `End with result ${code(row.result)}${row.reason ? `: ${row.reason}` : ''}.${outputs}`, '(end)'];
    }
  }
}

/** Joins the lines, with no run of blank lines and one final newline. */
function finish(lines: string[]): string {
  return lines.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n';
}
