import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../cli/io.js';
import { startEchoServer, type EchoServer } from '../harness/echo-server.js';

const KEY = 'echoed-sync-key-7f3a9c21';

describe('sync never writes a key a server echoes', () => {
  let server: EchoServer;
  beforeAll(async () => {
    // A "MailerLite" that lists the group, then refuses every batch with a message holding the key it was sent.
    server = await startEchoServer((credential, request) =>
      request.url.startsWith('/api/batch')
        ? { status: 422, body: { message: `refused for ${credential}`, errors: { requests: [`${credential} is not allowed`] } } }
        : { status: 200, body: { data: [{ id: '123456789', name: 'WhatsApp Opt-Ins', active_count: 0 }], meta: { total: 1 }, echo: credential } },
    );
  });
  afterAll(() => server?.close());

  it('in the summary, the report and the journal', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'sync-echo-'));
    const csv = path.join(dir, 'optins.csv');
    await writeFile(csv, 'email,name\npriya@example.com,Priya Sharma\n');
    const report = path.join(dir, 'report.json');
    const journal = path.join(dir, 'journal.jsonl');
    const run = await cli(['sync', csv, '--group', 'WhatsApp Opt-Ins', '--base-url', server.url, '--report', report, '--journal', journal], { env: { MAILERLITE_API_KEY: KEY } });
    // The server really was sent the key, and really echoed it.
    expect(server.received.some((credential) => credential.includes(KEY))).toBe(true);
    const written = [run.stdout, run.stderr, await readFile(report, 'utf8'), await readFile(journal, 'utf8')];
    for (const text of written) expect(text).not.toContain(KEY);
    expect(written.join('\n')).toContain('[redacted:api_key]');
  });
});
