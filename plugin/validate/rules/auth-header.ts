import type { Problem } from '../../declarations/problem.js';
import { pointer } from '../../declarations/problem.js';
import type { Rule } from '../plugin-data.js';

/**
 * `auth-header`: each step template sends its API's auth header row exactly as the
 * manifest declares it (`Authorization: Bearer <<secrets.api_key>>` for `new`,
 * `X-MailerLite-ApiKey: <<secrets.api_key>>` for `classic`).
 *
 * @example
 * authHeader(data) // [{ pointer: '/request/headers', rule: 'auth-header', message: 'the new API\'s auth header "Authorization" is missing', ... }]
 */
export const authHeader: Rule = (data) => {
  const manifest = data.manifest?.value;
  if (!manifest) return [];
  return data.templates.flatMap(({ file, value }): Problem[] => {
    const { name, value: expectedValue } = manifest.apis[value.api].auth_header;
    const headers = value.request.headers ?? {};
    if (headers[name] === expectedValue) return [];
    const row = `"${name}": "${expectedValue}"`;
    const base = { file, rule: 'auth-header', expected: `the header row ${name}: ${expectedValue}, as manifest.json /apis/${value.api}/auth_header declares`, example: row };
    if (name in headers) {
      return [{ ...base, pointer: pointer('request', 'headers', name), message: `the ${value.api} API's ${name} header is "${headers[name] ?? ''}"` }];
    }
    const spelled = Object.keys(headers).find((header) => header.toLowerCase() === name.toLowerCase());
    if (spelled !== undefined) {
      return [{ ...base, pointer: pointer('request', 'headers', spelled), message: `header "${spelled}" should be spelled "${name}" exactly, with the value "${expectedValue}"` }];
    }
    return [{ ...base, pointer: value.request.headers ? '/request/headers' : '/request', message: `the ${value.api} API's auth header "${name}" is missing` }];
  });
};
