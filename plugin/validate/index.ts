/**
 * `mailerlite-steps validate`: JSON Schemas first, then small named semantic rules, over
 * a plugin folder (manifest.json, templates/steps/**, templates/flows/**). Everything
 * wrong in the folder comes back as a located Problem; nothing is thrown.
 *
 * @example
 * import { validateTree, runValidate } from './plugin/validate/index.js';
 * const { ok, problems } = await validateTree('.');
 * process.exitCode = await runValidate('.', { json: false }, { stdout: process.stdout, stderr: process.stderr });
 */
export { validateTree, type ValidationResult, type ValidateTreeOptions } from './validate-tree.js';
export { scanSecrets, type SecretScan } from './secrets.js';
export { RefusedError, refusalOf, isSecretProblem, redactProblem, type Refusal } from './refusal.js';
export { runValidate, summary, type ValidateOptions, type ValidateOutput } from './command.js';
export { loadPlugin, type Checked, type LoadedPlugin } from './load-tree.js';
export { RULES } from './rules/index.js';
export type { PluginData, ListedFile, Rule } from './plugin-data.js';
export { checkSchema } from './schema.js';
