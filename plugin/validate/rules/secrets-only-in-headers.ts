import { authHeaderExample, secretPlaceProblems } from '../../declarations/secret-places.js';
import type { Rule } from '../plugin-data.js';

/**
 * `secrets-only-in-headers`: `<<secrets.x>>` appears only in request header values, where
 * it is redacted in every preview; never in the URL, query, body or anything a flow sends
 * (`secretPlaceProblems`, the check the exports run too).
 *
 * @example
 * secretsOnlyInHeaders(data) // [{ pointer: '/request/query/api_key', rule: 'secrets-only-in-headers', ... }]
 */
export const secretsOnlyInHeaders: Rule = (data) =>
  secretPlaceProblems(data.templates, data.flows, { rule: 'secrets-only-in-headers', authExample: authHeaderExample(data.manifest?.value) });
