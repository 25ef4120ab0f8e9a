import type { Flow } from '../generated/flow.js';
import type { StepTemplate } from '../generated/step-template.js';
import { didYouMean } from '../nearest.js';
import type { Declared } from './load.js';
import { pointer, type Problem } from './problem.js';

/** How to report: the rule name (`flow-routes` in `validate`, the exporter's own in an export). */
export interface FlowTemplateCheck {
  rule: string;
  /** Template ids not to blame a flow for (templates that failed their schema: `validate` names those). */
  skip?: readonly string[];
}

/**
 * Each step node of a flow whose template is not in the plugin, or talks to the other API
 * version: the one check, for `validate`'s `flow-routes` and every export.
 *
 * @example
 * flowTemplateProblems(flow, templates, { rule: 'flow-routes' })
 * // [{ file: 'templates/flows/new/whatsapp-join.json', pointer: '/nodes/lookup/template', rule: 'flow-routes', message: 'no step template "mailerlite.subscriber.lokup" in this plugin (did you mean "mailerlite.subscriber.lookup"?)', ... }]
 */
export function flowTemplateProblems({ file, value: flow }: Declared<Flow>, templates: ReadonlyArray<StepTemplate>, check: FlowTemplateCheck): Problem[] {
  const byId = new Map<string, StepTemplate>();
  for (const template of templates) if (!byId.has(template.id)) byId.set(template.id, template);
  const same = templates.filter((t) => t.api === flow.api).map((t) => t.id);
  const problems: Problem[] = [];
  for (const [id, node] of Object.entries(flow.nodes)) {
    if (node.type !== 'step') continue;
    const at = pointer('nodes', id, 'template');
    const template = byId.get(node.template);
    if (!template) {
      if (check.skip?.includes(node.template)) continue;
      problems.push({
        file,
        pointer: at,
        rule: check.rule,
        message: `no step template "${node.template}" in this plugin${didYouMean(node.template, same)}`,
        expected: `the id of a ${flow.api} template listed in manifest.json`,
        ...(same[0] === undefined ? {} : { example: `"template": "${same[0]}"` }),
      });
    } else if (template.api !== flow.api) {
      problems.push({
        file,
        pointer: at,
        rule: check.rule,
        message: `template "${template.id}" talks to the ${template.api} API, but this flow is for ${flow.api}`,
        expected: `a template whose "api" is "${flow.api}"`,
        ...(same[0] === undefined ? {} : { example: `"template": "${same[0]}"` }),
      });
    }
  }
  return problems;
}
