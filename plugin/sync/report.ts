import type { ApiVersion } from '../catalog.js';
import type { UnreadColumn } from './columns.js';
import type { SettledResult } from './journal.js';
import type { FieldMap } from './options.js';
import type { ContactResult, Outcomes } from './outcomes.js';
import { ReportWriter } from './report-writer.js';
import type { InputScan } from './scan.js';
import type { GroupRef, RowWarning } from './types.js';
import { walkInput } from './walk.js';

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

/** The counts of a run, over every row and contact of the file. */
export interface SyncCounts {
  rows: number;
  contacts: number;
  duplicateRows: number;
  invalidRows: number;
  created: number;
  updated: number;
  cannotResubscribe: number;
  invalid: number;
  failed: number;
  /** Not sent because the run stopped (key refused, Ctrl-C). */
  notSent: number;
  /** Of the above, settled by an earlier run recorded in the journal. */
  fromJournal: number;
}

/**
 * The JSON report (`--report FILE`): counts, and every non-success with its line and
 * reason. Written row by row as the file is read again in line order, so a report of a
 * million rows is never held in memory.
 */
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
  /** True when Ctrl-C stopped the run (resume it with the same --journal). */
  interrupted?: boolean;
  counts: SyncCounts;
  requests: { batches: number; retriedAttempts: number; rateLimited: number };
  /**
   * Contacts settled in this run per rate-limit minute, over the run's time plus the first
   * batch's pacing slot (it goes at once, so N batches take N-1 intervals to start).
   */
  contactsPerMinute: number;
  /** Columns (keys) the sync did not read, each with the `--map` that would read it. */
  unreadColumns: UnreadColumn[];
  /** In line order. */
  problems: Problem[];
  /** Values left out of a row (the contact still went), each on its own row's line, in line order. */
  warnings: RowWarning[];
  duplicates: Array<{ email: string; lines: number[] }>;
}

/** Everything of a report but its lists. */
export type ReportHead = Omit<SyncReport, 'problems' | 'warnings' | 'duplicates'>;

/** What a run produced, for the report. */
export interface RunFacts {
  scan: InputScan;
  api: ApiVersion;
  group: GroupRef;
  target: string;
  journal: string | undefined;
  startedAt: Date;
  durationMs: number;
  minuteMs: number;
  /** The pacing interval (minute / limit): the first batch's slot, counted in the rate. */
  slotMs: number;
  /** This run's answers, by contact number (none for a dry run). */
  outcomes: Outcomes | undefined;
  /** Answers an earlier run recorded in the journal, by email. */
  earlier: ReadonlyMap<string, SettledResult> | undefined;
  settledThisRun: number;
  requests: { batches: number; retriedAttempts: number; rateLimited: number };
  /** A `--dry-run`: nothing was sent, so unsent contacts are not problems. */
  dryRun?: boolean;
  fatal?: string;
  interrupted?: boolean;
}

/**
 * The counts and figures of a run.
 *
 * @example
 * reportHead(facts).counts // { rows: 6, contacts: 4, created: 3, ... }
 */
export function reportHead(facts: RunFacts): ReportHead {
  const { scan } = facts;
  const tally = { created: 0, updated: 0, cannot_resubscribe: 0, invalid: 0, failed: 0, ...facts.outcomes?.counts };
  for (const result of facts.earlier?.values() ?? []) tally[result.outcome] += 1;
  const answered = tally.created + tally.updated + tally.cannot_resubscribe + tally.invalid + tally.failed;
  const minutes = (facts.durationMs + facts.slotMs) / facts.minuteMs;
  return {
    file: scan.file,
    sha256: scan.sha256,
    api: facts.api,
    group: facts.group,
    target: facts.target,
    dryRun: facts.dryRun ?? false,
    ...(facts.journal ? { journal: facts.journal } : {}),
    startedAt: facts.startedAt.toISOString(),
    durationMs: Math.round(facts.durationMs),
    minuteMs: facts.minuteMs,
    ...(facts.fatal ? { fatal: facts.fatal } : {}),
    ...(facts.interrupted ? { interrupted: true } : {}),
    counts: {
      rows: scan.rows,
      contacts: scan.contacts,
      duplicateRows: scan.merged,
      invalidRows: scan.invalidRows,
      created: tally.created,
      updated: tally.updated,
      cannotResubscribe: tally.cannot_resubscribe,
      invalid: tally.invalid,
      failed: tally.failed,
      notSent: facts.dryRun ? 0 : scan.contacts - answered,
      fromJournal: facts.earlier?.size ?? 0,
    },
    requests: facts.requests,
    contactsPerMinute: minutes > 0 ? Math.round(facts.settledThisRun / minutes) : 0,
    unreadColumns: scan.unread,
  };
}

