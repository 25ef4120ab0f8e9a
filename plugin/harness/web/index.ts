export { startWebServer, DEFAULT_PORT, type WebServer, type WebServerOptions } from './server.js';
export { runServe, type ServeIo } from './serve.js';
export { createHandler, type HandlerOptions } from './handler.js';
export { createApi, type ApiAnswer, type TargetView } from './api.js';
export type { CatalogView, FlowView, TemplateView, OutcomeView } from './catalog-view.js';
export type { PreviewView } from './preview.js';
export type { RunRequest } from './request-body.js';
export type { SimStatus } from './sim-control.js';
export type { ApiErrorBody, ApiErrorKind, InputProblem } from './http-io.js';
