import { DeclarationError } from '../errors.js';
import type { Flow, StepNode } from '../generated/flow.js';
import type { StepTemplate } from '../generated/step-template.js';
import { soleVariable } from '../template/tokenize.js';
import { convertTemplate, joinPieces, settingsOf, type ExportScope, type Piece } from './placeholders.js';
import { conditionRows } from './conditions.js';
import { listCaveat, routingRow, type RoutingContext } from './routing.js';
import { settingVariables } from './settings.js';
import { askValidation, stepForm } from './step.js';
import { exportHead, type BuilderVariable, type Capture, type Caveat, type ExportContext, type FlowExport, type FlowStep, type RoutingRow } from './types.js';

/**
 * Exports a flow for the builder: what it captures before its first step (asks with the
 * builder's validation), its steps (each as the form's fields under its node id) and its
 * routing table (each step's status branches to the next node, condition, set, ask,
 * reply and end rows), with `{{variables}}` in every text. A node's inputs are written
 * into its step's fields (`<<settings.group_name>>` for `group_name` becomes
 * `{{group_name}}`). A route on `invalid_input`, which no builder step has, gets a caveat
 * saying which validation takes its place; a condition on a list, one saying which
 * condition to pick (an item equal to the value, never a text search).
 *
 * @example
 * const join = exportFlow(flow, (id) => catalog.template(id), { manifest, values: {} });
 * join.routing[0] // { node: 'lookup', type: 'step', branches: [{ when: 'HTTP 200', outcome: 'found', next: 'check_read', ... }, ...] }
 */
export function exportFlow(flow: Flow, templateById: (id: string) => StepTemplate | undefined, context: ExportContext): FlowExport {
  const templates = stepTemplates(flow, templateById);
  const outputs = [...templates.values()].flatMap((t) => Object.entries(t.outputs).map(([name, o]) => ({ name, type: o.type, description: o.description })));
  const sets = Object.values(flow.nodes).flatMap((n) => (n.type === 'set' ? [n] : []));
  const asked = new Set([...Object.entries(flow.variables).flatMap(([name, d]) => (d.prompt === undefined ? [] : [name])), ...Object.values(flow.nodes).flatMap((n) => (n.type === 'ask' ? [n.variable] : []))]);
  const taken = new Set([...Object.keys(flow.variables), ...outputs.map((o) => o.name), ...asked, ...sets.map((n) => n.variable)]);
  const scope: ExportScope = { settings: context.manifest.settings, values: context.values, inputs: {}, taken };
  const settings = new Set<string>();
  const convert = (source: string): Piece[] => {
    const pieces = convertTemplate(source, scope);
    settingsOf(pieces).forEach((name) => settings.add(name));
    return pieces;
  };
  const lists = new Set([...outputs.filter((o) => o.type === 'array').map((o) => o.name), ...Object.entries(flow.variables).flatMap(([name, d]) => (d.type === 'array' ? [name] : []))]);

  const routingContext: RoutingContext = { convert, statusRows: (step) => conditionRows((templates.get(step.template) as StepTemplate).outcomes) };
  const steps: FlowStep[] = [];
  const routing: RoutingRow[] = [];
  const caveats: Caveat[] = [];
  for (const [node, declared] of Object.entries(flow.nodes)) {
    if (declared.type !== 'step') {
      const row = routingRow(node, declared, routingContext);
      routing.push(row);
      const caveat = declared.type === 'condition' && row.type === 'condition' && lists.has(declared.variable) ? listCaveat(node, declared, row) : undefined;
      if (caveat) caveats.push(caveat);
      continue;
    }
    const template = templates.get(declared.template) as StepTemplate;
    const inputs: Record<string, Piece[]> = Object.fromEntries(Object.entries(declared.inputs ?? {}).map(([name, source]) => [name, convert(source)]));
    const form = stepForm(template, { ...scope, inputs });
    form.settings.forEach((name) => settings.add(name));
    steps.push({ node, template: template.id, name: template.name, form: form.form, retry: form.retry, caveats: form.caveats });
    routing.push(routingRow(node, declared, routingContext));
    const invalid = declared.routes.invalid_input;
    if (invalid !== undefined) caveats.push(invalidInputCaveat(node, invalid, declared, template, flow, asked, context));
  }
  const captures: Capture[] = Object.entries(flow.variables).map(([name, d]) => {
    const validate = d.prompt === undefined ? undefined : askValidation(d, context.manifest.builder);
    return {
      variable: `{{${name}}}`,
      ...(d.prompt === undefined ? {} : { ask: joinPieces(convert(d.prompt)) }),
      ...(validate === undefined ? {} : { validate }),
      required: d.required === true,
      description: d.description,
      ...(d.example === undefined ? {} : { example: d.example }),
    };
  });
  const variables: BuilderVariable[] = [
    ...Object.entries(flow.variables).map(([name, d]) => ({ builder: `{{${name}}}`, name, source: 'conversation' as const, description: d.description, required: d.required === true, ...(d.example === undefined ? {} : { example: d.example }) })),
    ...settingVariables([...settings], scope, context),
    ...dedupe(outputs).filter((o) => !(o.name in flow.variables)).map((o) => ({ builder: `{{${o.name}}}`, name: o.name, source: 'step output' as const, description: o.description, required: false })),
    ...sets.map((n) => ({ builder: `{{${n.variable}}}`, name: n.variable, source: 'set step' as const, description: `The ${n.function.replaceAll('_', ' ')} of {{${n.of}}}.`, required: false })),
  ];
  return {
    ...exportHead(flow, context),
    kind: 'flow',
    trigger: { keyword: flow.trigger.keyword, aliases: flow.trigger.aliases ?? [] },
    variables,
    captures,
    start: flow.start,
    steps,
    routing,
    caveats,
  };
}

