import { plainPath } from '../../declarations/plain.js';
import type { StepTemplate } from '../../generated/step-template.js';
import type { JsonValue } from '../../json.js';
import type { PostmanHeader, PostmanRequest } from './postman.js';
import type { Problems } from './problems.js';
import type { BodySpec, HeaderSpec, OutcomeSpec, OutputSpec, Parts, QuerySpec, SegmentSpec, StepSpec } from './spec.js';
import { isLiteral, partPaths, templateParts } from './text.js';
import { splitUrl } from './url.js';

/** The local variable the pre-request script fills with the JSON body text. */
export const BODY_VARIABLE = 'request.body';

/** A step template made ready for a collection: what its script runs, and its request item. */
export interface ExportedStep {
  spec: StepSpec;
  request: PostmanRequest;
  /** The literal origin of the template's URL (`https://connect.mailerlite.com`). */
  origin: string;
}

function literalText(parts: Parts): string {
  return parts.filter((part): part is string => typeof part === 'string').join('');
}

/** A literal `{{` would be filled in by Postman: it cannot pass through untouched in a URL or header. */
function noBraces(text: string, at: Array<string | number>, problems: Problems): void {
  if (text.includes('{{')) problems.add(at, 'literal "{{" here would be read by Postman as a variable', 'no literal "{{" in a URL or a header', '"Accept": "application/json"');
}

function segments(template: StepTemplate, problems: Problems): { origin: string; path: string; specs: SegmentSpec[] } | undefined {
  const split = splitUrl(template.request.url);
  if (!split.ok) {
    problems.add(['request', 'url'], split.why, 'an absolute URL with a literal https://host', '"https://connect.mailerlite.com/api/subscribers/<<customer_email>>"');
    return undefined;
  }
  const specs: SegmentSpec[] = [];
  let path = '';
  split.segments.forEach((segment, index) => {
    if ('literal' in segment) {
      noBraces(segment.literal, ['request', 'url'], problems);
      path += '/' + segment.literal;
      return;
    }
    const parts = templateParts(segment.template);
    if (!parts) return;
    const only = parts.length === 1 && Array.isArray(parts[0]) ? parts[0].join('.') : `segment${index + 1}`;
    const variable = `path.${only}`;
    specs.push({ variable, parts });
    path += `/{{${variable}}}`;
  });
  return { origin: split.origin, path, specs };
}

function query(template: StepTemplate, problems: Problems): { search: string; specs: QuerySpec[] } {
  const params: string[] = [];
  const specs: QuerySpec[] = [];
  for (const [key, source] of Object.entries(template.request.query ?? {})) {
    const at = ['request', 'query', key];
    noBraces(key, at, problems);
    const parts = templateParts(source);
    if (!parts) continue;
    if (isLiteral(parts)) {
      const text = literalText(parts);
      // A blank value leaves its parameter out, as the engine does.
      if (text.trim() !== '') params.push(`${key}=${encodeURIComponent(text)}`);
      continue;
    }
    const variable = `query.${key}`;
    specs.push({ key, variable, parts });
    params.push(`${key}={{${variable}}}`);
  }
  return { search: params.length === 0 ? '' : '?' + params.join('&'), specs };
}

function headers(template: StepTemplate, secrets: readonly string[], problems: Problems): { rows: PostmanHeader[]; specs: HeaderSpec[] } {
  const rows: PostmanHeader[] = [];
  const specs: HeaderSpec[] = [];
  for (const [name, source] of Object.entries(template.request.headers ?? {})) {
    const at = ['request', 'headers', name];
    const parts = templateParts(source);
    if (!parts) continue;
    const literal = literalText(parts);
    noBraces(literal, at, problems);
    if (/[\r\n\0]/.test(literal)) problems.add(at, `the value of header ${name} holds a line break or NUL`, 'a header value on one line', '"Accept": "application/json"');
    const paths = partPaths(parts);
    for (const path of paths.filter((p) => p[0] === 'secrets')) {
      if (path.length !== 2 || !secrets.includes(path[1] ?? '')) problems.add(at, `<<${path.join('.')}>> is not a secret of the plugin`, `one of ${secrets.map((s) => `<<secrets.${s}>>`).join(', ')}`, '"Authorization": "Bearer <<secrets.api_key>>"');
    }
    if (paths.every((p) => p[0] === 'secrets')) {
      // Literal text and the key: Postman fills in {{api_key}} itself. A blank value leaves the header out.
      const value = parts.map((part) => (typeof part === 'string' ? part : `{{${part[1] ?? ''}}}`)).join('');
      if (paths.length > 0 || literal.trim() !== '') rows.push({ key: name, value });
      continue;
    }
    const variable = `header.${name}`;
    specs.push({ name, variable, parts });
    rows.push({ key: name, value: `{{${variable}}}`, description: 'Filled in by the collection pre-request script.' });
  }
  return { rows, specs };
}

