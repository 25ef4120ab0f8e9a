import { startNodeRedProcess, type NodeRed } from '../../support/node-red-process.js';

/** Options of a palette test instance. */
export interface PaletteNodeRedOptions {
  /** The user directory the palette is installed in. */
  userDir: string;
  /** Environment variables of the Node-RED process (MAILERLITE_* of the test process are never passed on). */
  env?: Record<string, string>;
  /** Turns on Node-RED's admin authentication with one user of every permission. */
  adminAuth?: { username: string; passwordHash: string };
}

/**
 * Node-RED 4 over a user directory with the palette installed: editor and admin API at `/`,
 * HTTP-in routes at `/`, credentials encrypted. Resolves once the server listens.
 *
 * @example
 * const red = await startNodeRed({ userDir });
 * await red.deploy([...nodes]);
 * await red.request('POST', '/probe/1', { customer_email: 'priya@example.com' });
 */
export function startNodeRed(options: PaletteNodeRedOptions): Promise<NodeRed> {
  return startNodeRedProcess({ ...options, admin: true, credentialSecret: 'palette-test-credential-secret' });
}
