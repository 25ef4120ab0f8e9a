import type { Problem } from '../../declarations/problem.js';
import { pathSegments, readPlaceholders } from '../placeholders.js';
import type { Rule } from '../plugin-data.js';
import { flowTexts, requestTexts, type TemplateText } from '../../declarations/texts.js';

const PLACE_NAMES = { url: 'the URL', query: 'a query value', body: 'the body', flow: 'a flow message', header: 'a header' } as const;

/**
 * `secrets-only-in-headers`: `<<secrets.x>>` appears only in request header values, where
 * it is redacted in every preview; never in the URL, query, body or anything a flow sends.
 *
 * @example
 * secretsOnlyInHeaders(data) // [{ pointer: '/request/query/api_key', rule: 'secrets-only-in-headers', ... }]
 */
export const secretsOnlyInHeaders: Rule = (data) => {
  const authExample = data.manifest ? `"${data.manifest.value.apis.new.auth_header.name}": "${data.manifest.value.apis.new.auth_header.value}"` : '"Authorization": "Bearer <<secrets.api_key>>"';
  const check = (file: string, text: TemplateText): Problem[] => {
    if (text.place === 'header') return [];
    const reads = readPlaceholders(text.source);
    if (!reads.ok) return [];
    return reads.paths
      .filter((path) => pathSegments(path)[0] === 'secrets')
      .map((path) => ({
        file,
        pointer: text.pointer,
        rule: 'secrets-only-in-headers',
        message: `<<${path}>> is used in ${PLACE_NAMES[text.place]}; secrets may appear only in request header values`,
        expected: 'secrets only in /request/headers values of a step template',
        example: authExample,
      }));
  };
  return [
    ...data.templates.flatMap(({ file, value }) => requestTexts(value).flatMap((text) => check(file, text))),
    ...data.flows.flatMap(({ file, value }) => flowTexts(value).flatMap((text) => check(file, text))),
  ];
};
