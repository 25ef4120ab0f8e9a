export { send, DEFAULT_TIMEOUT_MS, type FetchLike, type SendOptions, type Sent } from './send.js';
export { readResponse, type ResponseRecord } from './response.js';
export { retryAfterMs } from './retry-after.js';
