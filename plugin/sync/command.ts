import { existsSync } from 'node:fs';
import { loadCatalog, type ApiVersion } from '../catalog.js';
import { MailerliteStepsError, UsageError } from '../errors.js';
import { redactingFetch, targetSecrets } from '../redact.js';
import { openTarget } from '../target.js';
import { executeSync, targetKey } from './execute.js';
import { resolveGroup } from './group.js';
import { listenForInterrupt } from './interrupt.js';
import { readJournal, type JournalState } from './journal.js';
import { acquireJournalLock } from './lock.js';
import { checkOptions, parseFieldMap, type FieldMap, type SyncOptions } from './options.js';
import { planSync, strategyFor } from './plan.js';
import { exitCodeOf, finishReport, type RunFacts } from './report.js';
import { ReportWriter } from './report-writer.js';
import { batchRequests } from './requests.js';
import { resumeCommand } from './resume-command.js';
import { Interrupted, scanInput } from './scan.js';
import { planLines, summaryLines } from './summary.js';

/** The streams a sync writes to: summary on stdout, progress and notes on stderr. */
export interface SyncIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  /** Draw a progress bar (else plain progress lines). */
  isTTY: boolean;
}

/**
 * `mailerlite-steps sync <file> --group <id|name>`: brings every contact of a CSV or JSON
 * Lines file into a MailerLite group through `POST /batch`, paced by the rate limits,
 * journaled so a killed run resumes with `--journal FILE`. The file is streamed (read
 * once to plan, once to send, once to report), so memory does not grow with it. One run
 * at a time holds a journal (`<journal>.lock`). Ctrl-C stops cleanly and prints the
 * command that resumes. Exit status: 0 all done (skipped and invalid rows are reported,
 * not failures), 1 some contacts failed for good or were not sent, 2 usage or input
 * errors (bad flags, unreadable file, journal of another file or held by another run,
 * refused key), 130 stopped by Ctrl-C.
 *
 * @example
 * const code = await runSync({ file: 'optins.csv', group: 'WhatsApp Opt-Ins', journal: 'optins.journal.jsonl' },
 *   { stdout: process.stdout, stderr: process.stderr, isTTY: Boolean(process.stderr.isTTY) });
 */
export async function runSync(options: SyncOptions, io: SyncIo): Promise<number> {
  try {
    return await sync(options, io);
  } catch (error) {
    if (error instanceof Interrupted) {
      io.stderr.write('sync: stopped (Ctrl-C) before anything was sent\n');
      return 130;
    }
    if (!(error instanceof MailerliteStepsError)) throw error;
    io.stderr.write(`mailerlite-steps: ${error.message}\n`);
    return 2;
  }
}

async function sync(options: SyncOptions, io: SyncIo): Promise<number> {
  const startedAt = new Date();
  checkOptions(options);
  const api = options.api ?? 'new';
  const map = parseFieldMap(options.map);
  if (options.dryRun) return dryRun(options, io, { startedAt, api, map });
  const journalFile = options.journal ?? defaultJournal(options.file, startedAt);
  if (options.report) await ReportWriter.check(options.report);
  const lock = acquireJournalLock(journalFile, startedAt);
  const resume = resumeCommand(options, journalFile);
  const interrupt = listenForInterrupt(
    () => io.stderr.write('\nsync: stopping (Ctrl-C): no new batch goes out; waiting for those in flight (Ctrl-C again stops at once)\n'),
    () => {
      io.stderr.write(`\nsync: stopped at once; the batches in flight are sent again on resume${resume ? `. Resume with:\n  ${resume}` : ''}\n`);
      lock.release();
    },
  );
  try {
    const scan = await scanInput(options.file, map, { interrupted: () => interrupt.signal.aborted });
    const earlier = existsSync(journalFile) ? await readJournal(journalFile, { repair: true }) : undefined;
    const { catalog, target, secrets, group } = await connect(options, api, scan.sha256, earlier, journalFile);
    try {
      if (interrupt.signal.aborted) throw new Interrupted();
      const minuteMs = options.windowMs ?? target.simulator?.minuteMs ?? 60_000;
      const strategy = strategyFor(api);
      const requests = batchRequests(catalog, strategy, group.id, secrets, target.baseUrl);
      io.stderr.write(`sync: ${target.description}; journal ${journalFile}${earlier ? ' (resuming)' : ''}\n`);
      if (earlier && earlier.inFlight.size > 0) {
        io.stderr.write(`sync: ${earlier.inFlight.size} contacts were in flight when the last run stopped; sending them again (the upsert is idempotent)\n`);
      }
      const facts = await executeSync({ options, io, scan, map, api, group, target, requests, strategy, minuteMs, journalFile, earlier, startedAt, stop: interrupt.signal });
      return await finish(facts, options, io, map, resume);
    } finally {
      await target.close();
    }
  } finally {
    interrupt.dispose();
    lock.release();
  }
}

