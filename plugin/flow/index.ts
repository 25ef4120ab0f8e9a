export { runFlow, type FlowEnvironment, type Question } from './run.js';
export type { FlowResult, FlowEnd, FlowVisit } from './result.js';
