/**
 * The Node-RED export: one `flows.json` of core nodes per API version, each flow at
 * `POST /mailerlite-steps/<flow id>`. See README "Use it in Node-RED".
 */
export { exportNodeRed, NodeRedExportError, type ExportedFile, type NodeRedOptions } from './export.js';
export { routeOf } from './flow.js';
export { environment } from './settings.js';
export type { NodeRedNode } from './nodes.js';
