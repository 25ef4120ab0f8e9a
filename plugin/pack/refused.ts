import type { Problem } from '../declarations/problem.js';
import { RefusedError, type Refusal } from '../validate/refusal.js';

/** Why a pack was refused: a secret value in the tree, or a tree (or bundle) that does not validate. */
export type PackRefusal = Refusal;

/**
 * A pack that refused to write. `problems` locates each reason (file and JSON Pointer);
 * secret values never appear in it, nor in the message.
 *
 * @example
 * try { await packBundle({ outDir: 'out' }) } catch (e) { if (e instanceof PackRefusedError) console.log(e.message) }
 * // pack refused: 1 secret value in the tree (the API key must never be written into a file); nothing was written
 * // templates/steps/new/subscriber-lookup.json at /request/headers/Authorization: the Authorization header holds a literal key ... [secret-in-header]
 */
export class PackRefusedError extends RefusedError {
  override name = 'PackRefusedError';
  constructor(reason: PackRefusal, problems: readonly Problem[]) {
    super('pack', reason, problems);
  }
}
