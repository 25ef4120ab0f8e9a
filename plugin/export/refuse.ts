import type { EnvVars } from '../defaults.js';
import { RefusedError, refusalOf } from '../validate/refusal.js';
import { validateTree } from '../validate/validate-tree.js';

/**
 * Refuses to export from a tree that holds a key or does not validate (the builder
 * profile included): a {@link RefusedError} naming each file and JSON Pointer, never the
 * key. Every export target checks this before it writes anything.
 *
 * @example
 * await refuseUnsoundTree('/abs/plugin', process.env) // throws RefusedError('export', 'secret', ...) for a pasted key
 */
export async function refuseUnsoundTree(root: string, env: EnvVars | undefined): Promise<void> {
  const refusal = refusalOf((await validateTree(root, env ? { env } : {})).problems);
  if (refusal) throw new RefusedError('export', refusal.reason, refusal.problems);
}
