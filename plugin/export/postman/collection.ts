import type { Catalog } from '../../catalog.js';
import type { Flow } from '../../generated/flow.js';
import type { StepTemplate } from '../../generated/step-template.js';
import { stepOrder, nodeSpec } from './flow.js';
import { formatPatterns } from './formats.js';
import { COLLECTION_SCHEMA, type PostmanCollection, type PostmanItem } from './postman.js';
import type { Problems } from './problems.js';
import { RUNTIME } from './runtime.js';
import type { FlowSpec, NodeSpec, StepSpec } from './spec.js';
import type { ExportedStep } from './step.js';

/** Environment names the collection writes at the end of a run. */
export const RESULT_VARIABLES = ['reply', 'end', 'result', 'reason', 'outputs', 'waiting_for', 'failure', 'error'] as const;

/** Nodes a run may visit before it counts as a loop: the engine's default. */
const MAX_VISITS = 50;

/** Exports each step template once, with its problems recorded against its own file. */
export type StepExporter = (template: StepTemplate) => ExportedStep | undefined;

/** The flow's spec as script lines: one line per setting of the spec, per node and per step template. */
function flowLines(spec: FlowSpec): string[] {
  const lines = ['var FLOW = {'];
  const entries = Object.entries(spec);
  entries.forEach(([key, value], index) => {
    const comma = index < entries.length - 1 ? ',' : '';
    if (key !== 'nodes' && key !== 'templates') {
      lines.push(`  ${JSON.stringify(key)}: ${JSON.stringify(value)}${comma}`);
      return;
    }
    const items = Object.entries(value as Record<string, unknown>);
    lines.push(`  ${JSON.stringify(key)}: {`);
    items.forEach(([id, item], i) => lines.push(`    ${JSON.stringify(id)}: ${JSON.stringify(item)}${i < items.length - 1 ? ',' : ''}`));
    lines.push(`  }${comma}`);
  });
  lines.push('};');
  return lines;
}

function script(spec: FlowSpec): string[] {
  return [
    `// mailerlite-steps: the ${spec.api} flow ${spec.flow}, run as the plugin's engine runs it (decision 006).`,
    '// Give the conversation variables and settings with --env-var name=value; the API key only as --env-var api_key=...',
    ...flowLines(spec),
    ...RUNTIME.split('\n'),
  ];
}

/**
 * Conversation variables a run reads at the start: the flow's own, and step inputs taken
 * from the conversation that no node of the flow produces (a step output, a set or ask variable).
 */
function conversationVariables(flow: Flow, catalog: Catalog): FlowSpec['variables'] {
  const read = new Map(Object.entries(flow.variables).map(([name, decl]) => [name, decl.required === true]));
  const produced = new Set<string>();
  for (const node of Object.values(flow.nodes)) {
    if (node.type === 'step') for (const name of Object.keys(catalog.template(node.template)?.outputs ?? {})) produced.add(name);
    if (node.type === 'set' || node.type === 'ask') produced.add(node.variable);
  }
  for (const node of Object.values(flow.nodes)) {
    if (node.type !== 'step') continue;
    for (const name of Object.keys(catalog.template(node.template)?.inputs ?? {})) {
      if (node.inputs?.[name] === undefined && !read.has(name) && !produced.has(name)) read.set(name, false);
    }
  }
  return [...read].map(([name, required]) => ({ name, required }));
}

/**
 * One flow as a Postman collection v2.1: a request per step node (named by its node id,
 * the URL's origin as `{{base_url}}`, the key as `{{api_key}}`), and one script, run
 * before and after every request, that walks the flow and picks the next request with
 * `pm.execution.setNextRequest`. Problems (features outside the builder profile) are
 * recorded in `problems`; the collection is undefined when any were found.
 *
 * @example
 * const collection = flowCollection(catalog, join, exportStepOnce, problems);
 * collection?.item.map((i) => i.name) // ['lookup', 'upsert']
 */
export function flowCollection(catalog: Catalog, flow: Flow, exportTemplate: StepExporter, problems: Problems): PostmanCollection | undefined {
  const before = problems.list.length;
  const nodes: Record<string, NodeSpec> = {};
  const templates: Record<string, StepSpec> = {};
  const items: PostmanItem[] = [];
  const origins = new Set<string>();
  for (const [id, node] of Object.entries(flow.nodes)) nodes[id] = nodeSpec(node);
  for (const id of stepOrder(flow)) {
    const node = flow.nodes[id];
    if (node?.type !== 'step') continue;
    const template = catalog.template(node.template);
    // A template not in the plugin (or of the other API) is named by the export's flowTemplateProblems.
    if (!template) continue;
    const step = exportTemplate(template);
    if (!step) continue;
    templates[template.id] = step.spec;
    origins.add(step.origin);
    items.push({ id, name: id, request: step.request, response: [] });
  }
  if (origins.size > 1) {
    problems.add(['nodes'], `the steps call more than one origin (${[...origins].join(', ')}); one {{base_url}} cannot stand for them`, 'every step template of a flow on one origin', '"https://connect.mailerlite.com/api/..."');
  }
  const variables = conversationVariables(flow, catalog);
  const secrets = Object.keys(catalog.manifest.secrets);
  const reserved = new Set<string>([...RESULT_VARIABLES, 'base_url', ...secrets]);
  for (const { name } of variables) {
    if (reserved.has(name)) problems.add(['variables', name], `the conversation variable "${name}" has the name of a secret or of a value the collection writes`, `a name other than ${[...reserved].join(', ')}`, '"customer_email"');
  }
  for (const name of Object.keys(catalog.manifest.settings)) {
    if (reserved.has(name)) problems.add(['variables'], `the setting "${name}" has the name of a secret or of a value the collection writes`, `a name other than ${[...reserved].join(', ')}`, '"group_id"');
  }
  if (problems.list.length > before) return undefined;
  if (items.length === 0) {
    // A flow without steps still needs one request for its script to run; it is never sent.
    items.push({ id: 'start', name: '(start)', request: { method: 'GET', header: [], url: '{{base_url}}/', description: 'Never sent: the flow has no step.' }, response: [] });
  }
  const spec: FlowSpec = {
    flow: flow.id,
    api: flow.api,
    start: flow.start,
    variables,
    settings: Object.entries(catalog.manifest.settings).map(([name, decl]) => ({ name, ...(decl.default === undefined ? {} : { default: decl.default }) })),
    secrets,
    nodes,
    templates,
    maxVisits: MAX_VISITS,
    formats: formatPatterns(),
  };
  const exec = script(spec);
  const origin = [...origins][0] ?? '';
  return {
    info: {
      name: `${flow.name} (${flow.api} API)`,
      description: [
        flow.description,
        '',
        `Trigger: ${flow.trigger.keyword}. Exported by mailerlite-steps from the flow ${flow.id}; run it with newman:`,
        `newman run ${flow.id}.postman_collection.json --env-var base_url=${origin} --env-var api_key=... ${variables.map((v) => `--env-var ${v.name}=...`).join(' ')}`,
        'At the end the environment holds reply (the replies, one per line), end (the end node), result, reason, outputs, waiting_for, failure and error; an end that means failure fails the run (exit 1).',
      ].join('\n'),
      schema: COLLECTION_SCHEMA,
    },
    event: [
      { listen: 'prerequest', script: { type: 'text/javascript', exec } },
      { listen: 'test', script: { type: 'text/javascript', exec } },
    ],
    variable: [{ key: 'base_url', value: origin, type: 'string', description: 'Origin of the MailerLite API (or of a simulator); override it with --env-var base_url=...' }],
    item: items,
  };
}
