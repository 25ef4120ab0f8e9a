import type { ApiVersion, Catalog } from '../../catalog.js';
import { declarationsFor } from '../../declarations/catalog.js';
import type { Declared } from '../../declarations/load.js';
import { plainVariable } from '../../declarations/plain.js';
import { pointer as at, type Problem } from '../../declarations/problem.js';
import { profileProblems as builderProfileProblems } from '../../declarations/profile.js';
import { requestTexts } from '../../declarations/texts.js';
import { authHeaderExample, secretPlaceProblems } from '../../declarations/secret-places.js';
import { flowTemplateProblems } from '../../declarations/flow-templates.js';
import type { StepTemplate } from '../../generated/step-template.js';
import { tokenize } from '../../template/tokenize.js';
import { inputProblem } from './inputs.js';
import { parseUrl } from '../../request/url.js';

/** The rule name the Node-RED export's refusals carry. */
export const RULE = 'node-red-export';

/** Records problems of one file. */
function recorder(file: string, problems: Problem[]) {
  return (pointer: string, message: string, expected: string, example: string): void => void problems.push({ file, pointer, rule: RULE, message, expected, example });
}

/** The secrets a header value reads, by name (`<<secrets.api_key>>` → `api_key`); a text that does not parse reads none. */
function secretsRead(source: string): string[] {
  try {
    return tokenize(source).flatMap((t) => {
      const [head, ...name] = (t.kind === 'tag' && plainVariable(t.value)) || [];
      return head === 'secrets' ? [name.join('.')] : [];
    });
  } catch {
    return [];
  }
}

function templateProblems({ file, value: template }: Declared<StepTemplate>, secrets: ReadonlySet<string>): Problem[] {
  const problems: Problem[] = [];
  const say = recorder(file, problems);
  try {
    parseUrl(template.request.url);
  } catch (error) {
    say(at('request', 'url'), error instanceof Error ? error.message : String(error), 'a literal https://host origin, then the path', '"https://connect.mailerlite.com/api/subscribers/<<customer_email>>"');
  }
  // A secret outside a header: secretPlaceProblems names it.
  for (const text of requestTexts(template)) {
    if (text.place !== 'header') continue;
    for (const name of secretsRead(text.source)) {
      if (!secrets.has(name)) say(text.pointer, `<<secrets.${name}>> is not a secret of the manifest`, 'a secret the manifest declares', '<<secrets.api_key>>');
    }
  }
  for (const [name, decl] of Object.entries(template.inputs)) {
    const problem = inputProblem(name, decl);
    if (problem) say(at('inputs', name), problem, 'a string (formats email, phone, id), number, integer or boolean input', '{ "type": "string", "format": "email" }');
  }
  return problems;
}

/**
 * What in the flows of one API version (and the templates they run) a Node-RED export
 * cannot reproduce exactly: anything outside the builder profile (the check `validate`
 * runs, `plugin/declarations/profile.ts`: helpers and blocks in texts, outputs that are
 * no plain path, outcomes that read the body, ...), and what Node-RED itself needs: a
 * literal URL origin, inputs it can check, secrets only in headers. Each problem names
 * the file and the JSON Pointer.
 *
 * @example
 * profileProblems(catalog, 'new') // [] for the shipped declarations
 */
export function profileProblems(catalog: Catalog, api: ApiVersion): Problem[] {
  const { templates, flows } = declarationsFor(catalog, api);
  const secrets = new Set(Object.keys(catalog.manifest.secrets));
  return [
    ...builderProfileProblems(templates, flows, { rule: RULE, profile: catalog.manifest.builder, unparsed: true }),
    ...secretPlaceProblems(templates, flows, { rule: RULE, authExample: authHeaderExample(catalog.manifest, api) }),
    ...flows.flatMap((f) => flowTemplateProblems(f, catalog.templates, { rule: RULE })),
    ...templates.flatMap((t) => templateProblems(t, secrets)),
  ];
}
