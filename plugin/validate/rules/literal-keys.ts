import type { Problem } from '../../declarations/problem.js';
import { pointer } from '../../declarations/problem.js';
import type { JsonValue } from '../../json.js';
import type { Rule } from '../plugin-data.js';

/**
 * `literal-keys`: query parameter names, header names and body object keys are literal;
 * a placeholder there would let a conversation variable choose which parameter, header
 * or field is sent. Only values are templates.
 *
 * @example
 * literalKeys(data) // [{ pointer: '/request/query/filter[<<field>>]', rule: 'literal-keys', ... }]
 */
export const literalKeys: Rule = (data) =>
  data.templates.flatMap(({ file, value }) => {
    const problems: Problem[] = [];
    const check = (key: string, at: Array<string | number>, what: string, example: string): void => {
      if (!isTemplated(key)) return;
      problems.push({
        file,
        pointer: pointer(...at),
        rule: 'literal-keys',
        message: `the ${what} "${key}" contains a placeholder`,
        expected: `a literal ${what}; placeholders only in the value`,
        example,
      });
    };
    for (const key of Object.keys(value.request.query ?? {})) check(key, ['request', 'query', key], 'query parameter name', '"filter[status]": "<<status>>"');
    for (const key of Object.keys(value.request.headers ?? {})) check(key, ['request', 'headers', key], 'header name', '"Accept": "application/json"');
    if (value.request.body !== undefined) bodyKeys(value.request.body, ['request', 'body'], check);
    return problems;
  });

function bodyKeys(value: JsonValue, at: Array<string | number>, check: (key: string, at: Array<string | number>, what: string, example: string) => void): void {
  if (Array.isArray(value)) value.forEach((item, index) => bodyKeys(item, [...at, index], check));
  else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      check(key, [...at, key], 'body field name', '"email": "<<customer_email>>"');
      bodyKeys(item, [...at, key], check);
    }
  }
}

function isTemplated(key: string): boolean {
  return key.includes('<<') || key.includes('>>');
}
