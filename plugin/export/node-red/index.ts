/**
 * The Node-RED export: one `flows.json` of core nodes per API version, each flow at
 * `POST /mailerlite-steps/<flow id>`. See README "Use it in Node-RED".
 *
 * What JSONata in Node-RED does not do quite as our engine does (none of it reachable by
 * the shipped declarations): a number is printed with at most 15 significant digits
 * (ids are strings, classic ids have ten digits); a `Retry-After` given as an HTTP date
 * is not read (the backoff applies; MailerLite sends seconds); a template input pattern
 * loses the `u` flag. Inputs of type array or object, and the formats uri and date-time,
 * are refused rather than checked differently.
 */
export { exportNodeRed, NodeRedExportError, type ExportedFile, type NodeRedOptions } from './export.js';
export { routeOf } from './flow.js';
export { RULE as NODE_RED_RULE } from './profile.js';
export { environment } from './settings.js';
export type { NodeRedNode } from './nodes.js';