/** `--dry-run`: reads the file and the journal (without taking or repairing it), looks the group up, prints the plan. */
async function dryRun(options: SyncOptions, io: SyncIo, { startedAt, api, map }: { startedAt: Date; api: ApiVersion; map: FieldMap }): Promise<number> {
  if (options.report) await ReportWriter.check(options.report);
  const scan = await scanInput(options.file, map);
  const journalFile = options.journal;
  const earlier = journalFile && existsSync(journalFile) ? await readJournal(journalFile) : undefined;
  const { target, group, lookups } = await connect(options, api, scan.sha256, earlier, journalFile);
  try {
    const minuteMs = options.windowMs ?? target.simulator?.minuteMs ?? 60_000;
    const strategy = strategyFor(api);
    const settled = earlier?.settled.size ?? 0;
    const plan = planSync(scan.contacts - settled, strategy, lookups, minuteMs);
    io.stdout.write([...planLines(scan, plan, strategy, group, settled, minuteMs), '  nothing was sent (--dry-run)'].join('\n') + '\n');
    if (options.report) {
      const facts: RunFacts = {
        scan,
        api,
        group,
        target: target.description,
        journal: journalFile,
        startedAt,
        durationMs: 0,
        minuteMs,
        slotMs: 0,
        outcomes: undefined,
        earlier: earlier?.settled,
        settledThisRun: 0,
        requests: { batches: 0, retriedAttempts: 0, rateLimited: 0 },
        dryRun: true,
      };
      await finishReport(facts, map, options.report);
    }
    return 0;
  } finally {
    await target.close();
  }
}

/**
 * Opens the target and resolves the group, checking on the way that a journal being
 * resumed records the same file, API version, target and group.
 */
async function connect(options: SyncOptions, api: ApiVersion, sha256: string, earlier: JournalState | undefined, journalFile: string | undefined) {
  if (earlier) checkJournal(earlier, journalFile!, { sha256, api });
  const catalog = loadCatalog();
  const target = await openTarget({
    ...(options.target ? { target: options.target } : {}),
    ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
    ...(options.seed === undefined ? {} : { seed: options.seed }),
    ...(options.env ? { env: options.env } : {}),
  });
  try {
    if (earlier) checkJournal(earlier, journalFile!, { target: targetKey(target) });
    const secrets = target.secrets(api);
    const { lookups, ...group } = await resolveGroup(options.group, { catalog, api, fetch: redactingFetch(target.fetch, targetSecrets(target)), secrets, baseUrl: target.baseUrl });
    if (earlier) checkJournal(earlier, journalFile!, { group: group.id });
    return { catalog, target, secrets, group, lookups };
  } catch (error) {
    await target.close();
    throw error;
  }
}

/** Writes the report, prints the summary, and says how to resume a run that did not finish. */
async function finish(facts: RunFacts, options: SyncOptions, io: SyncIo, map: FieldMap, resume: string | undefined): Promise<number> {
  const summary = await finishReport(facts, map, options.report);
  io.stdout.write(summaryLines(summary, Boolean(options.report)).join('\n') + '\n');
  if (facts.fatal) io.stderr.write(`mailerlite-steps: sync stopped: ${facts.fatal}\n`);
  const code = exitCodeOf(summary.head);
  if (code !== 0) {
    const what = facts.interrupted ? 'stopped (Ctrl-C); nothing is lost' : facts.fatal ? 'stopped early; fix that first' : 'some contacts did not go through; a resumed run retries them';
    io.stderr.write(
      resume
        ? `sync: ${what}. Resume with:\n  ${resume}\n`
        : `sync: ${what}. The embedded simulator's data ends with this process, so this run cannot be resumed: run the sync again\n`,
    );
  }
  return code;
}

/** A journal resumes only the same input file, API version, target and group. */
function checkJournal(earlier: JournalState, file: string, now: { sha256?: string; api?: string; target?: string; group?: string }): void {
  const was = earlier.start;
  if (now.sha256 !== undefined && was.sha256 !== now.sha256) {
    throw new UsageError(
      `--journal ${file}: it belongs to another input (sha256 ${was.sha256.slice(0, 12)}… of ${was.file}; this file is ${now.sha256.slice(0, 12)}…). ` +
        'Resume with the same file, or use a new journal file for a new export',
    );
  }
  if (now.api !== undefined && was.api !== now.api) throw new UsageError(`--journal ${file}: it records a sync with --api ${was.api}; pass --api ${was.api}`);
  if (now.target !== undefined && was.target !== undefined && was.target !== now.target) {
    if (was.target.startsWith('sim@')) {
      throw new UsageError(`--journal ${file}: it records a sync to the embedded simulator of an earlier process, whose data ended with it; use a new journal file`);
    }
    throw new UsageError(`--journal ${file}: it records a sync to ${was.target}, not ${now.target.replace(/^sim@.*/, 'the embedded simulator')}; resume against the same target, or use a new journal file`);
  }
  if (now.group !== undefined && was.group !== now.group) {
    throw new UsageError(`--journal ${file}: it records a sync to group ${was.group}, not ${now.group}; use another journal file`);
  }
}

/** `optins.csv` → `optins.csv.sync-20260105-143000.jsonl`: a new journal per run unless `--journal` names one. */
function defaultJournal(file: string, at: Date): string {
  const stamp = at.toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-');
  return `${file}.sync-${stamp}.jsonl`;
}
