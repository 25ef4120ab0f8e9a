import { existsSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startWebServer, type TargetView, type WebServer } from '../../plugin/harness/web/index.js';
import { DEFAULT_SIM_KEYS } from '../../plugin/simulator/types.js';
import { describeNeeding } from '../harness/requirement.js';
import { brokenCatalog } from '../web/broken-catalog.js';

/** Debian's Chromium; CHROMIUM_PATH points elsewhere (another distribution, or a test of the missing case). */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
const SHOTS = path.join(path.dirname(fileURLToPath(import.meta.url)), '__screenshots__');
const missing = existsSync(CHROMIUM) ? undefined : `${CHROMIUM} is missing (apt-get install -y chromium; .ci/run installs it)`;

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

  /** Loads the page afresh on an item (a goto to the same URL and hash would keep the form). */
  async function open(hash: string, p = page): Promise<void> {
    await p.goto('about:blank');
    await p.goto(web.url + hash);
    await p.locator('#fields [data-input]').first().waitFor();
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
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
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
    expect(await page.locator('#result-rule').textContent()).toContain('Rule 1 of 7 matched (when status 201)');
    const outputs = await page.locator('#result-outputs').textContent();
    expect(outputs).toContain('subscriber_id');
    expect(outputs).toContain('"987654321"');
    await page.screenshot({ path: path.join(SHOTS, 'upsert-sent-1280.png'), fullPage: true });
  });

  it("plays JOIN as a chat: the trigger, the guide's reply, and each API call under the message", async () => {
    await resetSimulator();
    await open('#/flow/new/whatsapp.join');
    await page.getByLabel('Email').focus();
    await page.keyboard.press('Enter');
    const chat = page.locator('#chat');
    await expect.poll(() => chat.locator('.msg.bot .bubble').allTextContents()).toEqual([JOINED]);
    expect(await chat.locator('.msg.contact .bubble').allTextContents()).toEqual(['JOIN']);
    const calls = chat.locator('.msg.contact details.call');
    expect(await calls.locator(':scope > summary').allTextContents()).toEqual([
      expect.stringMatching(/^lookup GET \/api\/subscribers\/priya@example\.com → 404 Not Found not_found then upsert/),
      expect.stringMatching(/^upsert POST \/api\/subscribers → 201 Created created then reply_subscribed/),
    ]);
    await calls.nth(1).locator(':scope > summary').click();
    await expect.poll(() => calls.nth(1).locator('table.outputs').textContent()).toContain('"987654321"');
    expect(await page.locator('#flow-end').textContent()).toBe('Flow ended: subscribed (added to the group)');
    await page.screenshot({ path: path.join(SHOTS, 'join-chat-1280.png'), fullPage: true });
  });

  it('keeps a name with quotes and emoji intact in the preview, the request, the cURL and the reply', async () => {
    const name = `"Pri🌸" D'Souza`;
    await resetSimulator();
    await open('#/flow/new/whatsapp.join');
    await page.getByLabel('Name').fill(name);
    await send();
    const chat = page.locator('#chat');
    await expect
      .poll(() => chat.locator('.msg.bot .bubble').allTextContents())
      .toEqual(['You are now subscribed, "Pri🌸"! You will receive our newsletter at priya@example.com.']);
    const upsert = chat.locator('details.call').nth(1);
    await upsert.locator(':scope > summary').click();
    await upsert.locator('details.sent summary').click();
    expect(await upsert.locator('details.sent pre').textContent()).toContain(`"name": "\\"Pri🌸\\" D'Souza"`);

    await open('#/template/mailerlite.subscriber.upsert');
    await page.getByLabel('Name').fill(name);
    await expect.poll(() => page.locator('#preview-out').textContent()).toContain(`"name": "\\"Pri🌸\\" D'Souza"`);
    await page.getByRole('button', { name: 'Copy as cURL' }).click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toContain(`"name":"\\"Pri🌸\\" D'\\''Souza"`);
  });

  it('asks again for a bad email, and the contact answers in the chat', async () => {
    await resetSimulator();
    await open('#/flow/new/whatsapp.join');
    await page.getByLabel('Email').fill('priya@');
    await send();
    const answer = page.getByLabel(/Answer as the contact/);
    await answer.waitFor();
    await expect(answer.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await answer.fill('priya@example.com');
    await page.keyboard.press('Enter');
    const chat = page.locator('#chat');
    await expect
      .poll(() => chat.locator('.msg.bot .bubble').allTextContents())
      .toEqual(["That email address doesn't look right. Please send it again (for example priya@example.com).", JOINED]);
    expect(await chat.locator('.msg.contact > .bubble').allTextContents()).toEqual(['JOIN', 'priya@example.com']);
  });

  it('loads a scenario: with Priya already subscribed, JOIN says so', async () => {
    await open('#/flow/new/whatsapp.join');
    await page.getByLabel('Scenario').selectOption({ label: 'Priya already subscribed' });
    await page.getByRole('button', { name: 'Load' }).click();
    await expect.poll(() => page.locator('#sim-status').textContent()).toContain('Loaded: Priya already subscribed. Now 1 subscriber, 1 group.');
    await send();
    await expect.poll(() => page.locator('#chat .msg.bot .bubble').allTextContents()).toEqual(['You are already subscribed!']);
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
    await send(narrow);
    await expect.poll(() => narrow.locator('#chat .msg.bot .bubble').allTextContents()).toEqual([JOINED]);
    await narrow.screenshot({ path: path.join(SHOTS, 'join-chat-360.png'), fullPage: true });
    await open('#/template/mailerlite.subscriber.upsert', narrow);
    await send(narrow);
    await expect.poll(() => narrow.locator('#result-status').textContent()).toBe('200 OK');
    expect(await narrow.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
    await narrow.screenshot({ path: path.join(SHOTS, 'upsert-sent-360.png'), fullPage: true });
    await narrow.close();
  });

  it('a page on another origin cannot reset the simulator, not even from a sandboxed frame with a text/plain form', async () => {
    const origin = new URL(web.url).origin;
    const post = (route: string, body: unknown) =>
      fetch(new URL(route, web.url), { method: 'POST', headers: { 'content-type': 'application/json', origin }, body: JSON.stringify(body) });
    expect((await post('/api/sim/seed', { scenario: 'priya-subscribed' })).status).toBe(200);
    const form = `<form method="post" enctype="text/plain" action="${web.url}api/sim/reset"><input name='{"x":"' value='"}'></form><script>document.forms[0].submit()</script>`;
    const attacker = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(`<!doctype html><title>elsewhere</title><iframe sandbox="allow-forms allow-scripts" srcdoc="${form.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"></iframe>`);
    });
    await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve));
    const p = await context.newPage();
    try {
      const refused = p.waitForResponse((r) => r.url().endsWith('/api/sim/reset'));
      await p.goto(`http://127.0.0.1:${(attacker.address() as AddressInfo).port}/`);
      const answer = await refused;
      expect(answer.status()).toBe(403);
      expect(answer.request().headers()['origin']).toBe('null');
      const target = (await (await fetch(new URL('/api/target', web.url))).json()) as TargetView;
      expect(target.counts?.new.subscribers).toBe(1);
    } finally {
      await p.close();
      await new Promise<void>((resolve) => {
        attacker.close(() => resolve());
        attacker.closeAllConnections();
      });
      await post('/api/sim/reset', {});
    }
  });

  it('never shows the key: not in the HTML, not in any response; nothing loaded from elsewhere', async () => {
    const html = await page.content();
    for (const key of KEYS) expect(html).not.toContain(key);
    const seen = await Promise.all(bodies);
    expect(seen.filter((b) => b.url.includes('/api/run')).length).toBeGreaterThan(5);
    expect(seen.filter((b) => b.url.includes('/api/preview')).length).toBeGreaterThan(10);
    for (const { url, text } of seen) for (const key of KEYS) expect(text, url).not.toContain(key);
    expect(requested.filter((url) => !url.startsWith('http://127.0.0.1:'))).toEqual([]);
    expect(pageErrors.filter((e) => !e.includes('ERR_CONNECTION_REFUSED') && !e.includes('Failed to load resource'))).toEqual([]);
  });
});
