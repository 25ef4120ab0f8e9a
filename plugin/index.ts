/**
 * mailerlite-steps: ready-made MailerLite External API Request steps and flows for
 * WhatsApp bot builders, the engine that runs them, a local MailerLite simulator, and the
 * tools that validate, pack and export the plugin. This module only re-exports, from
 * modules whose declarations need no `@types/node`.
 *
 * @example
 * import { defaultEnvironment, loadCatalog, runFlow, startSimulator } from 'mailerlite-steps';
 * const sim = await startSimulator();
 * const env = defaultEnvironment({ baseUrl: sim.url, secrets: { api_key: sim.keys.new }, settings: { group_id: '123456789' } });
 * const result = await runFlow(loadCatalog().flow('whatsapp.join', 'new')!, { customer_email: 'priya@example.com', customer_name: 'Priya Sharma' }, env);
 * result.replies // ['You are now subscribed, Priya! You will receive our newsletter at priya@example.com.']
 * await sim.close();
 */

// Declarations
export { loadCatalog, type Catalog, type ApiVersion } from './catalog.js';
export type { JsonValue, JsonObject } from './json.js';
export type { Manifest, Apis, ApiDeclaration, VariableDeclaration, SecretDeclaration } from './generated/manifest.js';
export type { StepTemplate, RequestTemplate, OutputMapping, OutcomeRule, MatchRule, FallbackRule, OutcomeCondition, RetryPolicy } from './generated/step-template.js';
export type { Flow, FlowNode, StepNode, ReplyNode, AskNode, EndNode, Trigger } from './generated/flow.js';
export type { PluginBundle, ManifestEntry, TemplateEntry, FlowEntry } from './generated/bundle.js';

// Running steps and flows
export { buildRequest, type BuiltRequest, type OutgoingRequest, type ShownRequest, type RenderContext } from './request/index.js';
export { runStep, type StepEnvironment } from './step/run.js';
export { prepareStep, type PreparedStep } from './step/prepare.js';
export type { StepResult, StepError } from './step/result.js';
export { runFlow, type FlowEnvironment, type FlowResult, type FlowEnd, type FlowVisit } from './flow/index.js';
export { defaultEnvironment, type EnvVars } from './defaults.js';

// The simulator
export { startSimulator, type Simulator, type StartOptions } from './simulator/server.js';
export { DEFAULT_SIM_KEYS, type SimKeys } from './simulator/types.js';

// Tools: validate, pack, export
export { validateTree, type ValidationResult } from './validate/validate-tree.js';
export type { Problem } from './declarations/problem.js';
export { packBundle, type PackOptions, type PackResult } from './pack/pack.js';
export { PackRefusedError } from './pack/refused.js';
export { exportForBuilder, type ExportOptions } from './export/export.js';
export type { StepExport, FlowExport } from './export/types.js';

// Errors
export { MailerliteStepsError, TemplateSyntaxError, MissingInputError, DeclarationError, FlowLoopError, UsageError } from './errors.js';
