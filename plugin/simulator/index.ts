/**
 * The MailerLite simulator: both APIs (new under `/api`, classic under `/api/v2`) in
 * memory, seedable, with rate limits, fault injection and a request journal.
 * See docs/simulator.md.
 */
export { createSimulator, type SimOutcome, type SimulatorCore, type SimulatorOptions } from './app.js';
export { startSimulator, type Simulator, type StartOptions } from './server.js';
export { serveSimulatorCommand, type ServeOptions } from './serve.js';
export { createFetch, type FetchLike } from './fetch.js';
export { parseFault, type ActiveFault, type FaultKind, type FaultSpec } from './faults.js';
export type { JournalEntry } from './journal.js';
export { DEFAULT_RATE_LIMITS, type RateLimits } from './rate-limit.js';
export type { SimulatorState } from './state.js';
export type { SeedInput } from './seed-input.js';
export { DEFAULT_SEED, SCENARIOS, type Scenario, type ScenarioName } from './seed/scenarios.js';
export { assertSeed, checkSeed, loadSeedFile, SeedError, type SeedCheck } from './seed/validate.js';
export type * from './seed/types.js';
export { DEFAULT_SIM_KEYS, type ApiFlavor, type SimKeys, type SimRequest, type SimResponse, type SubscriberStatus } from './types.js';
