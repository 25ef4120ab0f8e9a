import type { Account } from '../store/records.js';
import type { ApiResult } from '../types.js';

/** One call into the new API: a real request or an item of a batch. */
export interface NewApiCall {
  method: string;
  /** Path below `/api`, still percent-encoded, e.g. `/subscribers/priya%40example.com`. */
  path: string;
  query: URLSearchParams;
  body: unknown;
}

/** What a new-API handler gets. */
export interface NewApiContext extends NewApiCall {
  account: Account;
  /** `http://host:port`, for the links in list responses. */
  origin: string;
  /** Run another call against the same account (used by `/batch`). */
  dispatch: (call: NewApiCall) => ApiResult;
}
