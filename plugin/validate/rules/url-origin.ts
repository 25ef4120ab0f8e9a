import type { Declared } from '../../declarations/load.js';
import type { Problem } from '../../declarations/problem.js';
import type { Manifest } from '../../generated/manifest.js';
import type { StepTemplate } from '../../generated/step-template.js';
import { tokenize } from '../../template/index.js';
import type { Rule } from '../plugin-data.js';

const DEFAULT_BASE = { new: 'https://connect.mailerlite.com/api', classic: 'https://api.mailerlite.com/api/v2' } as const;

/**
 * `url-origin`: conversation variables never choose where a request goes. The URL starts
 * with a literal `https://host` (no placeholder before the path), has no `?` or `#` (query
 * parameters go in `query`), and starts with the manifest's base URL for the template's API.
 *
 * @example
 * urlOrigin(data) // [{ pointer: '/request/url', rule: 'url-origin', message: 'the host comes from a placeholder ...',
 * //                   example: 'https://connect.mailerlite.com/api/subscribers/<<customer_email>>' }]
 */
export const urlOrigin: Rule = (data) => data.templates.flatMap((template) => checkUrl(template, data.manifest?.value));

function checkUrl({ file, value }: Declared<StepTemplate>, manifest: Manifest | undefined): Problem[] {
  const url = value.request.url;
  const base = manifest?.apis[value.api].base_url ?? DEFAULT_BASE[value.api];
  const fail = (message: string, expected: string, example = `${base.replace(/\/$/u, '')}/subscribers/<<customer_email>>`): Problem[] => [
    { file, pointer: '/request/url', rule: 'url-origin', message, expected, example },
  ];
  const origin = /^https:\/\/([^/]*)/u.exec(url);
  if (!origin) return fail('the URL does not start with a literal "https://"', 'an absolute https URL with a literal scheme and host');
  const authority = origin[1] ?? '';
  if (authority.includes('<<') || authority.includes('{{') || authority.includes('}}')) {
    return fail('the host comes from a placeholder: a conversation variable could send the request (and the API key) anywhere', 'a literal scheme and host; placeholders only in the path after the first "/"');
  }
  if (literalText(url).some((text) => text.includes('?') || text.includes('#'))) {
    return fail(
      'the URL has a query string or fragment',
      'no "?" or "#" in the URL; query parameters in /request/query',
      `"url": "${base.replace(/\/$/u, '')}/subscribers", "query": { "filter[status]": "active", "limit": "25" }`,
    );
  }
  if (manifest && !startsWithBase(url, base)) {
    return fail(`the URL does not start with the ${value.api} API's base URL ${base}`, `a URL under ${base}, as manifest.json /apis/${value.api}/base_url declares`);
  }
  return [];
}

/** The literal text pieces of a template (all of it when it does not parse: template-syntax reports that). */
function literalText(source: string): string[] {
  try {
    return tokenize(source).flatMap((token) => (token.kind === 'text' ? [token.value] : []));
  } catch {
    return [];
  }
}

function startsWithBase(url: string, base: string): boolean {
  const trimmed = base.replace(/\/$/u, '');
  return url === trimmed || url.startsWith(`${trimmed}/`);
}