/** A report's head with the first problems and warnings, for the terminal. */
export interface RunSummary {
  head: ReportHead;
  /** The first problems, in line order, and how many there are. */
  problems: Problem[];
  problemCount: number;
  /** The first warnings, in line order, and how many there are. */
  warnings: RowWarning[];
  warningCount: number;
}

/**
 * Reads the file again in line order and, for each row, its problem (an invalid row, a
 * contact MailerLite refused, that failed or was not sent) and its warnings: all of them
 * into the JSON report when `reportFile` is given (written as it goes, then renamed into
 * place), the first `shown` for the terminal. Without a report the read stops once those
 * are found.
 *
 * @example
 * const summary = await finishReport(facts, map, 'report.json'); summary.problems[0] // { line: 7, kind: 'invalid_row', reason: 'email: ...' }
 */
export async function finishReport(facts: RunFacts, map: FieldMap, reportFile: string | undefined, shown = 10): Promise<RunSummary> {
  const head = reportHead(facts);
  const c = head.counts;
  const summary: RunSummary = {
    head,
    problems: [],
    problemCount: c.invalidRows + c.cannotResubscribe + c.invalid + c.failed + c.notSent,
    warnings: [],
    warningCount: facts.scan.warnings,
  };
  const writer = reportFile ? await ReportWriter.open(reportFile, head) : undefined;
  try {
    const enough = () => summary.problems.length >= Math.min(shown, summary.problemCount) && summary.warnings.length >= Math.min(shown, summary.warningCount);
    if (writer || !enough()) {
      walk: for await (const items of walkInput(facts.scan, map)) {
        for (const item of items) {
          const problem =
            item.kind === 'invalid'
              ? { line: item.invalid.line, kind: 'invalid_row' as const, reason: item.invalid.reason }
              : item.kind === 'contact'
                ? problemOf(facts, item.index, item.contact.email, item.contact.line)
                : undefined;
          if (problem) {
            if (summary.problems.length < shown) summary.problems.push(problem);
            await writer?.problem(problem);
          }
          for (const warning of item.kind === 'invalid' ? [] : item.warnings) {
            if (summary.warnings.length < shown) summary.warnings.push(warning);
            await writer?.warning(warning);
          }
          if (!writer && enough()) break walk;
        }
      }
    }
    await writer?.finish(facts.scan.duplicates.list());
  } finally {
    await writer?.discard();
  }
  return summary;
}

function problemOf(facts: RunFacts, index: number, email: string, line: number): Problem | undefined {
  const result: ContactResult | SettledResult | undefined = facts.outcomes?.get(index) ?? facts.earlier?.get(email);
  const lines = facts.scan.duplicates.lines(email);
  const where = { line, ...(lines && lines.length > 1 ? { lines } : {}), email };
  if (!result) return facts.dryRun ? undefined : { ...where, kind: 'not_sent', reason: 'not sent: the run stopped before this contact (resume with --journal)' };
  const status = result.status === undefined ? {} : { status: result.status };
  switch (result.outcome) {
    case 'created':
    case 'updated':
      return undefined;
    case 'cannot_resubscribe':
      return { ...where, kind: 'cannot_resubscribe', ...status, reason: result.message ?? 'unsubscribed earlier; the API cannot re-subscribe it' };
    default:
      return { ...where, kind: result.outcome, ...status, reason: result.message ?? `HTTP ${result.status}` };
  }
}

/**
 * The exit status a report means: 2 when the run stopped on a refused key, 130 when
 * Ctrl-C stopped it, 1 when some contacts failed for good or were not sent, else 0
 * (skips and invalid rows are reported, not failures).
 *
 * @example
 * exitCodeOf(report) // 0
 */
export function exitCodeOf(report: Pick<SyncReport, 'fatal' | 'interrupted' | 'counts'>): 0 | 1 | 2 | 130 {
  if (report.fatal) return 2;
  if (report.interrupted) return 130;
  return report.counts.failed > 0 || report.counts.notSent > 0 ? 1 : 0;
}
