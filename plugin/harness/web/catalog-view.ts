import type { ApiVersion, Catalog } from '../../catalog.js';
import type { Flow } from '../../generated/flow.js';
import type { OutcomeCondition, StepTemplate, VariableDeclaration } from '../../generated/step-template.js';
import { SCENARIOS, type ScenarioName } from '../../simulator/seed/scenarios.js';

/** One outcome rule as the page shows it: name, meaning, and when it matches. */
export interface OutcomeView {
  name: string;
  description: string;
  when?: OutcomeCondition;
  fallback?: true;
}

/** A step template as the page needs it. */
export interface TemplateView {
  kind: 'template';
  id: string;
  api: ApiVersion;
  name: string;
  description: string;
  method: string;
  /** The URL as declared, placeholders and all. */
  url: string;
  inputs: Record<string, VariableDeclaration>;
  outputs: Record<string, { expression: string; description: string }>;
  outcomes: OutcomeView[];
}

/** A flow as the page needs it. */
export interface FlowView {
  kind: 'flow';
  id: string;
  api: ApiVersion;
  name: string;
  description: string;
  trigger: string;
  /** Other words that start it (e.g. UNSUBSCRIBE for STOP), as the flow declares them. */
  aliases: string[];
  variables: Record<string, VariableDeclaration>;
  /** The step templates the flow can call, in node order. */
  steps: string[];
}

/** What `GET /api/catalog` answers. */
export interface CatalogView {
  plugin: { name: string; version: string };
  apis: Array<{ api: ApiVersion; label: string; base_url: string }>;
  templates: TemplateView[];
  flows: FlowView[];
  /** The plugin's settings as the manifest declares them (labels, descriptions, examples), for the settings panel. */
  settings: Record<string, VariableDeclaration>;
  scenarios: Array<{ name: ScenarioName; title: string }>;
}

const API_LABELS: Record<ApiVersion, string> = { new: 'New MailerLite', classic: 'Classic MailerLite' };

function templateView(t: StepTemplate): TemplateView {
  return {
    kind: 'template',
    id: t.id,
    api: t.api,
    name: t.name,
    description: t.description,
    method: t.request.method,
    url: t.request.url,
    inputs: t.inputs,
    outputs: Object.fromEntries(Object.entries(t.outputs).map(([name, o]) => [name, { expression: o.expression, description: o.description }])),
    outcomes: t.outcomes.map((rule) =>
      'fallback' in rule
        ? { name: rule.name, description: rule.description, fallback: true as const }
        : { name: rule.name, description: rule.description, when: rule.when }
    ),
  };
}

function flowView(f: Flow): FlowView {
  const steps: string[] = [];
  for (const node of Object.values(f.nodes)) if (node.type === 'step' && !steps.includes(node.template)) steps.push(node.template);
  return {
    kind: 'flow',
    id: f.id,
    api: f.api,
    name: f.name,
    description: f.description,
    trigger: f.trigger.keyword,
    aliases: f.trigger.aliases ?? [],
    variables: f.variables,
    steps,
  };
}

/**
 * The catalog as the page shows it: every template and flow with its declared inputs
 * (labels, examples, formats), outputs and outcome rules, grouped by API version, plus
 * the simulator scenarios. Secrets are never part of it.
 *
 * @example
 * catalogView(loadCatalog()).templates.find((t) => t.id === 'mailerlite.subscriber.upsert')?.inputs.customer_email.example
 * // 'priya@example.com'
 */
export function catalogView(catalog: Catalog): CatalogView {
  const apis = (Object.keys(catalog.manifest.apis) as ApiVersion[]).map((api) => ({
    api,
    label: API_LABELS[api],
    base_url: catalog.manifest.apis[api].base_url,
  }));
  return {
    plugin: { name: catalog.manifest.name, version: catalog.manifest.version },
    apis,
    templates: catalog.templates.map(templateView),
    flows: catalog.flows.map(flowView),
    settings: catalog.manifest.settings,
    scenarios: (Object.keys(SCENARIOS) as ScenarioName[]).map((name) => ({ name, title: SCENARIOS[name].title })),
  };
}
