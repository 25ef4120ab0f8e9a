import type { Catalog } from '../../../plugin/catalog.js';
import type { JsonObject } from '../../../plugin/json.js';
import type { ScenarioFile } from './scenario.js';

/**
 * `unreachable.json`: outcomes of templates and end nodes of flows that no scenario can
 * reach against the simulator, each with the reason.
 */
export interface Unreachable {
  templates: Record<string, Record<string, string>>;
  /** Keyed `<api>:<flow id>`, then end (or ask) node id. */
  flows: Record<string, Record<string, string>>;
}

/**
 * Outcomes a template can end in: its rules, plus `invalid_input` when it has inputs.
 *
 * @example
 * declaredOutcomes(catalog, 'mailerlite.group.unassign') // ['removed', 'not_found', 'auth_error', 'rate_limited', 'error', 'invalid_input']
 */
export function declaredOutcomes(catalog: Catalog, id: string): string[] {
  const template = catalog.template(id)!;
  const names = template.outcomes.map((o) => o.name);
  return Object.keys(template.inputs).length > 0 ? [...names, 'invalid_input'] : names;
}

/**
 * Template outcomes neither reached by a scenario of that template nor listed as
 * unreachable; and listed ones that a scenario does reach (the list must not go stale).
 */
export function templateGaps(catalog: Catalog, files: Array<ScenarioFile<JsonObject>>, unreachable: Unreachable): string[] {
  const gaps: string[] = [];
  for (const template of catalog.templates) {
    const reached = new Set(files.filter((f) => f.id === template.id).map((f) => (f.scenario.expect as JsonObject).outcome as string));
    const listed = unreachable.templates[template.id] ?? {};
    for (const outcome of declaredOutcomes(catalog, template.id)) {
      if (reached.has(outcome) && listed[outcome]) gaps.push(`${template.id}: ${outcome} is reached by a scenario but listed in unreachable.json`);
      if (!reached.has(outcome) && !listed[outcome]) gaps.push(`${template.id}: no scenario reaches ${outcome}; add one or list it in unreachable.json with the reason`);
    }
    for (const outcome of Object.keys(listed)) {
      if (!declaredOutcomes(catalog, template.id).includes(outcome)) gaps.push(`${template.id}: unreachable.json lists ${outcome}, which the template does not declare`);
    }
  }
  return gaps;
}

/** Flow end (and ask) nodes no scenario of that flow stops at, unless listed. */
export function flowGaps(catalog: Catalog, files: Array<ScenarioFile<JsonObject>>, unreachable: Unreachable): string[] {
  const gaps: string[] = [];
  for (const flow of catalog.flows) {
    const key = `${flow.api}:${flow.id}`;
    const mine = files.filter((f) => f.id === flow.id && f.scenario.api === flow.api);
    const stops = new Set(mine.map((f) => ((f.scenario.expect as JsonObject).end as JsonObject).node as string));
    const listed = unreachable.flows[key] ?? {};
    const ends = Object.entries(flow.nodes).filter(([, node]) => node.type === 'end' || node.type === 'ask').map(([id]) => id);
    for (const node of ends) {
      if (stops.has(node) && listed[node]) gaps.push(`${key}: ${node} is reached by a scenario but listed in unreachable.json`);
      if (!stops.has(node) && !listed[node]) gaps.push(`${key}: no scenario stops at ${node}; add one or list it in unreachable.json with the reason`);
    }
  }
  return gaps;
}
