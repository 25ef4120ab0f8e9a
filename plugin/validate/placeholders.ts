import { TemplateSyntaxError } from '../errors.js';
import { referencedPaths, unknownHelpers } from '../template/index.js';

/**
 * What a `<<placeholder>>` template reads; or why it does not parse.
 *
 * @example
 * const reads: PlaceholderReads = { ok: true, paths: ['customer_name'], helpers: ['frist_name'] };
 */
export type PlaceholderReads = { ok: true; paths: string[]; helpers: string[] } | { ok: false; message: string };

/**
 * The variable paths and unknown helpers of a template, never throwing: a template that
 * does not parse gives `{ ok: false, message }`.
 *
 * @example
 * readPlaceholders('Hi <<first_name customer_name>>') // { ok: true, paths: ['customer_name'], helpers: [] }
 * readPlaceholders('<<#if x>>open')                  // { ok: false, message: 'cannot parse template ...' }
 */
export function readPlaceholders(source: string): PlaceholderReads {
  try {
    return { ok: true, paths: referencedPaths(source), helpers: unknownHelpers(source) };
  } catch (error) {
    if (error instanceof TemplateSyntaxError) return { ok: false, message: error.message };
    throw error;
  }
}

/**
 * Splits a placeholder path into its segments (`settings.group_id` → `['settings', 'group_id']`).
 *
 * @example
 * pathSegments('customer.address.city') // ['customer', 'address', 'city']
 */
export function pathSegments(path: string): string[] {
  return path.split(/[./]/u).filter((segment) => segment !== '');
}
