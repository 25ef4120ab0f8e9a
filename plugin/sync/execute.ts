import type { ApiVersion } from '../catalog.js';
import { redactingFetch, targetSecrets } from '../redact.js';
import type { Target } from '../target.js';
import type { SyncIo } from './command.js';
import { JournalWriter, type JournalState } from './journal.js';
import type { FieldMap, SyncOptions } from './options.js';
import { Outcomes } from './outcomes.js';
import { Pacer, realClock } from './pace.js';
import type { Strategy } from './plan.js';
import { createProgress } from './progress.js';
import type { Pending } from './queue.js';
import { reportHead, type RunFacts } from './report.js';
import type { BatchRequests } from './requests.js';
import type { InputScan } from './scan.js';
import { sendAll } from './send-loop.js';
import type { GroupRef } from './types.js';
import { walkInput } from './walk.js';

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
  scan: InputScan;
  map: FieldMap;
  api: ApiVersion;
  group: GroupRef;
  target: Target;
  requests: BatchRequests;
  strategy: Strategy;
  minuteMs: number;
  journalFile: string;
  earlier: JournalState | undefined;
  startedAt: Date;
  /** Aborted by Ctrl-C: no new batch goes out. */
  stop?: AbortSignal;
}

/**
 * Runs the sync: reads the file again in line order, building each contact's batch item
 * as batches need it (contacts with a recorded answer are skipped), journals the start
 * (or the resume), sends everything with progress, journals the end and returns what
 * happened (with `fatal` set when the key was refused or the group turned out not to
 * exist, `interrupted` when Ctrl-C stopped it).
 *
 * @example
 * const facts = await executeSync({ options, io, scan, map, api: 'new', group, target, requests, strategy, minuteMs: 60_000, journalFile, earlier: undefined, startedAt: new Date() });
 */
export async function executeSync(run: ExecuteInput): Promise<RunFacts> {
  const { options, scan, earlier } = run;
  const outcomes = new Outcomes(scan.contacts);
  const toSend = scan.contacts - (earlier?.settled.size ?? 0);
  const journal = await JournalWriter.open(run.journalFile);
  const at = () => new Date().toISOString();
  try {
    if (earlier) await journal.append({ type: 'resume', at: at() });
    else await journal.append({ type: 'start', version: 1, file: scan.file, sha256: scan.sha256, api: run.api, group: run.group.id, target: targetKey(run.target), at: at() });
    const progress = createProgress({
      stream: run.io.stderr,
      isTTY: run.io.isTTY,
      // One batch is over before a rate or an ETA could mean anything.
      total: toSend > run.strategy.contactsPerBatch ? toSend : 0,
      minuteMs: run.minuteMs,
      slotMs: run.minuteMs / run.strategy.requestsPerMinute,
      everyMs: options.progressEveryMs ?? 5000,
    });
    const pending = pendingContacts(run, outcomes, () => progress.advance(1));
    const pacer = new Pacer(run.strategy.requestsPerMinute, run.minuteMs);
    const started = performance.now();
    const loop = await sendAll({
      pending,
      strategy: run.strategy,
      requests: run.requests,
      // What MailerLite answers reaches the journal, the report and the summary: never the key.
      fetch: redactingFetch(run.target.fetch, targetSecrets(run.target)),
      pacer,
      journal,
      firstBatch: (earlier?.lastBatch ?? 0) + 1,
      concurrency: options.concurrency ?? 8,
      maxAttempts: options.maxAttempts ?? 6,
      backoffMs: options.backoffMs ?? { base: 500, max: 8000 },
      timeoutMs: options.timeoutMs ?? 30_000,
      clock: realClock,
      random: Math.random,
      onSettled: (settled) => {
        for (const { pending: p, result } of settled) if (result.outcome !== 'retry') outcomes.set(p.index, { ...result, outcome: result.outcome });
        progress.advance(settled.length);
      },
      ...(run.stop ? { stop: run.stop } : {}),
    }).finally(() => {
      progress.stop();
      void pending.return(undefined);
    });
    const facts: RunFacts = {
      scan,
      api: run.api,
      group: run.group,
      target: run.target.description,
      journal: run.journalFile,
      startedAt: run.startedAt,
      durationMs: performance.now() - started,
      minuteMs: run.minuteMs,
      slotMs: run.minuteMs / pacer.rate,
      outcomes,
      earlier: earlier?.settled,
      settledThisRun: loop.settled,
      requests: { batches: loop.requests, retriedAttempts: loop.retried, rateLimited: pacer.rateLimited },
      ...(loop.fatal ? { fatal: loop.fatal } : {}),
      ...(loop.stopped ? { interrupted: true } : {}),
    };
    await journal.append({ type: 'end', at: at(), counts: { ...reportHead(facts).counts } });
    return facts;
  } finally {
    await journal.close();
  }
}

/**
 * The contacts still to send, in file order, each with its batch item: those with an
 * answer in the journal are skipped; one the upsert step refuses (its input checks) gets
 * the outcome `invalid` at once (`onRefused`).
 */
async function* pendingContacts(run: ExecuteInput, outcomes: Outcomes, onRefused: () => void): AsyncGenerator<Pending, void, undefined> {
  const settled = run.earlier?.settled;
  for await (const items of walkInput(run.scan, run.map)) {
    for (const item of items) {
      if (item.kind !== 'contact' || settled?.has(item.contact.email)) continue;
      const built = run.requests.item(item.contact);
      if (built.ok) {
        yield { index: item.index, email: item.contact.email, item: built.item, attempts: 0, notBefore: 0 };
      } else {
        outcomes.set(item.index, { outcome: 'invalid', message: built.message });
        onRefused();
      }
    }
  }
}
