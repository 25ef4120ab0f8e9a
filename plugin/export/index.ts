export { exportForBuilder, resolveUnits, type ExportOptions } from './export.js';
export { runExport, DEFAULT_EXPORT_DIR, type RunExportOptions, type ExportIo } from './command.js';
export { exportStep, stepForm, type StepForm } from './step.js';
export { settingVariables, settingsRead } from './settings.js';
export { exportFlow } from './flow.js';
export { stepPage, flowPage } from './markdown.js';
export { convertTemplate, joinPieces, secretPlaceholder, type ExportScope, type Piece } from './placeholders.js';
export * from './types.js';