function stepTemplates(flow: Flow, templateById: (id: string) => StepTemplate | undefined): Map<string, StepTemplate> {
  const templates = new Map<string, StepTemplate>();
  for (const node of Object.values(flow.nodes)) {
    if (node.type !== 'step') continue;
    const template = templateById(node.template);
    if (!template) throw new DeclarationError(`flow ${flow.id} (${flow.api}) runs the step template ${node.template}, which the manifest does not list (run \`mailerlite-steps validate\`)`);
    templates.set(node.template, template);
  }
  return templates;
}

/**
 * `invalid_input` is our engine's check of the step's inputs before any request; a
 * builder's step has no such branch. The caveat says what takes its place: the
 * validation on the ask that captures each checked variable, or filling it in the right
 * form where the builder fills it.
 */
function invalidInputCaveat(node: string, next: string, declared: StepNode, template: StepTemplate, flow: Flow, asked: ReadonlySet<string>, context: ExportContext): Caveat {
  const checks = Object.entries(template.inputs).flatMap(([input, d]) => {
    const validate = askValidation(d, context.manifest.builder);
    const source = declared.inputs?.[input];
    const variable = source === undefined ? input : soleVariable(source);
    if (validate === undefined || variable === undefined || variable.startsWith('settings.')) return [];
    if (asked.has(variable)) return [`turn on ${validate} validation on the ask that captures {{${variable}}}`];
    const example = flow.variables[variable]?.example;
    return [`fill {{${variable}}} with a valid ${validate}${validate === 'phone' ? ` in E.164 form${typeof example === 'string' ? ` (e.g. ${example})` : ''}` : ''}`];
  });
  const nextNode = flow.nodes[next];
  const again = nextNode?.type === 'ask' ? ` The validation asks again itself; \`${next}\`'s text is the message for an invalid answer.` : '';
  const what = checks.length > 0 ? `${capitalise(checks.join('; '))}, so the step never gets a malformed value.` : 'Check the values where they are captured.';
  return {
    field: 'routing',
    about: node,
    text: `\`${node}\`: the route \`invalid_input -> ${next}\` is our engine's check of the step's inputs before any request; the builder's step has no such branch. ${what}${again}`,
  };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function dedupe<T extends { name: string }>(items: T[]): T[] {
  const seen = new Set<string>();
  return items.filter((item) => !seen.has(item.name) && seen.add(item.name));
}
