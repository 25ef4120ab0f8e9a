import { loadCatalog, type Catalog } from '../catalog.js';
import { accountKey, readAccount, type Account, type AccountConfig } from './account.js';
import { ACCOUNT_TYPE, paletteTypes } from './palette.js';
import { registerPreview } from './preview.js';
import { stepNode, type AccountLookup } from './step-node.js';
import type { NodeInstance, NodeRedApi } from './types.js';

/**
 * Registers the palette with a Node-RED runtime: the `mailerlite-account` config node (the
 * key as its `apiKey` credential), one step node type per step template in the manifest,
 * and the edit dialog's preview route.
 *
 * @example
 * // dist/plugin/node-red/mailerlite-steps.cjs, which package.json's node-red section names:
 * module.exports = async (RED) => (await import('./register.js')).registerPalette(RED);
 */
export function registerPalette(red: NodeRedApi, catalog: Catalog = loadCatalog()): void {
  const accounts = new WeakMap<NodeInstance, Account>();
  red.nodes.registerType<AccountConfig>(
    ACCOUNT_TYPE,
    function AccountNode(this: NodeInstance, config: AccountConfig): void {
      red.nodes.createNode(this, config);
      accounts.set(this, readAccount(config, catalog));
    },
    { credentials: { apiKey: { type: 'password' } } },
  );
  const lookup: AccountLookup = (id) => {
    const node = id ? red.nodes.getNode(id) : null;
    const account = node ? accounts.get(node) : undefined;
    if (!node || !account) return `no MailerLite account: choose a ${ACCOUNT_TYPE} config node in this node's properties`;
    return { account, key: () => accountKey(node) };
  };
  for (const entry of paletteTypes(catalog)) red.nodes.registerType(entry.type, stepNode(red, entry, lookup));
  registerPreview(red, catalog);
}
