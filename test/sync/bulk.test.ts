import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startSimulator, type NewSubscriberSeed, type Simulator } from '../../plugin/simulator/index.js';
import { runSync, type SyncReport } from '../../plugin/sync/index.js';
import { generateContacts, GROUP_ID, GROUP_NAME, type Generated } from './support/contacts.js';
import { captureIo } from './support/io.js';

let dir: string;
let sim: Simulator;
let gen: Generated;
let report: SyncReport;
let exit: number;
let io: ReturnType<typeof captureIo>;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'sync-bulk-'));
  gen = generateContacts(10_000);
  await writeFile(path.join(dir, 'optins.csv'), gen.csv);
  sim = await startSimulator({ port: 0, seed: gen.seed, minuteMs: 1000 });
  sim.inject([
    { kind: 'error', status: 503, method: 'POST', path: '/api/batch', probability: 0.04, seed: 11 },
    { kind: 'error', status: 502, method: 'POST', path: '/api/batch', probability: 0.02, seed: 12 },
    { kind: 'rate-limit', method: 'POST', path: '/api/batch', probability: 0.03, seed: 13, retryAfterMs: 40 },
    { kind: 'drop', method: 'POST', path: '/api/batch', probability: 0.03, seed: 14 },
    { kind: 'drop', when: 'after', method: 'POST', path: '/api/batch', probability: 0.03, seed: 15 },
    { kind: 'truncate', method: 'POST', path: '/api/batch', probability: 0.02, seed: 16 },
  ]);
  io = captureIo();
  exit = await runSync(
    {
      file: path.join(dir, 'optins.csv'),
      group: GROUP_NAME,
      baseUrl: sim.url,
      windowMs: 1000,
      journal: path.join(dir, 'journal.jsonl'),
      report: path.join(dir, 'report.json'),
      backoffMs: { base: 20, max: 200 },
      // About one request in six meets a fault here; at 6 attempts one contact in ~40,000 would run out of them.
      maxAttempts: 10,
    },
    io,
  );
  report = JSON.parse(await readFile(path.join(dir, 'report.json'), 'utf8')) as SyncReport;
}, 45_000);

afterAll(async () => {
  await sim?.close();
  await rm(dir, { recursive: true, force: true });
});

function subscribersByEmail(): Map<string, NewSubscriberSeed[]> {
  const byEmail = new Map<string, NewSubscriberSeed[]>();
  for (const s of sim.state.snapshot().new?.subscribers ?? []) byEmail.set(s.email, [...(byEmail.get(s.email) ?? []), s]);
  return byEmail;
}

describe('sync of 10,000 contacts against the simulator, with 429s, 5xx and dropped connections', () => {
  test('the faults really happened', () => {
    const faults = sim.journal().filter((e) => e.fault !== undefined);
    const kinds = new Set(faults.map((f) => f.fault));
    expect([...kinds].sort()).toEqual(['drop', 'error', 'rate-limit', 'truncate']);
    expect(report.requests.retriedAttempts).toBeGreaterThan(0);
    expect(report.requests.rateLimited).toBeGreaterThan(0);
  });

  test('every valid, subscribable contact is in the group exactly once', () => {
    const byEmail = subscribersByEmail();
    for (const email of gen.subscribable) {
      const records = byEmail.get(email) ?? [];
      expect(records, email).toHaveLength(1);
      expect(records[0]!.groups, email).toEqual([GROUP_ID]);
      expect(records[0]!.status, email).toBe('active');
    }
    expect(sim.state.group('new', GROUP_ID)?.active_count).toBe(gen.subscribable.size);
  });

  test('unsubscribed addresses are never forced back, and each is reported on its line', () => {
    const byEmail = subscribersByEmail();
    const reported = new Map(report.problems.filter((p) => p.kind === 'cannot_resubscribe').map((p) => [p.email, p]));
    for (const email of gen.unsubscribed) {
      const [record] = byEmail.get(email) ?? [];
      expect(record?.status, email).toBe('unsubscribed');
      expect(record?.groups, email).toEqual([]);
      expect(reported.get(email), email).toMatchObject({ line: gen.firstLine.get(email), status: 422, reason: 'email: This subscriber is unsubscribed and cannot be imported' });
    }
    expect(reported.size).toBe(gen.unsubscribed.size);
  });

  test('invalid rows are reported with their line and reason, and never sent', () => {
    const invalid = report.problems.filter((p) => p.kind === 'invalid_row');
    expect(invalid.map((p) => p.line)).toEqual(gen.invalidLines);
    expect(invalid.find((p) => p.line === gen.invalidLines[0])?.reason).toMatch(/^email: /);
    const sent = new Set(sim.journal().flatMap((e) => batchEmails(e.body)));
    expect([...sent].filter((email) => !gen.subscribable.has(email) && !gen.unsubscribed.has(email))).toEqual([]);
  });

  test('counts add up, duplicates are merged with the later values, and the run exits 0', () => {
    expect(exit).toBe(0);
    const c = report.counts;
    expect(c).toMatchObject({
      rows: 10_000,
      invalidRows: gen.invalidLines.length,
      duplicateRows: gen.duplicateRows,
      contacts: gen.subscribable.size + gen.unsubscribed.size,
      cannotResubscribe: gen.unsubscribed.size,
      failed: 0,
      invalid: 0,
      notSent: 0,
    });
    expect(c.created + c.updated).toBe(gen.subscribable.size);
    // A contact whose answer was lost (dropped after MailerLite applied it) is sent again and comes back "updated".
    expect(c.updated).toBeGreaterThanOrEqual(gen.existing.size);
    const dup = report.duplicates[0]!;
    const merged = sim.state.subscriber('new', dup.email) as { fields: { name: string | null; phone: string | null } } | undefined;
    if (!gen.unsubscribed.has(dup.email)) expect(merged?.fields.name).toMatch(/^Renamed /);
    expect(dup.lines.length).toBeGreaterThan(1);
  });

  test('the summary and the progress lines are printed, and the key never is', () => {
    expect(io.stdout.lines()[0]).toBe(`sync ${path.join(dir, 'optins.csv')} → group "${GROUP_NAME}" (${GROUP_ID}) (new API, simulator at ${sim.url})`);
    expect(io.stderr.lines().filter((l) => /^sync: [\d,]+\/[\d,]+ contacts \(\d+%\), [\d,]+\/1,000 ms, ETA /.test(l)).length).toBeGreaterThanOrEqual(9);
    const all = io.stdout.text + io.stderr.text + JSON.stringify(report);
    expect(all).not.toContain(sim.keys.new);
  });
});

function batchEmails(body: unknown): string[] {
  const requests = (body as { requests?: Array<{ method: string; body?: { email?: string } }> } | null)?.requests ?? [];
  return requests.flatMap((r) => (r.method === 'POST' && typeof r.body?.email === 'string' ? [r.body.email] : []));
}
