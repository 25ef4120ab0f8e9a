import type { ApiVersion, Catalog } from '../../catalog.js';
import { pointer as at, type Problem } from '../../declarations/problem.js';
import type { Flow } from '../../generated/flow.js';
import type { StepTemplate } from '../../generated/step-template.js';
import type { JsonValue } from '../../json.js';
import { tokenize } from '../../template/tokenize.js';
import { inputProblem } from './inputs.js';
import { parsePath } from './paths.js';
import { nonPlain } from './placeholders.js';
import { splitUrl } from './request.js';

/** A template text with where it is in its declaration (a JSON Pointer). */
interface Located {
  pointer: string;
  source: string;
}

/** The rule name the Node-RED export's refusals carry. */
export const RULE = 'node-red-export';

const PLAIN = { expected: 'plain <<variable>> placeholders only (the builder profile); a derived value comes from a set node, a choice from a condition node', example: '"You are now subscribed, <<customer_first_name>>!"' };

/** Records problems of one file. */
function recorder(file: string, problems: Problem[]) {
  return (pointer: string, message: string, expected: string, example: string): void => void problems.push({ file, pointer, rule: RULE, message, expected, example });
}

function flowTexts(flow: Flow): Located[] {
  const texts: Located[] = [];
  for (const [id, node] of Object.entries(flow.nodes)) {
    const add = (source: string | undefined, ...tokens: Array<string | number>): void => void (source !== undefined && texts.push({ pointer: at('nodes', id, ...tokens), source }));
    if (node.type === 'reply') add(node.text, 'text');
    if (node.type === 'ask') {
      add(node.text, 'text');
      add(node.invalid_text, 'invalid_text');
    }
    if (node.type === 'end') {
      add(node.reason, 'reason');
      for (const [name, source] of Object.entries(node.outputs ?? {})) add(source, 'outputs', name);
    }
    if (node.type === 'step') for (const [name, source] of Object.entries(node.inputs ?? {})) add(source, 'inputs', name);
    if (node.type === 'condition') {
      add(node.value, 'value');
      (node.values ?? []).forEach((source, i) => add(source, 'values', i));
    }
  }
  return texts;
}

function bodyTexts(value: JsonValue | undefined, tokens: Array<string | number>): Located[] {
  if (typeof value === 'string') return [{ pointer: at(...tokens), source: value }];
  if (Array.isArray(value)) return value.flatMap((item, i) => bodyTexts(item, [...tokens, i]));
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([key, item]) => bodyTexts(item, [...tokens, key]));
  return [];
}

/** The secrets a text reads (`<<secrets.api_key>>` → `api_key`). */
function secretsRead(source: string): string[] {
  try {
    return tokenize(source).flatMap((t) => {
      const match = t.kind === 'tag' ? /^\s*secrets\.([a-z0-9_.]+)\s*$/.exec(t.value) : null;
      return match?.[1] ? [match[1]] : [];
    });
  } catch {
    return [];
  }
}

