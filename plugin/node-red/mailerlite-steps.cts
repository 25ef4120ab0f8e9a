/**
 * The Node-RED entry of the package (package.json `node-red.nodes`). Node-RED `require()`s
 * node files, and this package is ES modules, so this one file is CommonJS (compiled to
 * `mailerlite-steps.cjs`, next to the generated `mailerlite-steps.html`); it loads the
 * palette with a dynamic import and Node-RED waits for the returned promise.
 */
import type { NodeRedApi } from './types.js';

async function mailerliteSteps(red: NodeRedApi): Promise<void> {
  const { registerPalette } = await import('./register.js');
  registerPalette(red);
}

export = mailerliteSteps;
