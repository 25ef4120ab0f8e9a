import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startSimulator, type Simulator } from '../../plugin/simulator/index.js';
import { runSync, type SyncOptions, type SyncReport } from '../../plugin/sync/index.js';
import { generateContacts, GROUP_ID, GROUP_NAME } from './support/contacts.js';
import { captureIo } from './support/io.js';

let dir: string;
let file: string;
const gen = generateContacts(600);
const sims: Simulator[] = [];

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'sync-command-'));
  file = path.join(dir, 'optins.csv');
  await writeFile(file, gen.csv);
});
afterAll(async () => {
  await Promise.all(sims.map((s) => s.close()));
  await rm(dir, { recursive: true, force: true });
});

async function sim(options: Parameters<typeof startSimulator>[0] = {}): Promise<Simulator> {
  const started = await startSimulator({ port: 0, seed: gen.seed, minuteMs: 1000, ...options });
  sims.push(started);
  return started;
}

async function run(options: Partial<SyncOptions>, isTTY = false) {
  const io = captureIo(isTTY);
  const name = Math.random().toString(36).slice(2);
  const reportFile = path.join(dir, `report-${name}.json`);
  const journal = path.join(dir, `journal-${name}.jsonl`);
  const code = await runSync({ file, group: GROUP_ID, journal, report: reportFile, windowMs: 1000, ...options }, io);
  const json = await readFile(reportFile, 'utf8').then((t) => JSON.parse(t) as SyncReport, () => undefined);
  return { code, io, report: json, journal, reportFile };
}