function body(value: JsonValue, at: Array<string | number>, problems: Problems): BodySpec {
  if (typeof value === 'string') {
    const parts = templateParts(value) ?? [];
    return { kind: 'text', parts };
  }
  if (Array.isArray(value)) return { kind: 'list', items: value.map((item, index) => body(item, [...at, index], problems)) };
  if (value !== null && typeof value === 'object') return { kind: 'object', entries: Object.entries(value).map(([key, item]) => [key, body(item, [...at, key], problems)]) };
  return { kind: 'value', value };
}

/** The plain-path outputs, each path as the script reads it (a name, an index, `*` for each item); one that is no plain path is left to the profile check. */
function outputs(template: StepTemplate): OutputSpec[] {
  const specs: OutputSpec[] = [];
  for (const [name, output] of Object.entries(template.outputs)) {
    const steps = plainPath(output.expression);
    if (!steps) continue;
    const path = steps.map((step) => ('name' in step ? step.name : 'index' in step ? step.index : '*'));
    specs.push({ name, path, text: output.type === 'string' });
  }
  return specs;
}

/** The outcome rules by status and failure (a rule on the body is left to the profile check). */
function outcomes(template: StepTemplate): OutcomeSpec[] {
  return template.outcomes.map((rule) => {
    if ('fallback' in rule) return { name: rule.name, fallback: true };
    const spec: OutcomeSpec = { name: rule.name };
    if (rule.when.status !== undefined) spec.status = Array.isArray(rule.when.status) ? rule.when.status : [rule.when.status];
    if (rule.when.failure !== undefined) spec.failure = rule.when.failure;
    return spec;
  });
}

/**
 * A step template for the collection: the script's spec (inputs, templated URL segments,
 * query values, headers and body, plain-path outputs, status outcomes, retry policy) and
 * the Postman request, whose URL starts at `{{base_url}}` and whose key is `{{api_key}}`.
 * What Postman cannot carry (a literal `{{`, a secret outside a header, a header line
 * break, no literal origin) is recorded in `problems`; what the builder profile does not
 * hold is the export's profile check's (`plugin/declarations/profile.ts`) and left out here.
 *
 * @example
 * exportStep(lookup, ['api_key'], problems).request.url // '{{base_url}}/api/subscribers/{{path.customer_email}}'
 */
export function exportStep(template: StepTemplate, secrets: readonly string[], problems: Problems): ExportedStep | undefined {
  const url = segments(template, problems);
  const search = query(template, problems);
  const header = headers(template, secrets, problems);
  const bodySpec = template.request.body === undefined ? undefined : body(template.request.body, ['request', 'body'], problems);
  const retry = template.retry?.safe_to_repeat ? template.retry : undefined;
  const spec: StepSpec = {
    id: template.id,
    inputs: Object.entries(template.inputs).map(([name, decl]) => ({
      name,
      type: decl.type,
      required: decl.required === true,
      ...(decl.format === undefined ? {} : { format: decl.format }),
      ...(decl.pattern === undefined ? {} : { pattern: decl.pattern }),
      ...(decl.enum === undefined ? {} : { enum: decl.enum }),
      ...(decl.default === undefined ? {} : { default: decl.default }),
    })),
    segments: url?.specs ?? [],
    query: search.specs,
    headers: header.specs,
    ...(bodySpec === undefined ? {} : { body: bodySpec }),
    outputs: outputs(template),
    outcomes: outcomes(template),
    retry: { attempts: retry ? (retry.max_attempts ?? 3) : 1, baseMs: retry?.base_delay_ms ?? 500, maxMs: retry?.max_delay_ms ?? 8000 },
    timeoutMs: template.timeout_ms ?? 10_000,
  };
  if (!url) return undefined;
  const request: PostmanRequest = {
    method: template.request.method,
    header: header.rows,
    url: `{{base_url}}${url.path}${search.search}`,
    description: `${template.name} (step template ${template.id}). ${template.description}`,
  };
  if (bodySpec !== undefined) request.body = { mode: 'raw', raw: `{{${BODY_VARIABLE}}}`, options: { raw: { language: 'json' } } };
  return { spec, request, origin: url.origin };
}
