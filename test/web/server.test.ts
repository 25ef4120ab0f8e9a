import { request } from 'node:http';
import { createServer } from 'node:net';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../plugin/errors.js';
import { runServe, startWebServer, type ApiErrorBody, type PreviewView, type TargetView } from '../../plugin/harness/web/index.js';
import { readAsset } from '../../plugin/harness/web/static.js';
import { PRIYA, SIM_KEYS } from './support.js';

/** A GET with a chosen Host header (fetch does not let a test set it). */
function getWithHost(url: string, host: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { host } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

function capture() {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (chunk: Buffer) => (text += chunk.toString()));
  return { stream, text: () => text };
}

describe('startWebServer', () => {
  it('serves the page and every file it loads from the package, nothing from elsewhere', async () => {
    const web = await startWebServer({ port: 0 });
    try {
      expect(web.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      const page = await fetch(web.url);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
      const html = await page.text();
      expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
      const files = [...html.matchAll(/(?:src|href)="(\/[^"#]*)"/g)].map((m) => m[1] ?? '');
      const scripts: string[] = [];
      for (let i = 0; i < files.length; i++) {
        const file = files[i] ?? '';
        const answer = await fetch(new URL(file, web.url));
        expect(answer.status, file).toBe(200);
        const text = await answer.text();
        if (file.endsWith('.js')) {
          expect(answer.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
          scripts.push(file);
          for (const m of text.matchAll(/from '(\.\/[^']+)'/g)) {
            const next = new URL(m[1] ?? '', new URL(file, web.url)).pathname;
            if (!files.includes(next)) files.push(next);
          }
        }
        expect(text).not.toMatch(/url\(\s*['"]?https?:/);
      }
      expect(scripts).toEqual(expect.arrayContaining(['/js/main.js', '/js/api.js', '/js/form.js', '/js/chat.js', '/js/preview.js']));
      for (const key of SIM_KEYS) expect(html).not.toContain(key);
    } finally {
      await web.close();
    }
    await expect(fetch(web.url)).rejects.toThrow();
  });

  it('answers only to its own loopback address (no DNS rebinding)', async () => {
    const web = await startWebServer({ port: 0 });
    try {
      const port = new URL(web.url).port;
      expect((await getWithHost(`${web.url}api/target`, `localhost:${port}`)).status).toBe(200);
      const evil = await getWithHost(`${web.url}api/target`, `evil.example:${port}`);
      expect(evil.status).toBe(403);
      expect((JSON.parse(evil.body) as ApiErrorBody).error.message).toBe(
        `this harness answers only at http://127.0.0.1:${port}/ (got Host: evil.example:${port})`
      );
    } finally {
      await web.close();
    }
  });

  it('refuses a bad port with a usage error', async () => {
    await expect(startWebServer({ port: 70000 })).rejects.toThrow(new UsageError('--port 70000: expected a whole number from 0 to 65535, e.g. --port 8787'));
  });
});

describe('readAsset', () => {
  it.each(['/../package.json', '/js/../../server.ts', '/%2e%2e/server.ts', '/.hidden.js', '/js/main.ts', '/nope.css', '//etc/passwd'])(
    'serves nothing for %s',
    async (path) => {
      expect(await readAsset(path)).toBeUndefined();
    }
  );
  it('serves / as index.html', async () => {
    expect((await readAsset('/'))?.type).toBe('text/html; charset=utf-8');
  });
});

describe('live target', () => {
  const env = { MAILERLITE_API_KEY: 'live-key-0123456789abcdef' };

  it('warns, previews with the key redacted, and offers no simulator control', async () => {
    const web = await startWebServer({ port: 0, target: 'live', env, settings: { group_id: '123456789' } });
    const bodies: string[] = [];
    const get = async (path: string, init?: RequestInit) => {
      const answer = await fetch(new URL(path, web.url), init);
      const text = await answer.text();
      bodies.push(text);
      return { status: answer.status, text };
    };
    try {
      const target = JSON.parse((await get('/api/target')).text) as TargetView;
      expect(target).toMatchObject({ kind: 'live', live: true, controllable: false });
      const origin = new URL(web.url).origin;
      const post = (path: string, body: unknown) => get(path, { method: 'POST', headers: { 'content-type': 'application/json', origin }, body: JSON.stringify(body) });
      const preview = JSON.parse((await post('/api/preview', { id: 'mailerlite.subscriber.upsert', vars: PRIYA })).text) as Extract<
        PreviewView,
        { curl: string }
      >;
      expect(preview.request?.url).toBe('https://connect.mailerlite.com/api/subscribers');
      expect(preview.request?.headers.Authorization).toBe('Bearer [redacted:api_key]');
      const reset = await post('/api/sim/reset', {});
      expect(reset.status).toBe(409);
      expect((JSON.parse(reset.text) as ApiErrorBody).error.message).toMatch(/^there is no simulator to control: requests go to LIVE MailerLite/);
      await get('/');
      await get('/js/main.js');
      for (const body of bodies) expect(body).not.toContain(env.MAILERLITE_API_KEY);
    } finally {
      await web.close();
    }
  });

  it('needs the key', async () => {
    await expect(startWebServer({ port: 0, target: 'live', env: {} })).rejects.toThrow(/--target live needs the API key in MAILERLITE_API_KEY/);
  });
});

describe('runServe', () => {
  it('prints the URL, serves until told to stop, then closes and returns 0', async () => {
    const out = capture();
    const err = capture();
    let stop!: () => void;
    const stopped = new Promise<void>((resolve) => (stop = resolve));
    const running = runServe({ port: 0 }, { stdout: out.stream, stderr: err.stream, stop: stopped });
    await expect.poll(() => out.text(), { timeout: 5000 }).toMatch(/web harness at http:\/\/127\.0\.0\.1:\d+\//);
    const url = /web harness at (\S+)/.exec(out.text())?.[1] ?? '';
    expect(out.text()).toContain('sends to: embedded MailerLite simulator at http://127.0.0.1:');
    expect((await fetch(`${url}api/target`)).status).toBe(200);
    stop();
    expect(await running).toBe(0);
    expect(out.text()).toContain('web harness stopped');
    await expect(fetch(url)).rejects.toThrow();
    expect(err.text()).toBe('');
  });

  it('exits 2 with a clear message when the port is taken', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    const err = capture();
    try {
      expect(await runServe({ port }, { stdout: capture().stream, stderr: err.stream, stop: Promise.resolve() })).toBe(2);
      expect(err.text()).toBe(`mailerlite-steps: port ${port} on 127.0.0.1 is in use: pick another with --port (0 picks a free one)\n`);
    } finally {
      blocker.close();
    }
  });

  it('exits 2 for --target live without a key', async () => {
    const err = capture();
    expect(await runServe({ port: 0, target: 'live', env: {} }, { stdout: capture().stream, stderr: err.stream, stop: Promise.resolve() })).toBe(2);
    expect(err.text()).toMatch(/^mailerlite-steps: --target live needs the API key in MAILERLITE_API_KEY/);
  });
});
