/**
 * Bulk sync throughput (benchmark 3): 4,900 contacts (100 full batches) into the simulator
 * with a simulated minute of 5 s, in contacts per (simulated) minute, next to two figures
 * for the same run: one request per contact at the documented 120 per minute, and the
 * bound the limits allow for the chosen strategy (49 contacts per batch × 120 batches per
 * minute). Goal: at least 98% of the bound (and so at least 2x one by one).
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { startSimulator } from '../../plugin/simulator/index.js';
import { planSync, runSync, strategyFor, type SyncReport } from '../../plugin/sync/index.js';
import type { BenchReport } from './report.js';

/** Share of the bound the measured rate must reach. */
const GOAL = 0.98;

const sink = (): Writable => new Writable({ write: (_chunk, _encoding, done) => done() });

function contactsCsv(count: number): string {
  const rows = ['email,name,phone,opted_in_at'];
  for (let i = 0; i < count; i++) rows.push(`contact${i}@example.com,Contact ${i},+91982${String(i).padStart(7, '0')},2024-08-13 09:49:51`);
  return rows.join('\n') + '\n';
}

/**
 * Runs the sync once against a fresh simulator whose minute lasts `minuteMs`, and reports
 * the measured rate against one-by-one and against the bound.
 *
 * @example
 * const report = await benchSync(); console.log(report.lines.join('\n'))
 */
export async function benchSync(contacts = 4900, minuteMs = 5000): Promise<BenchReport> {
  const dir = await mkdtemp(path.join(tmpdir(), 'bench-sync-'));
  const sim = await startSimulator({ port: 0, minuteMs });
  try {
    const file = path.join(dir, 'optins.csv');
    await writeFile(file, contactsCsv(contacts));
    const reportFile = path.join(dir, 'report.json');
    const code = await runSync(
      { file, group: '123456789', baseUrl: sim.url, windowMs: minuteMs, journal: path.join(dir, 'journal.jsonl'), report: reportFile },
      { stdout: sink(), stderr: sink(), isTTY: false },
    );
    const report = JSON.parse(await readFile(reportFile, 'utf8')) as SyncReport;
    if (code !== 0) throw new Error(`bench: the sync exited ${code}: ${JSON.stringify(report.counts)}`);
    const strategy = strategyFor('new');
    const plan = planSync(contacts, strategy, 0, minuteMs);
    const minutes = report.durationMs / minuteMs;
    const measured = report.contactsPerMinute;
    const oneByOne = plan.oneByOnePerMinute;
    const bound = plan.boundPerMinute;
    const ofBound = measured / bound;
    const ok = measured >= 2 * oneByOne && ofBound >= GOAL;
    const f = (n: number) => Math.round(n).toLocaleString('en-US');
    return {
      name: 'sync',
      lines: [
        `${f(contacts)} contacts, ${report.requests.batches} batch requests, a simulated minute of ${f(minuteMs)} ms, ${(report.durationMs / 1000).toFixed(2)} s of sending`,
        `measured:                ${f(measured)} contacts per simulated minute (${f(report.requests.batches / minutes)} requests per minute)`,
        `one request per contact: ${f(oneByOne)} contacts per minute (120 requests per minute) → ${(measured / oneByOne).toFixed(1)}x (goal: at least 2x)`,
        `bound for the strategy:  ${f(bound)} contacts per minute (${strategy.contactsPerBatch} per batch × ${strategy.requestsPerMinute} batches) → ${(ofBound * 100).toFixed(1)}% (goal: at least ${GOAL * 100}%)`,
      ],
      ratio: Number(ofBound.toFixed(3)),
      goal: GOAL,
      ok,
    };
  } finally {
    await sim.close();
    await rm(dir, { recursive: true, force: true });
  }
}
