import { startNodeRedProcess, type NodeRed } from '../../support/node-red-process.js';

/**
 * A headless Node-RED 4 running an exported flows.json: a temporary user directory, no
 * editor and no admin API, credentials unencrypted, and the given environment variables
 * (MailerLite variables of the test process are not passed on). Resolves once the flows run.
 *
 * @example
 * const red = await startNodeRed(files[0].content, { MAILERLITE_BASE_URL: sim.url, MAILERLITE_API_KEY: sim.keys.new });
 * await red.request('POST', '/mailerlite-steps/whatsapp.join', { customer_email: 'priya@example.com' });
 * await red.close();
 */
export function startNodeRed(flows: string, environment: Record<string, string>): Promise<NodeRed> {
  return startNodeRedProcess({ flows, env: environment });
}
