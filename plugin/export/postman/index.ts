/** The Postman/newman export: one collection v2.1 per flow (see README "Use it with Postman or newman"). */
export { exportPostman, type PostmanExportOptions, type PostmanFile } from './export.js';
export { PostmanExportError } from './problems.js';
export { RESULT_VARIABLES } from './collection.js';
export type { PostmanCollection } from './postman.js';
