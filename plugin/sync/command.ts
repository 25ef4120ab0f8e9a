import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { loadCatalog } from '../catalog.js';
import { MailerliteStepsError, UsageError } from '../errors.js';
import { openTarget } from '../harness/target.js';
import { resolveGroup } from './group.js';
import { readJournal, type JournalState } from './journal.js';
import { loadInput } from './load.js';
import { checkOptions, parseFieldMap, type SyncOptions } from './options.js';
import { planSync, strategyFor } from './plan.js';
import { buildReport, exitCodeOf } from './report.js';
import { batchRequests } from './requests.js';
import { executeSync, targetKey } from './execute.js';
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
 * journaled so a killed run resumes with `--journal FILE`. Exit status: 0 all done
 * (skipped and invalid rows are reported, not failures), 1 some contacts failed for good
 * or were not sent, 2 usage or input errors (bad flags, unreadable file, journal of
 * another file, refused key).
 *
 * @example
 * const code = await runSync({ file: 'optins.csv', group: 'WhatsApp Opt-Ins', journal: 'optins.journal.jsonl' },
 *   { stdout: process.stdout, stderr: process.stderr, isTTY: Boolean(process.stderr.isTTY) });
 */
export async function runSync(options: SyncOptions, io: SyncIo): Promise<number> {
  try {
    return await sync(options, io);
  } catch (error) {
    if (!(error instanceof MailerliteStepsError)) throw error;
    io.stderr.write(`mailerlite-steps sync: ${error.message}\n`);
    return 2;
  }
}

async function sync(options: SyncOptions, io: SyncIo): Promise<number> {
  const startedAt = new Date();
  checkOptions(options);
  const api = options.api ?? 'new';
  const input = await loadInput(options.file, parseFieldMap(options.map));
  const journalFile = options.dryRun ? options.journal : (options.journal ?? defaultJournal(options.file, startedAt));
  const earlier = journalFile && existsSync(journalFile) ? await readJournal(journalFile) : undefined;
  const catalog = loadCatalog();
  const target = await openTarget({
    ...(options.target ? { target: options.target } : {}),
    ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
    ...(options.seed === undefined ? {} : { seed: options.seed }),
    ...(options.env ? { env: options.env } : {}),
  });
  try {
    if (earlier) checkJournal(earlier, journalFile!, { sha256: input.sha256, api, target: targetKey(target) });
    const secrets = target.secrets(api);
    const { lookups, ...group } = await resolveGroup(options.group, { catalog, api, fetch: target.fetch, secrets, baseUrl: target.baseUrl });
    if (earlier) checkJournal(earlier, journalFile!, { group: group.id });
    const minuteMs = options.windowMs ?? target.simulator?.minuteMs ?? 60_000;
    const strategy = strategyFor(api);
    const requests = batchRequests(catalog, strategy, group.id, secrets, target.baseUrl);
    const settled = earlier ? input.contacts.filter((c) => earlier.settled.has(c.email)).length : 0;
    const plan = planSync(input.contacts.length - settled, strategy, lookups, minuteMs);
    if (options.dryRun) {
      io.stdout.write([...planLines(input, plan, strategy, group, settled, minuteMs), '  nothing was sent (--dry-run)'].join('\n') + '\n');
      if (options.report) {
        const facts = { input, api, group, target: target.description, journal: journalFile, startedAt, durationMs: 0, minuteMs, slotMs: 0 };
        const empty = { results: new Map(earlier?.settled), fromJournal: settled, settledThisRun: 0, requests: { batches: 0, retriedAttempts: 0, rateLimited: 0 } };
        await writeReport(options.report, buildReport({ ...facts, ...empty, dryRun: true }));
      }
      return 0;
    }
    io.stderr.write(`sync: ${target.description}; journal ${journalFile}${earlier ? ' (resuming)' : ''}\n`);
    if (earlier && earlier.inFlight.size > 0) {
      io.stderr.write(`sync: ${earlier.inFlight.size} contacts were in flight when the last run stopped; sending them again (the upsert is idempotent)\n`);
    }
    const report = await executeSync({ options, io, input, api, group, target, requests, strategy, minuteMs, journalFile: journalFile!, earlier, startedAt });
    io.stdout.write(summaryLines(report).join('\n') + '\n');
    if (report.fatal) io.stderr.write(`mailerlite-steps sync: stopped: ${report.fatal}\n`);
    if (options.report) await writeReport(options.report, report);
    return exitCodeOf(report);
  } finally {
    await target.close();
  }
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

async function writeReport(file: string, report: object): Promise<void> {
  try {
    await writeFile(file, JSON.stringify(report, null, 2) + '\n');
  } catch (error) {
    throw new UsageError(`--report ${file}: cannot write (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
}
