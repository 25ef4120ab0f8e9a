import { code } from './code.js';
import { formMarkdown } from './markdown-form.js';
import { caveatLines, table, variablesTable } from './markdown-parts.js';
import type { FlowExport, RoutingRow, StepExport } from './types.js';

const API_NAMES = { new: 'new MailerLite (connect.mailerlite.com)', classic: 'classic MailerLite (api.mailerlite.com/api/v2)' } as const;

const HOW_TO_READ = [
  'Fill in your builder\'s **External API Request** step with the fields below, in order.',
  '`{{name}}` is a builder variable: insert it with your builder\'s variable picker.',
  'A **Caveat** under a field says what the mailerlite-steps engine guarantees there that the builder\'s plain text substitution does not, and what to do about it.',
];

/**
 * The Markdown page for one step template: what it does, the variables, then the
 * External API Request form field by field with each caveat next to its field.
 *
 * @example
 * stepPage(exportStep(lookup, context)).split('\n')[0] // '# Look up a subscriber'
 */
export function stepPage(step: StepExport): string {
  const lines = [
    `# ${step.name}`,
    '',
    `${code(step.id)} · ${API_NAMES[step.api]} · exported from ${step.plugin.id} ${step.plugin.version}`,
    '',
    step.description,
    '',
    ...HOW_TO_READ.flatMap((line) => [line, '']),
    '## Variables',
    '',
    variablesTable(step.variables),
    '',
    '## The External API Request step, field by field',
    '',
    ...formMarkdown(step.form, step.caveats, 3),
  ];
  return finish(lines);
}

/**
 * The Markdown page for a flow: the trigger, the variables, the routing table, then each
 * step's External API Request form under its node id.
 *
 * @example
 * flowPage(exportFlow(join, templateById, context)).includes('## Routing table') // true
 */
export function flowPage(flow: FlowExport): string {
  const lines = [
    `# ${flow.name}`,
    '',
    `${code(flow.id)} · ${API_NAMES[flow.api]} · exported from ${flow.plugin.id} ${flow.plugin.version}`,
    '',
    flow.description,
    '',
    `**Trigger:** the contact sends ${code(flow.trigger.keyword)} (our engine matches it case-insensitively after trimming; set your builder's keyword trigger the same way).`,
    '',
    `This flow has ${flow.steps.length} External API Request step${flow.steps.length === 1 ? '' : 's'} (${flow.steps.map((s) => code(s.node)).join(', ')}); the routing table says where each outcome goes.`,
    '',
    ...HOW_TO_READ.flatMap((line) => [line, '']),
    '## Variables',
    '',
    variablesTable(flow.variables),
    '',
    '## Routing table',
    '',
    `Starts at ${code(flow.start)}.`,
    '',
    table(['Node', 'Does', 'Then'], flow.routing.map(routingCells)),
    '',
    ...caveatLines(flow.caveats, 'routing'),
    ...flow.routing.flatMap((row) => (row.type === 'reply' || row.type === 'ask' ? caveatLines(row.caveats, 'text') : [])),
  ];
  for (const step of flow.steps) {
    lines.push(`## Step ${code(step.node)}: ${step.name}`, '', `Template ${code(step.template)}.`, '', ...formMarkdown(step.form, step.caveats, 4));
  }
  return finish(lines);
}

function routingCells(row: RoutingRow): string[] {
  switch (row.type) {
    case 'step': {
      const routes = row.routes.map((r) => `${code(r.outcome)} -> ${code(r.next)}`);
      if (row.otherwise) routes.push(`any other outcome -> ${code(row.otherwise)}`);
      return [code(row.node), `Step: ${code(row.template)} (see below)`, routes.join('\n')];
    }
    case 'reply':
      return [code(row.node), `Reply: ${code(row.text)}`, code(row.next)];
    case 'ask':
      return [code(row.node), `Ask, store the answer in ${code(row.variable)}${row.validate ? ` (validate: ${row.validate})` : ''}: ${code(row.text)}`, code(row.next)];
    case 'condition': {
      const operand = row.values ? ' ' + row.values.map(code).join(', ') : row.value === undefined ? '' : ' ' + code(row.value);
      return [code(row.node), `Condition: ${code(row.variable)} ${row.operator.replaceAll('_', ' ')}${operand}`, `then -> ${code(row.then)}\nelse -> ${code(row.else)}`];
    }
    case 'set':
      return [code(row.node), `Set ${code(row.variable)} to ${row.function.replaceAll('_', ' ')} of ${code(row.of)}`, code(row.next)];
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
