import type { ApiVersion } from '../catalog.js';
import type { Target } from '../harness/target.js';
import type { SyncIo } from './command.js';
import { JournalWriter, type JournalState } from './journal.js';
import type { LoadedInput } from './load.js';
import type { SyncOptions } from './options.js';
import { Pacer, realClock } from './pace.js';
import type { Strategy } from './plan.js';
import { createProgress } from './progress.js';
import type { Pending } from './queue.js';
import { buildReport, type SyncReport } from './report.js';
import type { BatchRequests } from './requests.js';
import { sendAll } from './send-loop.js';
import type { GroupRef, ItemResult } from './types.js';

/**
 * What a journal records as its target: `live`, the `--base-url` origin, or `sim@<origin>`
 * for the embedded simulator (whose data lives only as long as the process, so a journal
 * of it never resumes in another process).
 *
 * @example
 * targetKey({ kind: 'url', baseUrl: 'http://127.0.0.1:9090' }) // 'http://127.0.0.1:9090'
 */
export function targetKey(target: Pick<Target, 'kind' | 'baseUrl'>): string {
  if (target.kind === 'live') return 'live';
  return target.kind === 'sim' ? `sim@${target.baseUrl ?? ''}` : (target.baseUrl ?? 'url');
}

/** Everything a run needs, resolved by the command. */
export interface ExecuteInput {
  options: SyncOptions;
  io: SyncIo;
  input: LoadedInput;
  api: ApiVersion;
  group: GroupRef;
  target: Target;
  requests: BatchRequests;
  strategy: Strategy;
  minuteMs: number;
  journalFile: string;
  earlier: JournalState | undefined;
  startedAt: Date;
}

/**
 * Runs the sync: builds each unsettled contact's batch item, journals the start (or the
 * resume), sends everything with progress, journals the end and returns the report
 * (with `fatal` set when the key was refused or the group turned out not to exist).
 *
 * @example
 * const report = await executeSync({ options, io, input, api: 'new', group, target, requests, strategy, minuteMs: 60_000, journalFile, earlier: undefined, startedAt: new Date() });
 */
export async function executeSync(run: ExecuteInput): Promise<SyncReport> {
  const { options, input, earlier } = run;
  const results = new Map<string, ItemResult>(earlier?.settled);
  const pending: Pending[] = [];
  for (const contact of input.contacts) {
    if (results.has(contact.email)) continue;
    const built = run.requests.item(contact);
    if (built.ok) pending.push({ email: contact.email, item: built.item, attempts: 0, notBefore: 0 });
    else results.set(contact.email, { email: contact.email, outcome: 'invalid', message: built.message });
  }
  const fromJournal = earlier ? input.contacts.filter((c) => earlier.settled.has(c.email)).length : 0;
  const journal = await JournalWriter.open(run.journalFile);
  const at = () => new Date().toISOString();
  try {
    if (earlier) await journal.append({ type: 'resume', at: at() });
    else await journal.append({ type: 'start', version: 1, file: input.file, sha256: input.sha256, api: run.api, group: run.group.id, target: targetKey(run.target), at: at() });
    const progress = createProgress({
      stream: run.io.stderr,
      isTTY: run.io.isTTY,
      // One batch is over before a rate or an ETA could mean anything.
      total: pending.length > run.strategy.contactsPerBatch ? pending.length : 0,
      minuteMs: run.minuteMs,
      slotMs: run.minuteMs / run.strategy.requestsPerMinute,
      everyMs: options.progressEveryMs ?? 5000,
    });
    const pacer = new Pacer(run.strategy.requestsPerMinute, run.minuteMs);
    const started = performance.now();
    const loop = await sendAll({
      pending,
      strategy: run.strategy,
      requests: run.requests,
      fetch: run.target.fetch,
      pacer,
      journal,
      firstBatch: (earlier?.lastBatch ?? 0) + 1,
      concurrency: options.concurrency ?? 8,
      maxAttempts: options.maxAttempts ?? 6,
      backoffMs: options.backoffMs ?? { base: 500, max: 8000 },
      timeoutMs: options.timeoutMs ?? 30_000,
      clock: realClock,
      random: Math.random,
      onSettled: (settled) => progress.advance(settled.length),
    }).finally(() => progress.stop());
    const durationMs = performance.now() - started;
    for (const [email, result] of loop.results) results.set(email, result);
    const report = buildReport({
      input,
      api: run.api,
      group: run.group,
      target: run.target.description,
      journal: run.journalFile,
      startedAt: run.startedAt,
      durationMs,
      minuteMs: run.minuteMs,
      slotMs: run.minuteMs / pacer.rate,
      results,
      fromJournal,
      settledThisRun: loop.results.size,
      requests: { batches: loop.requests, retriedAttempts: loop.retried, rateLimited: pacer.rateLimited },
      ...(loop.fatal ? { fatal: loop.fatal } : {}),
    });
    await journal.append({ type: 'end', at: at(), counts: report.counts });
    return report;
  } finally {
    await journal.close();
  }
}
