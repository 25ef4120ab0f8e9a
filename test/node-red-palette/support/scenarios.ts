import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Catalog } from '../../../plugin/catalog.js';
import { declaredOutcomes, type Unreachable } from '../../scenarios/support/coverage.js';
import { readScenarioFiles } from '../../scenarios/support/scenario.js';
import type { StepScenario } from '../../scenarios/support/scenario.js';
import { PROJECT } from './build.js';

const ROOT = path.join(PROJECT, 'test', 'scenarios');

/** A step scenario of test/scenarios that a step node can run as it is (no template patch, not skipped). */
export interface NodeScenario {
  file: string;
  name: string;
  template: string;
  scenario: StepScenario;
}

/**
 * The golden step scenarios (test/scenarios/<template id>/*.json) of each template in the
 * catalog that need no change to a template, in a stable order.
 */
export function nodeScenarios(catalog: Catalog): NodeScenario[] {
  const ids = new Set(catalog.templates.map((t) => t.id));
  return readScenarioFiles(ROOT)
    .filter((f) => ids.has(f.id))
    .map((f) => ({ file: f.file, name: f.name, template: f.id, scenario: f.scenario as unknown as StepScenario }))
    .filter((s) => s.scenario.patch === undefined && s.scenario.skip === undefined);
}

/** Outcomes no scenario can reach against the simulator (test/scenarios/unreachable.json), by template. */
export function unreachable(): Unreachable {
  return JSON.parse(readFileSync(path.join(ROOT, 'unreachable.json'), 'utf8')) as Unreachable;
}

/** The outcomes of a template a node must be seen to reach: all declared ones but those listed unreachable. */
export function reachableOutcomes(catalog: Catalog, id: string): string[] {
  const listed = unreachable().templates[id] ?? {};
  return declaredOutcomes(catalog, id).filter((o) => !(o in listed));
}

