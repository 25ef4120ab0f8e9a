import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { SeedError, serveSimulatorCommand } from '../../plugin/simulator/index.js';

function output(): { stream: PassThrough; text: () => string } {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (chunk: Buffer) => (text += chunk.toString()));
  return { stream, text: () => text };
}

describe('serveSimulatorCommand (mailerlite-steps sim)', () => {
  it('starts the server and prints both API bases, the keys and the control route', async () => {
    const out = output();
    const sim = await serveSimulatorCommand({ port: 0, key: 'my-new-key', classicKey: 'my-classic-key', minuteMs: 1000 }, out.stream);
    try {
      const text = out.text();
      expect(text).toContain(`MailerLite simulator listening on ${sim.url}`);
      expect(text).toContain(`${sim.url}/api\n`);
      expect(text).toContain('Authorization: Bearer my-new-key');
      expect(text).toContain(`${sim.url}/api/v2\n`);
      expect(text).toContain('X-MailerLite-ApiKey: my-classic-key');
      expect(text).toContain(`${sim.url}/__sim`);
      expect(text).toContain('per 1000 ms window');
      const res = await fetch(`${sim.newApiBase}/groups`, { headers: { authorization: 'Bearer my-new-key' } });
      expect((await res.json()).data[0].id).toBe('123456789');
    } finally {
      await sim.close();
    }
  });

  it('a bad seed file rejects with a SeedError naming the file; bad numbers are refused', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'sim-serve-')), 'seed.json');
    writeFileSync(file, JSON.stringify({ new: { subscribers: [{ email: 'nope' }] } }));
    const failure = serveSimulatorCommand({ port: 0, seedFile: file }, output().stream);
    await expect(failure).rejects.toThrow(SeedError);
    await expect(failure).rejects.toThrow(`Invalid simulator seed in ${file}:\n  at /new/subscribers/0/email: expected a valid email address`);
    await expect(serveSimulatorCommand({ port: 70000 }, output().stream)).rejects.toThrow('--port must be a whole number');
    await expect(serveSimulatorCommand({ port: 0, minuteMs: 0 }, output().stream)).rejects.toThrow('--minute-ms');
    await expect(serveSimulatorCommand({ port: 0, key: 'same', classicKey: 'same' }, output().stream)).rejects.toThrow('must differ');
  });
});
