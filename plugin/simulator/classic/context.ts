import type { Account } from '../store/records.js';
import type { ApiResult } from '../types.js';

/** One call into the classic API: a real request or a batch item. */
export interface ClassicCall {
  method: string;
  /** Path below `/api/v2`, still percent-encoded. */
  path: string;
  query: URLSearchParams;
  body: unknown;
}

/** What a classic handler gets. */
export interface ClassicContext extends ClassicCall {
  account: Account;
  dispatch: (call: ClassicCall) => ApiResult;
}
