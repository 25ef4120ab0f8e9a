import type { ApiVersion } from '../catalog.js';
import type { LoadedInput } from './load.js';
import type { GroupRef, ItemResult } from './types.js';

/** One contact or row that did not end in the group, with where it is and why. */
export interface Problem {
  /** First line of the row or contact. */
  line: number;
  /** Every line, for a contact that appeared more than once. */
  lines?: number[];
  email?: string;
  kind: 'invalid_row' | 'cannot_resubscribe' | 'invalid' | 'failed' | 'not_sent';
  status?: number;
  reason: string;
}

/** The JSON report (`--report FILE`): counts, and every non-success with its line and reason. */
export interface SyncReport {
  file: string;
  sha256: string;
  api: ApiVersion;
  group: GroupRef;
  /** Where requests went (never holds the key). */
  target: string;
  dryRun: boolean;
  journal?: string;
  startedAt: string;
  durationMs: number;
  /** Length of the rate-limit minute the run was paced by (60000 against MailerLite). */
  minuteMs: number;
  /** Why the run stopped early (the key was refused, the group does not exist), when it did. */
  fatal?: string;
  counts: {
    rows: number;
    contacts: number;
    duplicateRows: number;
    invalidRows: number;
    created: number;
    updated: number;
    cannotResubscribe: number;
    invalid: number;
    failed: number;
    /** Not sent because the run stopped (key refused). */
    notSent: number;
    /** Of the above, settled by an earlier run recorded in the journal. */
    fromJournal: number;
  };
  requests: { batches: number; retriedAttempts: number; rateLimited: number };
  /**
   * Contacts settled in this run per rate-limit minute, over the run's time plus the first
   * batch's pacing slot (it goes at once, so N batches take N-1 intervals to start).
   */
  contactsPerMinute: number;
  problems: Problem[];
  warnings: Array<{ line: number; email: string; message: string }>;
  duplicates: Array<{ email: string; lines: number[] }>;
}

/** What a run produced, for the report. */
export interface RunFacts {
  input: LoadedInput;
  api: ApiVersion;
  group: GroupRef;
  target: string;
  journal: string | undefined;
  startedAt: Date;
  durationMs: number;
  minuteMs: number;
  /** The pacing interval (minute / limit): the first batch's slot, counted in the rate. */
  slotMs: number;
  /** Final results by email (earlier runs' included). */
  results: Map<string, ItemResult>;
  fromJournal: number;
  settledThisRun: number;
  requests: { batches: number; retriedAttempts: number; rateLimited: number };
  /** A `--dry-run`: nothing was sent, so unsent contacts are not problems. */
  dryRun?: boolean;
  fatal?: string;
}

/**
 * Builds the report: counts per outcome over every contact of the file, and the problems
 * sorted by line (invalid rows, contacts MailerLite refused or that failed, contacts not sent).
 *
 * @example
 * const report = buildReport(facts); report.counts.created; report.problems[0] // { line: 7, kind: 'invalid_row', reason: 'email: ...' }
 */
export function buildReport(facts: RunFacts): SyncReport {
  const { input, results } = facts;
  const counts = { created: 0, updated: 0, cannotResubscribe: 0, invalid: 0, failed: 0, notSent: 0 };
  const problems: Problem[] = input.invalid.map((row) => ({ line: row.line, kind: 'invalid_row', reason: row.reason }));
  for (const contact of input.contacts) {
    const result = results.get(contact.email);
    const where = { line: contact.line, ...(contact.lines.length > 1 ? { lines: contact.lines } : {}), email: contact.email };
    if (!result) {
      if (facts.dryRun) continue;
      counts.notSent += 1;
      problems.push({ ...where, kind: 'not_sent', reason: 'not sent: the run stopped before this contact (resume with --journal)' });
      continue;
    }
    const status = result.status === undefined ? {} : { status: result.status };
    switch (result.outcome) {
      case 'created':
      case 'updated':
        counts[result.outcome] += 1;
        break;
      case 'cannot_resubscribe':
        counts.cannotResubscribe += 1;
        problems.push({ ...where, kind: 'cannot_resubscribe', ...status, reason: result.message ?? 'unsubscribed earlier; the API cannot re-subscribe it' });
        break;
      default:
        counts[result.outcome === 'invalid' ? 'invalid' : 'failed'] += 1;
        problems.push({ ...where, kind: result.outcome === 'invalid' ? 'invalid' : 'failed', ...status, reason: result.message ?? `HTTP ${result.status}` });
    }
  }
  problems.sort((a, b) => a.line - b.line);
  const minutes = (facts.durationMs + facts.slotMs) / facts.minuteMs;
  return {
    file: input.file,
    sha256: input.sha256,
    api: facts.api,
    group: facts.group,
    target: facts.target,
    dryRun: facts.dryRun ?? false,
    ...(facts.journal ? { journal: facts.journal } : {}),
    startedAt: facts.startedAt.toISOString(),
    durationMs: Math.round(facts.durationMs),
    minuteMs: facts.minuteMs,
    ...(facts.fatal ? { fatal: facts.fatal } : {}),
    counts: { rows: input.rows, contacts: input.contacts.length, duplicateRows: input.merged, invalidRows: input.invalid.length, ...counts, fromJournal: facts.fromJournal },
    requests: facts.requests,
    contactsPerMinute: minutes > 0 ? Math.round(facts.settledThisRun / minutes) : 0,
    problems,
    warnings: input.contacts.flatMap((c) => c.warnings.map((message) => ({ line: c.line, email: c.email, message }))),
    duplicates: input.duplicates,
  };
}

/**
 * The exit status a report means: 2 when the run stopped on a refused key, 1 when some
 * contacts failed for good or were not sent, else 0 (skips and invalid rows are reported, not failures).
 *
 * @example
 * exitCodeOf(report) // 0
 */
export function exitCodeOf(report: SyncReport): 0 | 1 | 2 {
  if (report.fatal) return 2;
  return report.counts.failed > 0 || report.counts.notSent > 0 ? 1 : 0;
}
