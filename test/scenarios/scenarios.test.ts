import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IN_CI } from '../harness/requirement.js';
import { loadCatalog } from '../../plugin/catalog.js';
import { startSimulator, type Simulator } from '../../plugin/simulator/index.js';
import { checkNoSecret, checkRequests, checkState, checkStep } from './support/compare.js';
import { flowGaps, templateGaps, type Unreachable } from './support/coverage.js';
import { docGaps } from './support/docs.js';
import { runFlowScenario, runStepScenario } from './support/execute.js';
import { readScenarioFiles, shapeProblems, type FlowScenario, type StepScenario } from './support/scenario.js';

/**
 * Golden scenarios (issue 5): every template and flow run by the real engine against the
 * simulator. Each file in `<template or flow id>/` states the exact requests the simulator
 * received, the outputs and the outcome (flows: steps, replies, path, end). See
 * docs/scenarios.md.
 */
const here = path.dirname(fileURLToPath(import.meta.url));
const catalog = loadCatalog();
const files = readScenarioFiles(here);
const unreachable = JSON.parse(readFileSync(path.join(here, 'unreachable.json'), 'utf8')) as Unreachable;
/** Keys unlike any default, so a leak is recognisable. */
const KEYS = { new: 'scenario-new-key-5b1f07', classic: 'scenario-classic-key-9d2e44' };
/** Record dates are fixed, so state checks can state them. */
const NOW = Date.parse('2026-03-10T08:00:00Z');

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ port: 0, keys: KEYS, clock: () => NOW });
});
afterAll(() => sim?.close());

describe('scenario files', () => {
  it('are shaped as documented and named after a template or flow id', () => {
    const problems = files.flatMap((f) => {
      const isTemplate = catalog.template(f.id) !== undefined;
      const isFlow = catalog.flows.some((flow) => flow.id === f.id);
      if (!isTemplate && !isFlow) return [`test/scenarios/${f.file}: ${f.id} is neither a template id nor a flow id`];
      return shapeProblems(f.file, f.scenario, isTemplate ? 'step' : 'flow');
    });
    expect(problems).toEqual([]);
  });

  it('reach every outcome of every template, or unreachable.json says why not', () => {
    expect(templateGaps(catalog, files, unreachable)).toEqual([]);
  });

  it('stop at every end node of every flow (both APIs), or unreachable.json says why not', () => {
    expect(flowGaps(catalog, files, unreachable)).toEqual([]);
  });

  it('are all listed in docs/scenarios.md', () => {
    const page = readFileSync(path.join(catalog.root, 'docs', 'scenarios.md'), 'utf8');
    expect(docGaps(catalog, files, page)).toEqual([]);
  });
});

for (const template of catalog.templates) {
  const mine = files.filter((x) => x.id === template.id);
  if (mine.length === 0) continue; // the coverage test names the gap
  describe(template.id, () => {
    for (const f of mine) {
      const scenario = f.scenario as unknown as StepScenario;
      // Under CI a scenario marked skip fails, naming why: a skip must not pass for a check.
      const test = scenario.skip && !IN_CI ? it.skip : it;
      test(`${f.name}: ${scenario.description}${scenario.skip ? ` [skipped: ${scenario.skip}]` : ''}`, async () => {
        if (scenario.skip) throw new Error(`marked skip: ${scenario.skip}`);
        const { result, journal, sleeps } = await runStepScenario(sim, catalog, f.id, scenario);
        checkRequests(journal, scenario.expect.requests);
        checkStep(result, scenario.expect);
        if (scenario.expect.sleeps) expect(sleeps).toEqual(scenario.expect.sleeps);
        checkState(sim, scenario.expect.state);
        checkNoSecret(result, Object.values(KEYS));
      });
    }
  });
}

for (const flow of catalog.flows) {
  const mine = files.filter((x) => x.id === flow.id && x.scenario.api === flow.api);
  if (mine.length === 0) continue; // the coverage test names the gap
  describe(`${flow.id} (${flow.api})`, () => {
    for (const f of mine) {
      const scenario = f.scenario as unknown as FlowScenario;
      // Under CI a scenario marked skip fails, naming why: a skip must not pass for a check.
      const test = scenario.skip && !IN_CI ? it.skip : it;
      test(`${f.name}: ${scenario.description}${scenario.skip ? ` [skipped: ${scenario.skip}]` : ''}`, async () => {
        if (scenario.skip) throw new Error(`marked skip: ${scenario.skip}`);
        const { result, journal, sleeps } = await runFlowScenario(sim, catalog, f.id, scenario);
        const want = scenario.expect;
        checkRequests(journal, want.requests);
        expect(result.steps.length, 'steps run').toBe(want.steps.length);
        result.steps.forEach((step, i) => checkStep(step, want.steps[i]!));
        expect({ replies: result.replies, path: result.path.map((v) => v.node), end: result.end }).toEqual({
          replies: want.replies,
          path: want.path,
          end: want.end,
        });
        if (want.variables) expect(result.variables).toMatchObject(want.variables);
        if (want.sleeps) expect(sleeps).toEqual(want.sleeps);
        checkState(sim, want.state);
        checkNoSecret(result, Object.values(KEYS));
      });
    }
  });
}
