import { describeUnread, type UnreadColumn } from './columns.js';
import type { Plan, Strategy } from './plan.js';
import type { RunSummary, SyncReport } from './report.js';
import type { InputScan } from './scan.js';
import type { GroupRef, RowWarning } from './types.js';

/**
 * A whole number with thousands separators.
 *
 * @example
 * int(12345.4) // '12,345'
 */
export const int = (n: number): string => Math.round(n).toLocaleString('en-US');

/** `1 invalid row`, `2 invalid rows`. */
const count = (n: number, one: string, many = `${one}s`): string => `${int(n)} ${n === 1 ? one : many}`;

const KIND: Record<SyncReport['problems'][number]['kind'], string> = {
  invalid_row: 'invalid row',
  cannot_resubscribe: 'cannot re-subscribe',
  invalid: 'refused',
  failed: 'failed',
  not_sent: 'not sent',
};

/**
 * A duration for people: `850 ms`, `42 s`, `3 min 05 s`, `1 h 02 min`.
 *
 * @example
 * duration(185_000) // '3 min 05 s'
 */
export function duration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
  return `${Math.floor(s / 3600)} h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')} min`;
}

const groupText = (group: GroupRef): string => (group.name ? `"${group.name}" (${group.id})` : `${group.id}`);

/** A warning as a terminal line: `line 7 john@example.com: warning: phone left out: ...`. */
const warningLine = (w: RowWarning): string => `  line ${w.line} ${w.email}: warning: ${w.message}`;

/** The first warnings, and how many more there are. */
function warningLines(shown: readonly RowWarning[], total: number, where: string): string[] {
  const more = total - shown.length;
  return [...shown.map(warningLine), ...(more > 0 ? [`  … and ${count(more, 'more warning')} ${where}`] : [])];
}

/**
 * The columns a run leaves out, as lines (none when it reads them all).
 *
 * @example
 * unreadLines([{ column: 'WhatsApp', field: 'phone', option: '--map WhatsApp=phone' }]) // ['  not read        "WhatsApp" (--map WhatsApp=phone)']
 */
export function unreadLines(unread: readonly UnreadColumn[]): string[] {
  return unread.length === 0 ? [] : [`  not read        ${describeUnread(unread)}`];
}

/**
 * The `--dry-run` plan, as lines: counts, columns not read, requests and time, then the
 * first warnings with their lines.
 *
 * @example
 * planLines(scan, plan, strategy, group, 0, 60_000).join('\n')
 */
export function planLines(input: InputScan, plan: Plan, strategy: Strategy, group: GroupRef, settled: number, minuteMs: number): string[] {
  const real = minuteMs === 60_000;
  const per = (what: string): string => (real ? `${what}/min` : `${what} per ${int(minuteMs)} ms`);
  const each = strategy.filler ? `${strategy.contactsPerBatch} contacts + 1 read-only item` : `${strategy.contactsPerBatch} contacts`;
  return [
    `sync plan for ${input.file} (${input.format === 'csv' ? 'CSV' : 'JSON Lines'}, sha256 ${input.sha256.slice(0, 12)}…)`,
    `  rows            ${int(input.rows)}`,
    `  contacts        ${int(input.contacts)} unique (${count(input.merged, 'duplicate row')} merged)`,
    `  invalid rows    ${int(input.invalidRows)} (never sent; listed in the report)`,
    ...(input.warnings > 0 ? [`  warnings        ${int(input.warnings)} (a value left out; the contact still goes)`] : []),
    ...unreadLines(input.unread),
    ...(settled > 0 ? [`  already done    ${int(settled)} (recorded in the journal)`] : []),
    `  to send         ${int(plan.toSend)} to group ${groupText(group)}, ${strategy.api} API`,
    `  requests        ${int(plan.batches)} × POST /batch (up to ${each} each)${plan.lookups ? ` + ${plan.lookups} group lookup` : ''}`,
    `  estimated time  ${duration(plan.estimatedMs)} at ${per(`${strategy.requestsPerMinute} requests`)}${real ? '' : ' (a simulated minute)'}: ` +
      `${per(`${int(plan.boundPerMinute)} contacts`)} (one request per contact: ${real ? `${plan.oneByOnePerMinute}/min` : plan.oneByOnePerMinute})`,
    ...warningLines(input.firstWarnings, input.warnings, 'in the report (--report FILE)'),
  ];
}

/**
 * The closing summary of a run, as lines: counts, speed, the first problems and the first
 * warnings, each with its line.
 *
 * @example
 * summaryLines(summary, true).join('\n')
 */
export function summaryLines(summary: RunSummary, reported: boolean): string[] {
  const report = summary.head;
  const c = report.counts;
  // A rate means something once the pacing shows, not for a batch or two.
  const minute = report.requests.batches >= 10 ? `${int(report.contactsPerMinute)} contacts/${report.minuteMs === 60_000 ? 'min' : `${int(report.minuteMs)} ms`}` : '';
  const lines = [
    `sync ${report.file} → group ${groupText(report.group)} (${report.api} API, ${report.target})`,
    `  ${count(c.rows, 'row')}: ${count(c.contacts, 'contact')}, ${count(c.duplicateRows, 'duplicate row')} merged, ${count(c.invalidRows, 'invalid row')}`,
    ...unreadLines(report.unreadColumns),
    `  created ${int(c.created)} · updated ${int(c.updated)} · cannot re-subscribe ${int(c.cannotResubscribe)} · invalid ${int(c.invalid)} · failed ${int(c.failed)}` +
      (c.notSent ? ` · not sent ${int(c.notSent)}` : '') +
      (c.fromJournal ? ` (${int(c.fromJournal)} from the journal)` : ''),
    `  ${count(report.requests.batches, 'batch request')}, ${count(report.requests.retriedAttempts, 'contact retry', 'contact retries')}, ` +
      `${count(report.requests.rateLimited, 'rate-limited answer')}, ${duration(report.durationMs)}${minute ? `: ${minute}` : ''}`,
  ];
  const where = reported ? 'in the report' : 'listed by --report FILE';
  for (const p of summary.problems) {
    lines.push(`  line ${p.line}${p.email ? ` ${p.email}` : ''}: ${KIND[p.kind]}: ${p.reason}`);
  }
  const more = summary.problemCount - summary.problems.length;
  if (more > 0) lines.push(`  … and ${count(more, 'more problem')} ${where}`);
  lines.push(...warningLines(summary.warnings, summary.warningCount, where));
  return lines;
}
