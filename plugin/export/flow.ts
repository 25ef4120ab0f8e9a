import { DeclarationError } from '../errors.js';
import type { Flow, FlowNode } from '../generated/flow.js';
import type { StepTemplate } from '../generated/step-template.js';
import { convertTemplate, joinPieces, type ExportScope, type Piece } from './placeholders.js';
import { settingVariables } from './settings.js';
import { stepForm } from './step.js';
import { exportHead, type BuilderVariable, type Caveat, type ExportContext, type FlowExport, type FlowStep, type RoutingRow } from './types.js';

/**
 * Exports a flow as the list of its steps (each as the builder's form fields, under its
 * node id) plus its routing table (each step's outcomes to the next node, replies, asks
 * and ends), with `{{variables}}` in every text. A node's inputs are written into its
 * step's fields (e.g. `<<settings.group_name>>` for `group_name` becomes `{{group_name}}`).
 *
 * @example
 * const join = exportFlow(flow, (id) => catalog.template(id), { manifest, values: {} });
 * join.routing[0] // { node: 'lookup', type: 'step', routes: [{ outcome: 'already_in_group', next: 'reply_already', ... }], ... }
 */
export function exportFlow(flow: Flow, templateById: (id: string) => StepTemplate | undefined, context: ExportContext): FlowExport {
  const templates = new Map<string, StepTemplate>();
  for (const node of Object.values(flow.nodes)) {
    if (node.type !== 'step') continue;
    const template = templateById(node.template);
    if (!template) throw new DeclarationError(`flow ${flow.id} (${flow.api}) runs the step template ${node.template}, which the manifest does not list (run \`mailerlite-steps validate\`)`);
    templates.set(node.template, template);
  }
  const outputs = [...templates.values()].flatMap((t) => Object.entries(t.outputs).map(([name, o]) => ({ name, description: o.description })));
  const asked = Object.values(flow.nodes).flatMap((n) => (n.type === 'ask' ? [n.variable] : []));
  const taken = new Set([...Object.keys(flow.variables), ...outputs.map((o) => o.name), ...asked]);
  const scope: ExportScope = { settings: context.manifest.settings, values: context.values, inputs: {}, taken };
  const text = (source: string): { text: string; notes: string[] } => {
    const converted = convertTemplate(source, scope);
    return { text: joinPieces(converted.pieces), notes: converted.notes };
  };

  const steps: FlowStep[] = [];
  const routing: RoutingRow[] = [];
  const settings = new Set<string>(settingsIn(flow));
  const caveats: Caveat[] = [];
  for (const [node, declared] of Object.entries(flow.nodes)) {
    const row = routingRow(node, declared, text);
    routing.push(row);
    if (declared.type !== 'step') continue;
    const template = templates.get(declared.template) as StepTemplate;
    const inputs: Record<string, Piece[]> = {};
    const notes: Caveat[] = [];
    for (const [name, source] of Object.entries(declared.inputs ?? {})) {
      const converted = convertTemplate(source, scope);
      inputs[name] = converted.pieces;
      for (const note of converted.notes) notes.push({ field: 'text', about: name, text: `Input ${name}: ${note}.` });
    }
    const form = stepForm(template, { ...scope, inputs });
    form.settings.forEach((s) => settings.add(s));
    steps.push({ node, template: template.id, name: template.name, form: form.form, retry: form.retry, caveats: [...notes, ...form.caveats] });
    if ('invalid_input' in declared.routes) {
      caveats.push({
        field: 'routing',
        about: node,
        text: `\`${node}\`: the route invalid_input -> ${declared.routes.invalid_input} is taken by our engine before any request, when an input fails its format; the builder sends whatever was captured, so validate the value where it is captured (e.g. an email question) and ask again there.`,
      });
    }
  }
  const variables: BuilderVariable[] = [
    ...Object.entries(flow.variables).map(([name, d]) => ({ builder: `{{${name}}}`, name, source: 'conversation' as const, description: d.description, required: d.required === true, ...(d.example === undefined ? {} : { example: d.example }) })),
    ...settingVariables([...settings], scope, context),
    ...dedupe(outputs).filter((o) => !(o.name in flow.variables)).map((o) => ({ builder: `{{${o.name}}}`, name: o.name, source: 'step output' as const, description: o.description, required: false })),
  ];
  return {
    ...exportHead(flow, context),
    kind: 'flow',
    trigger: { keyword: flow.trigger.keyword },
    variables,
    start: flow.start,
    steps,
    routing,
    caveats,
  };
}

function routingRow(node: string, declared: FlowNode, text: (source: string) => { text: string; notes: string[] }): RoutingRow {
  const notesOf = (notes: string[]): Caveat[] => notes.map((note) => ({ field: 'text', about: node, text: `\`${node}\`: ${note}.` }));
  switch (declared.type) {
    case 'step':
      return {
        node,
        type: 'step',
        template: declared.template,
        routes: Object.entries(declared.routes).map(([outcome, next]) => ({ outcome, next, row: `${outcome} -> ${next}` })),
        ...(declared.otherwise === undefined ? {} : { otherwise: declared.otherwise }),
      };
    case 'reply': {
      const { text: reply, notes } = text(declared.text);
      return { node, type: 'reply', text: reply, next: declared.next, caveats: notesOf(notes) };
    }
    case 'ask': {
      const { text: question, notes } = text(declared.text);
      return { node, type: 'ask', variable: `{{${declared.variable}}}`, text: question, next: declared.next, ...(declared.validate ? { validate: declared.validate } : {}), caveats: notesOf(notes) };
    }
    case 'condition':
      return {
        node,
        type: 'condition',
        variable: `{{${declared.variable}}}`,
        operator: declared.operator,
        ...(declared.value === undefined ? {} : { value: text(declared.value).text }),
        ...(declared.values === undefined ? {} : { values: declared.values }),
        then: declared.then,
        else: declared.else,
      };
    case 'set':
      return { node, type: 'set', variable: `{{${declared.variable}}}`, function: declared.function, of: `{{${declared.of}}}`, next: declared.next };
    case 'end': {
      const outputs = declared.outputs ? Object.fromEntries(Object.entries(declared.outputs).map(([k, v]) => [k, text(v).text])) : undefined;
      return { node, type: 'end', result: declared.result, ...(declared.reason === undefined ? {} : { reason: text(declared.reason).text }), ...(outputs ? { outputs } : {}) };
    }
  }
}

function settingsIn(flow: Flow): string[] {
  return [...JSON.stringify(flow.nodes).matchAll(/<<\s*settings\.([A-Za-z0-9_]+)/g)].map((m) => m[1] ?? '');
}

function dedupe<T extends { name: string }>(items: T[]): T[] {
  const seen = new Set<string>();
  return items.filter((item) => !seen.has(item.name) && seen.add(item.name));
}