function templateProblems(template: StepTemplate, file: string, secrets: ReadonlySet<string>): Problem[] {
  const problems: Problem[] = [];
  const say = recorder(file, problems);
  const { url, query, headers, body } = template.request;
  const elsewhere: Located[] = [{ pointer: at('request', 'url'), source: url }, ...Object.entries(query ?? {}).map(([k, source]) => ({ pointer: at('request', 'query', k), source })), ...bodyTexts(body, ['request', 'body'])];
  const inHeaders = Object.entries(headers ?? {}).map(([k, source]) => ({ pointer: at('request', 'headers', k), source }));
  try {
    splitUrl(url);
  } catch (error) {
    say(at('request', 'url'), error instanceof Error ? error.message : String(error), 'a literal https://host origin, then the path', '"https://connect.mailerlite.com/api/subscribers/<<customer_email>>"');
  }
  for (const text of [...elsewhere, ...inHeaders]) for (const tag of nonPlain(text.source)) say(text.pointer, `${tag} is not a plain placeholder`, PLAIN.expected, PLAIN.example);
  for (const text of elsewhere) for (const name of secretsRead(text.source)) say(text.pointer, `<<secrets.${name}>> outside a header`, 'a secret only in a request header', '"Authorization": "Bearer <<secrets.api_key>>"');
  for (const text of inHeaders) for (const name of secretsRead(text.source)) if (!secrets.has(name)) say(text.pointer, `<<secrets.${name}>> is not a secret of the manifest`, 'a secret the manifest declares', '<<secrets.api_key>>');
  for (const [name, output] of Object.entries(template.outputs)) {
    if (!parsePath(output.expression)) say(at('outputs', name, 'expression'), `output "${name}" is not a plain path: ${output.expression}`, 'names, [n] indexes and [*] over a list, as a builder response mapping holds them', '"expression": "data.groups[*].id"');
  }
  template.outcomes.forEach((rule, i) => {
    if ('when' in rule && rule.when.condition !== undefined) say(at('outcomes', i, 'when', 'condition'), `outcome "${rule.name}" reads the response body`, 'a rule on the HTTP status, a timeout or a network failure; a check of the body becomes a condition node in the flow', '{ "name": "found", "when": { "status": 200 } }');
  });
  for (const [name, decl] of Object.entries(template.inputs)) {
    const problem = inputProblem(name, decl);
    if (problem) say(at('inputs', name), problem, 'a string (formats email, phone, id), number, integer or boolean input', '{ "type": "string", "format": "email" }');
  }
  return problems;
}

function flowProblems(flow: Flow, file: string, catalog: Catalog): Problem[] {
  const problems: Problem[] = [];
  const say = recorder(file, problems);
  for (const text of flowTexts(flow)) {
    for (const tag of nonPlain(text.source)) say(text.pointer, `${tag} is not a plain placeholder`, PLAIN.expected, PLAIN.example);
    for (const name of secretsRead(text.source)) say(text.pointer, `<<secrets.${name}>> in a flow text`, 'a secret only in a request header', '"Authorization": "Bearer <<secrets.api_key>>"');
  }
  for (const [id, node] of Object.entries(flow.nodes)) {
    if (node.type !== 'step') continue;
    const template = catalog.template(node.template);
    const example = `"template": "${flow.api === 'new' ? 'mailerlite.subscriber.lookup' : 'mailerlite-classic.subscriber.lookup'}"`;
    if (!template) say(at('nodes', id, 'template'), `step template "${node.template}" is not in the plugin`, 'the id of a step template the manifest lists', example);
    else if (template.api !== flow.api) say(at('nodes', id, 'template'), `step template "${node.template}" is for the ${template.api} API, the flow for the ${flow.api} API`, `a ${flow.api} step template`, example);
  }
  return problems;
}

/**
 * What in the flows of one API version (and the templates they run) a Node-RED export
 * cannot reproduce exactly: anything outside the builder profile (helpers and blocks in
 * texts, outputs that are no plain path, outcomes that read the body), inputs it cannot
 * check, secrets outside headers. Each problem names the file and the JSON Pointer.
 *
 * @example
 * profileProblems(catalog, 'new') // [] for the shipped declarations
 */
export function profileProblems(catalog: Catalog, api: ApiVersion): Problem[] {
  const fileOf = <T>(list: T[], files: string[], item: T): string => files[list.indexOf(item)] ?? '(unlisted)';
  const secrets = new Set(Object.keys(catalog.manifest.secrets));
  const flows = catalog.flows.filter((f) => f.api === api);
  const used = new Set(flows.flatMap((f) => Object.values(f.nodes).flatMap((n) => (n.type === 'step' ? [n.template] : []))));
  const templates = catalog.templates.filter((t) => used.has(t.id));
  return [
    ...flows.flatMap((f) => flowProblems(f, fileOf(catalog.flows, catalog.manifest.flows, f), catalog)),
    ...templates.flatMap((t) => templateProblems(t, fileOf(catalog.templates, catalog.manifest.templates, t), secrets)),
  ];
}
