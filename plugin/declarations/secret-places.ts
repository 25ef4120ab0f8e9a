import { pathSegments, readPlaceholders } from '../validate/placeholders.js';
import type { Flow } from '../generated/flow.js';
import type { Manifest } from '../generated/manifest.js';
import type { StepTemplate } from '../generated/step-template.js';
import type { Declared } from './load.js';
import type { Problem } from './problem.js';
import { flowTexts, requestTexts, type TemplateText } from './texts.js';

const PLACE_NAMES = { url: 'the URL', query: 'a query value', body: 'the body', flow: 'a flow message', header: 'a header' } as const;

/**
 * The manifest's auth header of an API version as a JSON member, the example a misplaced
 * secret's problem shows.
 *
 * @example
 * authHeaderExample(manifest, 'new') // '"Authorization": "Bearer <<secrets.api_key>>"'
 */
export function authHeaderExample(manifest: Manifest | undefined, api: StepTemplate['api'] = 'new'): string {
  const header = manifest?.apis?.[api]?.auth_header;
  return header ? `"${header.name}": "${header.value}"` : '"Authorization": "Bearer <<secrets.api_key>>"';
}

/** How to report: the rule name (`secrets-only-in-headers` in `validate`, the exporter's own in an export) and the example. */
export interface SecretPlaceCheck {
  rule: string;
  /** The auth header to show instead, e.g. `"Authorization": "Bearer <<secrets.api_key>>"`. */
  authExample: string;
}

/**
 * Every `<<secrets.x>>` read outside a request header value (the URL, a query value, the
 * body, any flow text): secrets appear only in headers, where every preview redacts them.
 * The one check, for `validate` and every export; a text that does not parse is left to
 * the `template-syntax` rule.
 *
 * @example
 * secretPlaceProblems(templates, flows, { rule: 'secrets-only-in-headers', authExample: '"Authorization": "Bearer <<secrets.api_key>>"' })
 * // [{ file: 'templates/steps/new/subscriber-lookup.json', pointer: '/request/query/api_key', rule: 'secrets-only-in-headers', message: '<<secrets.api_key>> is used in a query value; ...', ... }]
 */
export function secretPlaceProblems(templates: ReadonlyArray<Declared<StepTemplate>>, flows: ReadonlyArray<Declared<Flow>>, check: SecretPlaceCheck): Problem[] {
  const problemsOf = (file: string, text: TemplateText): Problem[] => {
    if (text.place === 'header') return [];
    const reads = readPlaceholders(text.source);
    if (!reads.ok) return [];
    return reads.paths
      .filter((path) => pathSegments(path)[0] === 'secrets')
      .map((path) => ({
        file,
        pointer: text.pointer,
        rule: check.rule,
        message: `<<${path}>> is used in ${PLACE_NAMES[text.place]}; secrets may appear only in request header values`,
        expected: 'secrets only in /request/headers values of a step template',
        example: check.authExample,
      }));
  };
  return [
    ...templates.flatMap(({ file, value }) => requestTexts(value).flatMap((text) => problemsOf(file, text))),
    ...flows.flatMap(({ file, value }) => flowTexts(value).flatMap((text) => problemsOf(file, text))),
  ];
}
