/**
 * Temporary: nearest-name suggestions moved to `plugin/nearest.ts` (shared by validate,
 * export, sync and the harness). Kept only while `plugin/sync` still imports it from here.
 */
export { didYouMean, editDistance, nearest } from '../nearest.js';
