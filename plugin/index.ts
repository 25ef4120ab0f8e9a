/**
 * mailerlite-steps: ready-made MailerLite External API Request steps and flows for
 * WhatsApp bot builders, the engine that runs them, a local MailerLite simulator, and the
 * tools that validate, pack and export the plugin. This module only re-exports.
 *
 * @example
 * import { loadCatalog, runFlow, startSimulator } from 'mailerlite-steps';
 * const sim = await startSimulator({ port: 0 });
 * const catalog = loadCatalog();
 * const result = await runFlow(catalog.flow('whatsapp.join', 'new')!, { customer_email: 'priya@example.com', customer_name: 'Priya Sharma' },
 *   { template: catalog.template, settings: catalog.settings({ group_id: '123456789' }), secrets: { api_key: sim.keys.new }, baseUrl: sim.url, fetch });
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

// The simulator
export { startSimulator, DEFAULT_SIM_KEYS, type Simulator, type StartOptions, type SimKeys } from './simulator/index.js';

// Tools: validate, pack, export
export { validateTree, type ValidationResult } from './validate/validate-tree.js';
export type { Problem } from './declarations/problem.js';
export { packBundle, PackRefusedError, type PackOptions, type PackResult } from './pack/index.js';
export { exportForBuilder, type ExportOptions, type StepExport, type FlowExport } from './export/index.js';

// Errors
export { MailerliteStepsError, TemplateSyntaxError, MissingInputError, DeclarationError, FlowLoopError, UsageError } from './errors.js';
