/**
 * The Node-RED palette: one node type per step template, a `mailerlite-account` config
 * node and the edit dialog's preview route. See docs/node-red.md.
 */
export { registerPalette } from './register.js';
export { ACCOUNT_TYPE, CATEGORY, INVALID_INPUT, nodeTypeOf, outputsOf, paletteType, paletteTypes, type PaletteInput, type PaletteType } from './palette.js';
export { parseOrigin, readAccount, type Account, type AccountConfig } from './account.js';
export { previewStep, PREVIEW_ROUTE, type PreviewAnswer } from './preview.js';
export { statusOf } from './status.js';
export { paletteHtml } from './html.js';

/** The CommonJS entry Node-RED loads (naming it here also keeps it in the TypeScript build). */
export type PaletteEntry = typeof import('./mailerlite-steps.cjs');