describe('mailerlite-steps sync', () => {
  test('--dry-run prints the plan, lists invalid rows in the report and sends nothing', async () => {
    const s = await sim();
    const { code, io, report } = await run({ baseUrl: s.url, group: GROUP_NAME, dryRun: true });
    expect(code).toBe(0);
    expect(io.stdout.lines()).toEqual([
      `sync plan for ${file} (CSV, sha256 ${report!.sha256.slice(0, 12)}…)`,
      '  rows            600',
      `  contacts        ${gen.subscribable.size + gen.unsubscribed.size} unique (${gen.duplicateRows} duplicate rows merged)`,
      `  invalid rows    ${gen.invalidLines.length} (never sent; listed in the report)`,
      `  to send         ${gen.subscribable.size + gen.unsubscribed.size} to group "${GROUP_NAME}" (${GROUP_ID}), new API`,
      '  requests        12 × POST /batch (up to 49 contacts + 1 read-only item each) + 1 group lookup',
      '  estimated time  108 ms at 120 requests per 1,000 ms (a simulated minute): 5,880 contacts per 1,000 ms (one request per contact: 120)',
      '  nothing was sent (--dry-run)',
    ]);
    expect(s.journal().map((e) => `${e.method} ${e.path}`)).toEqual(['GET /api/groups']);
    expect(report).toMatchObject({ dryRun: true, counts: { invalidRows: gen.invalidLines.length, created: 0, notSent: 0 } });
    expect(report!.problems.every((p) => p.kind === 'invalid_row')).toBe(true);
  });

  test('batches mix in one read-only item, so they never count against the 5 imports per minute', async () => {
    const s = await sim({ limits: { imports: 1 } });
    const { code, report } = await run({ baseUrl: s.url });
    expect(code).toBe(0);
    expect(report!.requests.rateLimited).toBe(0);
    expect(s.journal().filter((e) => e.status === 429)).toEqual([]);
    expect(report!.counts.created + report!.counts.updated).toBe(gen.subscribable.size);
  });

  test('the classic API: classic batch of POST /groups/{id}/subscribers, unsubscribed ones left unsubscribed and reported', async () => {
    const s = await sim();
    const { code, report } = await run({ baseUrl: s.url, api: 'classic', group: '3640549' });
    expect(code).toBe(0);
    expect(report!.counts).toMatchObject({ cannotResubscribe: gen.unsubscribed.size, failed: 0, invalid: 0 });
    expect(report!.counts.created).toBe(gen.subscribable.size);
    for (const email of gen.subscribable) expect(s.state.subscriber('classic', email)?.type, email).toBe('active');
    for (const email of gen.unsubscribed) expect(s.state.subscriber('classic', email)?.type, email).toBe('unsubscribed');
    const batches = s.journal().filter((e) => e.path === '/api/v2/batch');
    expect(batches).toHaveLength(Math.ceil((gen.subscribable.size + gen.unsubscribed.size) / 50));
  });

  test('contacts that keep failing are retried a bounded number of times, reported, and the exit status is 1', async () => {
    const s = await sim();
    s.inject({ kind: 'error', status: 503, method: 'POST', path: '/api/batch', probability: 1 });
    const { code, report } = await run({ baseUrl: s.url, maxAttempts: 3, backoffMs: { base: 1, max: 5 } });
    expect(code).toBe(1);
    expect(report!.counts.failed).toBe(gen.subscribable.size + gen.unsubscribed.size);
    expect(report!.problems.find((p) => p.kind === 'failed')?.reason).toBe('gave up after 3 attempts; last: HTTP 503: 503 Service Temporarily Unavailable');
    const sends = new Map<string, number>();
    for (const e of s.journal().filter((j) => j.path === '/api/batch')) {
      for (const r of (e.body as { requests: Array<{ body: { email?: string } }> }).requests) if (r.body.email) sends.set(r.body.email, (sends.get(r.body.email) ?? 0) + 1);
    }
    expect(sends.size).toBe(gen.subscribable.size + gen.unsubscribed.size);
    expect(new Set(sends.values())).toEqual(new Set([3]));
  });

  test('a group name that does not exist is a usage error that names the groups', async () => {
    const s = await sim();
    const { code, io } = await run({ baseUrl: s.url, group: 'WhatsApp' });
    expect(code).toBe(2);
    expect(io.stderr.text).toBe(
      'mailerlite-steps: --group "WhatsApp": groups whose name contains it: "WhatsApp Opt-Ins" (123456789). Pass the exact name or the id (mailerlite-steps run mailerlite.groups.list lists them)\n',
    );
  });

  test('a group id MailerLite does not know (in an account too big to list) stops the run instead of failing every contact', async () => {
    const groups = [{ id: GROUP_ID, name: GROUP_NAME }, ...Array.from({ length: 120 }, (_, i) => ({ id: String(500 + i), name: `Campaign ${i}` }))];
    const s = await sim({ seed: { new: { ...gen.seed.new, groups } } });
    const { code, io, report, journal, reportFile } = await run({ baseUrl: s.url, group: '999', concurrency: 1 });
    expect(code).toBe(2);
    expect(io.stderr.lines().slice(-3)).toEqual([
      'mailerlite-steps: sync stopped: the group does not exist (HTTP 422: {"message":"The selected groups.0 is invalid.","errors":{"groups.0":["The selected groups.0 is invalid."]}}); check --group',
      'sync: stopped early; fix that first. Resume with:',
      `  mailerlite-steps sync ${file} --group 999 --base-url ${s.url} --minute-ms 1000 --journal ${journal} --report ${reportFile}`,
    ]);
    expect(s.journal().filter((e) => e.path === '/api/batch')).toHaveLength(1);
    expect(report!.counts).toMatchObject({ created: 0, invalid: 0, failed: 49, notSent: gen.subscribable.size + gen.unsubscribed.size - 49 });
  });

  test('a file with a header and no rows sends nothing and exits 0', async () => {
    const s = await sim();
    const empty = path.join(dir, 'empty.csv');
    await writeFile(empty, 'email,name\n');
    const { code, io } = await run({ baseUrl: s.url, file: empty });
    expect(code).toBe(0);
    expect(io.stdout.lines().slice(1, 3)).toEqual(['  0 rows: 0 contacts, 0 duplicate rows merged, 0 invalid rows', '  created 0 · updated 0 · cannot re-subscribe 0 · invalid 0 · failed 0']);
    expect(s.journal().filter((e) => e.path === '/api/batch')).toEqual([]);
  });

  test('a refused key stops before anything is sent, without printing the key', async () => {
    const s = await sim();
    const { code, io } = await run({ baseUrl: s.url, env: { MAILERLITE_API_KEY: 'wrong-key-123' } });
    expect(code).toBe(2);
    expect(io.stderr.text).toBe('mailerlite-steps: listing groups: the API key was refused (HTTP 401); check MAILERLITE_API_KEY and --api new\n');
    expect(s.journal().filter((e) => e.path === '/api/batch')).toEqual([]);
  });

  test('on a terminal, a progress bar with rate and ETA', async () => {
    const s = await sim();
    const { code, io } = await run({ baseUrl: s.url }, true);
    expect(code).toBe(0);
    expect(io.stderr.text).toMatch(/sync \|=+\| 100% \| 5\d\d\/5\d\d contacts \| [\d,]+\/1,000 ms \| ETA /);
  });

  test('JSON Lines input with --map', async () => {
    const s = await sim();
    const jsonl = path.join(dir, 'optins.jsonl');
    await writeFile(jsonl, '{"Mail":"asha@example.com","WhatsApp":"+91 98200 00042"}\n{"Mail":"bad"}\n');
    const { code, report } = await run({ baseUrl: s.url, file: jsonl, map: ['Mail=email', 'WhatsApp=phone'] });
    expect(code).toBe(0);
    expect(report!.counts).toMatchObject({ rows: 2, created: 1, invalidRows: 1 });
    expect(s.state.subscriber('new', 'asha@example.com')).toMatchObject({ fields: { phone: '+919820000042' }, status: 'active' });
  });

  test('a CSV with a malformed line: the line is reported like an invalid row, the rest is synced', async () => {
    const s = await sim();
    const broken = path.join(dir, 'broken.csv');
    await writeFile(broken, 'email,name\nasha@example.com,Asha\nbina@example.com,"Bina\nchandra@example.com,Chandra\n');
    const { code, io, report } = await run({ baseUrl: s.url, file: broken });
    expect(code).toBe(0);
    expect(report!.counts).toMatchObject({ rows: 3, contacts: 2, invalidRows: 1, created: 2 });
    const reason = 'not readable as CSV: a quote opened on this line is never closed; close it, or quote whole values (e.g. "Sharma, Priya")';
    expect(report!.problems).toEqual([{ line: 3, kind: 'invalid_row', reason }]);
    expect(io.stdout.lines()).toContain(`  line 3: invalid row: ${reason}`);
    expect(s.state.subscriber('new', 'chandra@example.com')).toMatchObject({ status: 'active' });
  });

  test('what the sync leaves out: columns it does not read (plan and report, with the --map that reads them) and warnings with their lines (terminal and report)', async () => {
    const s = await sim();
    const extra = path.join(dir, 'extra.csv');
    await writeFile(extra, 'email,Full Name,phone,City\nasha@example.com,Asha,+919820000001,Pune\nbina@example.com,Bina,12345,Delhi\n');
    const unread = [
      { column: 'Full Name', field: 'name', option: "--map 'Full Name=name'" },
      { column: 'City', option: "--map 'City=<name|opted_in_at>'" },
    ];
    const warning = 'phone left out: "12345" is not an international number (e.g. +919820000001)';

    const plan = await run({ baseUrl: s.url, file: extra, dryRun: true });
    expect(plan.io.stdout.lines()).toContain(`  not read        "Full Name" (--map 'Full Name=name'), "City" (--map 'City=<name|opted_in_at>')`);
    expect(plan.io.stdout.lines()).toContain('  warnings        1 (a value left out; the contact still goes)');
    expect(plan.io.stdout.lines()).toContain(`  line 3 bina@example.com: warning: ${warning}`);
    expect(plan.report!.unreadColumns).toEqual(unread);

    const done = await run({ baseUrl: s.url, file: extra });
    expect(done.code).toBe(0);
    expect(done.io.stdout.lines()).toEqual(expect.arrayContaining([`  not read        "Full Name" (--map 'Full Name=name'), "City" (--map 'City=<name|opted_in_at>')`, `  line 3 bina@example.com: warning: ${warning}`]));
    expect(done.report!.unreadColumns).toEqual(unread);
    expect(done.report!.warnings).toEqual([{ line: 3, email: 'bina@example.com', message: warning }]);

    const mapped = await run({ baseUrl: s.url, file: extra, map: ['Full Name=name'] });
    expect(mapped.report!.unreadColumns).toEqual([{ column: 'City', option: "--map 'City=<opted_in_at>'" }]);
    expect(s.state.subscriber('new', 'asha@example.com')).toMatchObject({ fields: { name: 'Asha' } });
  });

  test('the report is the JSON a whole-report writer would give, in line order', async () => {
    const s = await sim();
    const { report, reportFile } = await run({ baseUrl: s.url });
    const text = await readFile(reportFile, 'utf8');
    expect(text).toBe(JSON.stringify(report, null, 2) + '\n');
    const lines = report!.problems.map((p) => p.line);
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
    expect(report!.problems.filter((p) => p.kind === 'invalid_row').map((p) => p.line)).toEqual(gen.invalidLines);
    expect(report!.duplicates.length).toBeGreaterThan(0);
  });
});

