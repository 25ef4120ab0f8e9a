import type { ApiVersion, Catalog } from '../../catalog.js';
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

const at = (...tokens: string[]): string => tokens.map((t) => '/' + t.replace(/~/g, '~0').replace(/\//g, '~1')).join('');

function flowTexts(flow: Flow): Located[] {
  const texts: Located[] = [];
  for (const [id, node] of Object.entries(flow.nodes)) {
    const add = (source: string | undefined, ...tokens: string[]): void => void (source !== undefined && texts.push({ pointer: at('nodes', id, ...tokens), source }));
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
      (node.values ?? []).forEach((source, i) => add(source, 'values', String(i)));
    }
  }
  return texts;
}

function bodyTexts(value: JsonValue | undefined, tokens: string[]): Located[] {
  if (typeof value === 'string') return [{ pointer: at(...tokens), source: value }];
  if (Array.isArray(value)) return value.flatMap((item, i) => bodyTexts(item, [...tokens, String(i)]));
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

function templateProblems(template: StepTemplate, file: string, secrets: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  const say = (pointer: string, message: string): void => void problems.push(`${file}: ${pointer}: ${message}`);
  const { url, query, headers, body } = template.request;
  const elsewhere: Located[] = [{ pointer: at('request', 'url'), source: url }, ...Object.entries(query ?? {}).map(([k, source]) => ({ pointer: at('request', 'query', k), source })), ...bodyTexts(body, ['request', 'body'])];
  const inHeaders = Object.entries(headers ?? {}).map(([k, source]) => ({ pointer: at('request', 'headers', k), source }));
  try {
    splitUrl(url);
  } catch (error) {
    say(at('request', 'url'), error instanceof Error ? error.message : String(error));
  }
  for (const text of [...elsewhere, ...inHeaders]) for (const tag of nonPlain(text.source)) say(text.pointer, `${tag} is not a plain placeholder (the builder profile holds plain <<variable>> placeholders only)`);
  for (const text of elsewhere) for (const name of secretsRead(text.source)) say(text.pointer, `<<secrets.${name}>> outside a header: a secret is sent only in a request header`);
  for (const text of inHeaders) for (const name of secretsRead(text.source)) if (!secrets.has(name)) say(text.pointer, `<<secrets.${name}>> is not a secret of the manifest`);
  for (const [name, output] of Object.entries(template.outputs)) {
    if (!parsePath(output.expression)) say(at('outputs', name, 'expression'), `output "${name}" is not a plain path: ${output.expression} (names, [n] and [*], e.g. data.groups[*].id)`);
  }
  template.outcomes.forEach((rule, i) => {
    if ('when' in rule && rule.when.condition !== undefined) say(at('outcomes', String(i), 'when', 'condition'), `outcome "${rule.name}" reads the body; a step branches by HTTP status, timeout and network failure only`);
  });
  for (const [name, decl] of Object.entries(template.inputs)) {
    const problem = inputProblem(name, decl);
    if (problem) say(at('inputs', name), problem);
  }
  return problems;
}

function flowProblems(flow: Flow, file: string, catalog: Catalog): string[] {
  const problems: string[] = [];
  const say = (pointer: string, message: string): void => void problems.push(`${file}: ${pointer}: ${message}`);
  for (const text of flowTexts(flow)) {
    for (const tag of nonPlain(text.source)) say(text.pointer, `${tag} is not a plain placeholder (the builder profile holds plain <<variable>> placeholders only; a derived value comes from a set node, a choice from a condition node)`);
    for (const name of secretsRead(text.source)) say(text.pointer, `<<secrets.${name}>> in a flow text: a secret is sent only in a request header`);
  }
  for (const [id, node] of Object.entries(flow.nodes)) {
    if (node.type !== 'step') continue;
    const template = catalog.template(node.template);
    if (!template) say(at('nodes', id, 'template'), `step template "${node.template}" is not in the plugin`);
    else if (template.api !== flow.api) say(at('nodes', id, 'template'), `step template "${node.template}" is for the ${template.api} API, the flow for the ${flow.api} API`);
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
export function profileProblems(catalog: Catalog, api: ApiVersion): string[] {
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
