/**
 * Runs the engine's per-step work (check, build, map, decide; no I/O) for every shipped
 * step template over canned responses and prints one JSON line: what the code-generation
 * test compares between a normal run and one under `--disallow-code-generation-from-strings`.
 * Also prints whether code generation worked in this process.
 */
import type { ResponseRecord } from '../../../plugin/http/response.js';
import { decide } from '../../../plugin/response/decide.js';
import { mapOutputs } from '../../../plugin/response/map.js';
import { definedOnly } from '../../../plugin/step/result.js';
import { prepareStep } from '../../../plugin/step/run.js';
import { SECRETS, SETTINGS, shipped } from './catalog.js';
import { shapeBody, type Shape } from './mailerlite.js';

const RESPONSES: Array<[number, Shape]> = [[200, 'subscriber'], [201, 'group'], [200, 'groups'], [404, 'subscriber_not_found'], [422, 'cannot_import'], [200, 'classic_subscriber'], [200, 'classic_groups']];

/** Every template run over its declared examples, then over each canned response. */
export function everyTemplate(): unknown[] {
  const settings = definedOnly(SETTINGS);
  return shipped().templates.map((template) => {
    const given = Object.fromEntries(Object.entries(template.inputs).map(([name, decl]) => [name, decl.example]));
    const prepared = prepareStep(template, given as Record<string, never>, { settings: SETTINGS, secrets: SECRETS });
    const decisions = RESPONSES.map(([status, shape]) => {
      const response: ResponseRecord = { status, headers: { 'content-type': 'application/json' }, body: shapeBody(shape, { groups: ['123456789'] }), json: true };
      const outputs = mapOutputs(template.outputs, response, prepared.inputs, settings);
      return { outputs, decision: decide(template.outcomes, { response, failure: null, outputs, inputs: prepared.inputs, settings }) };
    });
    return { id: template.id, prepared, decisions };
  });
}

function codegenWorks(): boolean {
  try {
    return new Function('return true')() as boolean;
  } catch {
    return false;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify({ codegen: codegenWorks(), results: everyTemplate() }));
}
