/**
 * Bulk sync: every existing WhatsApp opt-in from a CSV or JSON Lines file into the
 * MailerLite group, through `POST /batch`, paced by the rate limits, journaled and
 * resumable. See docs/sync.md and docs/decisions/004-sync-strategy.md.
 */
export { runSync, type SyncIo } from './command.js';
export { checkOptions, parseFieldMap, type FieldMap, type SyncOptions } from './options.js';
export { scanInput, type InputScan } from './scan.js';
export { walkInput, type WalkItem } from './walk.js';
export { openInput, type InputRows } from './read-input.js';
export { unreadColumns, type UnreadColumn } from './columns.js';
export { normaliseDateTime, normalisePhone, normaliseRow } from './normalise.js';
export { Duplicates } from './duplicates.js';
export { Outcomes, type ContactResult } from './outcomes.js';
export { chunk, MAX_BATCH_ITEMS, planSync, strategyFor, type Plan, type Strategy } from './plan.js';
export { batchRequests, FILLER_ITEM, UPSERT_TEMPLATE, type BatchRequests } from './requests.js';
export { classifyItem, type ItemAnswer } from './outcome.js';
export { Pacer, realClock, waitMs, type Clock } from './pace.js';
export { sendBatch, type BatchAnswer } from './send-batch.js';
export { JournalWriter, readJournal, type JournalLine, type JournalState, type SettledResult } from './journal.js';
export { acquireJournalLock, lockFileOf, type JournalLock, type LockHolder } from './lock.js';
export { resumeCommand } from './resume-command.js';
export { exitCodeOf, finishReport, reportHead, type Problem, type ReportHead, type RunSummary, type SyncCounts, type SyncReport } from './report.js';
export { resolveGroup } from './group.js';
export type { Contact, FinalOutcome, GroupRef, InvalidRow, ItemOutcome, ItemResult, RowWarning } from './types.js';
