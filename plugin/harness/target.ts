/**
 * Temporary: the target moved to `plugin/target.ts` (below the harness and sync). Kept
 * only while `plugin/sync` still imports it from here; delete once it does not.
 */
export { openTarget, type Target, type TargetKind, type TargetOptions } from '../target.js';
