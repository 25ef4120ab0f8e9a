import { mkdirSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createHandler, startWebServer, type TargetView, type WebServer } from '../../plugin/harness/web/index.js';
import { createSession } from '../../plugin/harness/session.js';
import { openTarget } from '../../plugin/target.js';
import { DEFAULT_SIM_KEYS } from '../../plugin/simulator/types.js';
import { describeNeeding } from '../harness/requirement.js';
import { brokenCatalog } from '../web/broken-catalog.js';
import { bubbles, launchChromium, missingChromium as missing, sendMessage } from './browser.js';

const SHOTS = path.join(path.dirname(fileURLToPath(import.meta.url)), '__screenshots__');

const ASK_EMAIL = 'What email address should we send the newsletter to?';
const ASK_NAME = "And what's your name?";
const JOINED = 'You are now subscribed, Priya! You will receive our newsletter at priya@example.com.';
const KEYS = [DEFAULT_SIM_KEYS.new, DEFAULT_SIM_KEYS.classic];

describeNeeding(missing, 'web harness in Chromium', () => {
  let web: WebServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  /** Every response body the page received, and every URL it asked for. */
  const bodies: Array<Promise<{ url: string; text: string }>> = [];
  const requested: string[] = [];
  const pageErrors: string[] = [];

  function watch(p: Page): void {
    p.on('request', (r) => requested.push(r.url()));
    p.on('response', (r) =>
      bodies.push(
        r.text().then(
          (text) => ({ url: r.url(), text }),
          () => ({ url: r.url(), text: '' })
        )
      )
    );
    p.on('pageerror', (e) => pageErrors.push(e.message));
    p.on('console', (m) => {
      if (m.type() === 'error') pageErrors.push(m.text());
    });
  }

  /** Loads the page afresh on an item (a goto to the same URL and hash would keep the form and the conversation). */
  async function open(hash: string, p = page): Promise<void> {
    await p.goto('about:blank');
    await p.goto(web.url + hash);
    await p.locator(hash.startsWith('#/flow/') ? '#chat-input' : '#fields [data-input]').first().waitFor();
  }

  /** Plays JOIN with Priya's email and the given name, as a contact types it. */
  async function join(name: string, p = page): Promise<void> {
    for (const message of ['JOIN', 'priya@example.com', name]) await sendMessage(p, message);
  }

  async function send(p = page): Promise<void> {
    await p.getByRole('button', { name: 'Send to the simulator' }).click();
  }

  async function resetSimulator(p = page): Promise<void> {
    await p.getByRole('button', { name: 'Reset simulator' }).click();
    await expect.poll(() => p.locator('#sim-status').textContent()).toContain('Simulator reset.');
  }

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    web = await startWebServer({ port: 0 });
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: web.url.replace(/\/$/, '') });
    page = await context.newPage();
    watch(page);
  }, 30_000);

  afterAll(async () => {
    await browser?.close();
    await web?.close();
  });

  it("previews Priya's upsert as she types, sends it, and shows 201 with subscriber_id", async () => {
    await open('#/template/mailerlite.subscriber.upsert');
    await expect.poll(() => page.locator('#preview-out').textContent()).toContain('"email": "priya@example.com"');
    for (const label of ['Email', 'Name', 'WhatsApp number']) await page.getByLabel(label).fill('');
    await expect.poll(() => page.locator('#preview-problems').textContent()).toContain('customer_email');
    await expect.poll(() => page.locator('#in-customer_email-error').textContent()).toContain('This input is required');

    await page.getByLabel('Email').pressSequentially('priya@example.com');
    await expect.poll(() => page.locator('#preview-out').textContent()).toContain('"email": "priya@example.com"');
    await expect.poll(() => page.locator('#preview-out').textContent()).not.toContain('"name"');
    await page.getByLabel('Name').pressSequentially('Priya Sharma');
    await expect.poll(() => page.locator('#preview-out').textContent()).toContain('"name": "Priya Sharma"');

    await page.getByLabel('WhatsApp number').pressSequentially('98200');
    await expect.poll(() => page.locator('#in-customer_phone-error').textContent()).toBe('Not an E.164 phone number: "98200" (e.g. +919820000001)');
    await expect(page.getByLabel('WhatsApp number').getAttribute('aria-invalid')).resolves.toBe('true');
    await page.getByLabel('WhatsApp number').fill('+919820000001');
    await expect.poll(() => page.locator('#preview-out').textContent()).toContain('"phone": "+919820000001"');
    await expect.poll(() => page.locator('#in-customer_phone-error').textContent()).toBe('');

    expect(await page.locator('#preview-method').textContent()).toBe('POST');
    expect(await page.locator('#preview-url').textContent()).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/subscribers$/);
    expect(await page.locator('#preview-headers').textContent()).toContain('Bearer [redacted:api_key]');
    await page.screenshot({ path: path.join(SHOTS, 'upsert-preview-1280.png'), fullPage: true });

    await page.getByRole('button', { name: 'Copy as cURL' }).click();
    await expect.poll(() => page.locator('#copy-status').textContent()).toContain('copied');
    const curl = await page.evaluate(() => navigator.clipboard.readText());
    expect(curl).toContain('-H "Authorization: Bearer $MAILERLITE_API_KEY"');
    expect(curl).toContain(`--data-raw '{"email":"priya@example.com","fields":{"name":"Priya Sharma","phone":"+919820000001"}`);

    await send();
    await expect.poll(() => page.locator('#result-status').textContent()).toBe('201 Created');
    expect(await page.locator('#result-outcome').textContent()).toBe('created');
    expect(await page.locator('#result-rule').textContent()).toMatch(/^Rule 1 of \d+ matched \(when status 201\)/);
    const outputs = await page.locator('#result-outputs').textContent();
    expect(outputs).toContain('subscriber_id');
    expect(outputs).toContain('"987654321"');
    await page.screenshot({ path: path.join(SHOTS, 'upsert-sent-1280.png'), fullPage: true });
  });

  it("plays JOIN as a chat: the contact's messages, the guide's reply, and each API call under the message that caused it", async () => {
    await resetSimulator();
    await open('#/flow/new/whatsapp.join');
    await join('Priya Sharma');
    expect(await bubbles(page, 'bot')).toEqual([ASK_EMAIL, ASK_NAME, JOINED]);
    expect(await bubbles(page, 'contact')).toEqual(['JOIN', 'priya@example.com', 'Priya Sharma']);
    const named = page.locator('.chat .msg.contact').nth(2);
    const calls = named.locator('details.call');
    expect(await calls.locator(':scope > summary').allTextContents()).toEqual([
      expect.stringMatching(/^lookup GET \/api\/subscribers\/priya@example\.com → 404 Not Found not_found then upsert/),
      expect.stringMatching(/^upsert POST \/api\/subscribers → 201 Created created/),
    ]);
    expect(await page.locator('.chat .msg.contact').nth(0).locator('details.call').count()).toBe(0);
    await calls.nth(1).locator(':scope > summary').click();
    await expect.poll(() => calls.nth(1).locator('table.outputs').textContent()).toContain('"987654321"');
    expect(await page.locator('.chat .note.flow-end').last().textContent()).toBe('Flow ended: subscribed (added to the group)');
    await page.screenshot({ path: path.join(SHOTS, 'join-chat-1280.png'), fullPage: true });
  });

  it('keeps a name with quotes and emoji intact in the preview, the request, the cURL and the reply', async () => {
    const name = `"Pri🌸" D'Souza`;
    await resetSimulator();
    await open('#/flow/new/whatsapp.join');
    await join(name);
    expect((await bubbles(page, 'bot')).at(-1)).toBe('You are now subscribed, "Pri🌸"! You will receive our newsletter at priya@example.com.');
    const upsert = page.locator('.chat details.call').nth(1);
    await upsert.locator(':scope > summary').click();
    await upsert.locator('details.sent summary').click();
    expect(await upsert.locator('details.sent pre').textContent()).toContain(`"name": "\\"Pri🌸\\" D'Souza"`);

    await open('#/template/mailerlite.subscriber.upsert');
    await page.getByLabel('Name').fill(name);
    await expect.poll(() => page.locator('#preview-out').textContent()).toContain(`"name": "\\"Pri🌸\\" D'Souza"`);
    await page.getByRole('button', { name: 'Copy as cURL' }).click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toContain(`"name":"\\"Pri🌸\\" D'\\''Souza"`);
  });

  it('catches a bad email when it is typed, before the next question', async () => {
    await resetSimulator();
    await open('#/flow/new/whatsapp.join');
    await sendMessage(page, 'JOIN');
    await sendMessage(page, 'priya@');
    expect((await bubbles(page, 'bot')).at(-1)).toBe(`That doesn't look like an email address (for example priya@example.com). ${ASK_EMAIL}`);
    await sendMessage(page, 'priya@example.com');
    await sendMessage(page, 'Priya Sharma');
    expect(await bubbles(page, 'bot')).toEqual([ASK_EMAIL, `That doesn't look like an email address (for example priya@example.com). ${ASK_EMAIL}`, ASK_NAME, JOINED]);
  });

  it('loads a scenario: with Priya already subscribed, JOIN says so', async () => {
    await open('#/flow/new/whatsapp.join');
    await page.getByLabel('Scenario').selectOption({ label: 'Priya already subscribed' });
    await page.getByRole('button', { name: 'Load' }).click();
    await expect.poll(() => page.locator('#sim-status').textContent()).toContain('Loaded: Priya already subscribed. Now 1 subscriber, 1 group.');
    await join('Priya Sharma');
    expect((await bubbles(page, 'bot')).at(-1)).toBe('You are already subscribed!');
  });

  it('shows a missing input, and a network failure, as clear states', async () => {
    await open('#/template/mailerlite.subscriber.upsert');
    await page.getByLabel('Email').fill('');
    await send();
    await expect.poll(() => page.locator('#result-error').textContent()).toContain('Missing input:');
    expect(await page.locator('#in-customer_email-error').textContent()).toContain('This input is required');

    await page.getByLabel('Email').fill('priya@example.com');
    await page.route('**/api/run', (route) => route.abort('connectionrefused'));
    await send();
    await expect.poll(() => page.locator('#result-error').textContent()).toContain('Network failure: Cannot reach the harness server');
    await page.unroute('**/api/run');
  });

  it('shows a template problem in the preview and the result', async () => {
    const broken = await startWebServer({ port: 0, catalog: brokenCatalog() });
    const p = await context.newPage();
    watch(p);
    try {
      await p.goto(`${broken.url}#/template/test.unclosed`);
      await expect.poll(() => p.locator('#preview-error').textContent()).toMatch(/^Template problem.*in test\.unclosed: unclosed "<<"/);
      await p.getByRole('button', { name: 'Send to the simulator' }).click();
      await expect
        .poll(() => p.locator('#result-error').textContent())
        .toMatch(/^Template problem: in test\.unclosed: unclosed "<<".*mailerlite-steps validate/);
    } finally {
      await p.close();
      await broken.close();
    }
  });

  it('reads well at 360 px, catalog folded', async () => {
    const narrow = await context.newPage();
    watch(narrow);
    await narrow.setViewportSize({ width: 360, height: 800 });
    await open('#/flow/new/whatsapp.join', narrow);
    await resetSimulator(narrow);
    expect(await narrow.locator('#catalog-menu').getAttribute('open')).toBeNull();
    const overflow = await narrow.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBe(0);
    await join('Priya Sharma', narrow);
    expect((await bubbles(narrow, 'bot')).at(-1)).toBe(JOINED);
    expect(await narrow.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
    await narrow.screenshot({ path: path.join(SHOTS, 'join-chat-360.png'), fullPage: true });
    await open('#/template/mailerlite.subscriber.upsert', narrow);
    await send(narrow);
    await expect.poll(() => narrow.locator('#result-status').textContent()).toBe('200 OK');
    expect(await narrow.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
    await narrow.screenshot({ path: path.join(SHOTS, 'upsert-sent-360.png'), fullPage: true });
    await narrow.close();
  });

  it('a page on another origin cannot reset the simulator, not even from a sandboxed frame with a text/plain form', async () => {
    // A harness of its own that records what reaches it: the browser does not always report a sandboxed frame's request.
    const target = await openTarget({ target: 'sim' });
    const handler = createHandler(createSession({ settings: {}, target }), { port: () => harnessPort });
    const reached: Array<{ method: string; url: string; origin: string | undefined; type: string | undefined; status: number }> = [];
    const harness = createServer((req, res) => {
      res.on('finish', () => reached.push({ method: req.method ?? '', url: req.url ?? '', origin: req.headers.origin, type: req.headers['content-type'], status: res.statusCode }));
      handler(req, res);
    });
    await new Promise<void>((resolve) => harness.listen(0, '127.0.0.1', resolve));
    const harnessPort = (harness.address() as AddressInfo).port;
    const harnessUrl = `http://127.0.0.1:${harnessPort}/`;
    target.simulator?.seed({ scenario: 'priya-subscribed' });
    const form = `<form method="post" enctype="text/plain" action="${harnessUrl}api/sim/reset"><input name='{"x":"' value='"}'></form><script>document.forms[0].submit()</script>`;
    const attacker = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(`<!doctype html><title>elsewhere</title><iframe sandbox="allow-forms allow-scripts" srcdoc="${form.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"></iframe>`);
    });
    await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve));
    const p = await context.newPage();
    try {
      await p.goto(`http://127.0.0.1:${(attacker.address() as AddressInfo).port}/`);
      await expect.poll(() => reached.filter((r) => r.url === '/api/sim/reset')).toEqual([
        { method: 'POST', url: '/api/sim/reset', origin: 'null', type: 'text/plain', status: 403 },
      ]);
      const shown = (await (await fetch(new URL('/api/target', harnessUrl))).json()) as TargetView;
      expect(shown.counts?.new.subscribers).toBe(1);
    } finally {
      await p.close();
      for (const server of [attacker, harness]) {
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
      }
      await target.close();
    }
  });

  it('never shows the key: not in the HTML, not in any response; nothing loaded from elsewhere', async () => {
    const html = await page.content();
    for (const key of KEYS) expect(html).not.toContain(key);
    const seen = await Promise.all(bodies);
    expect(seen.filter((b) => b.url.includes('/api/run')).length).toBeGreaterThanOrEqual(3);
    expect(seen.filter((b) => b.url.includes('/api/chat')).length).toBeGreaterThan(10);
    expect(seen.filter((b) => b.url.includes('/api/preview')).length).toBeGreaterThan(10);
    for (const { url, text } of seen) for (const key of KEYS) expect(text, url).not.toContain(key);
    expect(requested.filter((url) => !url.startsWith('http://127.0.0.1:'))).toEqual([]);
    expect(pageErrors.filter((e) => !e.includes('ERR_CONNECTION_REFUSED') && !e.includes('Failed to load resource'))).toEqual([]);
  });
});
