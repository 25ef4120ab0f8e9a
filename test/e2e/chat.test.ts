import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startWebServer, type WebServer } from '../../plugin/harness/web/index.js';
import { describeNeeding } from '../harness/requirement.js';
import { bubbles, launchChromium, missingChromium, sendMessage } from './browser.js';

/** Screenshots of the web chat: a fresh temp dir, or WEB_CHAT_SHOTS; their list is written to shots.txt there. */
const SHOTS = process.env.WEB_CHAT_SHOTS ?? mkdtempSync(path.join(tmpdir(), 'web-chat-'));

const ASK_EMAIL = 'What email address should we send the newsletter to?';
const ASK_NAME = "And what's your name?";
const BAD_EMAIL = `That doesn't look like an email address (for example priya@example.com). ${ASK_EMAIL}`;
const ASK_STOP_EMAIL = 'Which email address should we unsubscribe?';
const NOT_SUBSCRIBED = "You weren't subscribed to our newsletter, so there is nothing to stop.";
const JOINED = 'You are now subscribed, Priya! You will receive our newsletter at priya@example.com.';
const JOIN_HASH = '#/flow/new/whatsapp.join';

describeNeeding(missingChromium, 'web chat in Chromium', () => {
  let web: WebServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const shots: string[] = [];
  const pageErrors: string[] = [];

  async function shoot(name: string, p = page): Promise<void> {
    const file = path.join(SHOTS, name);
    await p.screenshot({ path: file, fullPage: true });
    shots.push(file);
  }

  async function fresh(hash = JOIN_HASH, p = page): Promise<void> {
    await p.goto('about:blank');
    await p.goto(web.url + hash);
    await p.locator('#catalog-list a').first().waitFor({ state: 'attached' });
  }

  async function reset(): Promise<void> {
    const origin = new URL(web.url).origin;
    const answer = await fetch(new URL('/api/sim/reset', web.url), { method: 'POST', headers: { 'content-type': 'application/json', origin }, body: '{}' });
    expect(answer.status).toBe(200);
  }

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    web = await startWebServer({ port: 0 });
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
  }, 30_000);

  afterAll(async () => {
    writeFileSync(path.join(SHOTS, 'shots.txt'), shots.join('\n') + '\n');
    if (shots.length > 0) console.info(`web chat screenshots:\n${shots.join('\n')}`);
    await browser?.close();
    await web?.close();
  });

  it('lands on the JOIN flow, as a chat, not on a step that needs a subscriber id', async () => {
    await page.goto(web.url);
    await expect.poll(() => page.evaluate(() => location.hash)).toBe(JOIN_HASH);
    expect(await page.locator('#detail-title').textContent()).toBe('JOIN: subscribe from WhatsApp');
    expect(await page.locator('#catalog-list a[aria-current="page"]').getAttribute('href')).toBe(JOIN_HASH);
    await expect(page.getByRole('textbox', { name: 'Message' }).isVisible()).resolves.toBe(true);
    expect(await page.locator('#inputs-form').isHidden()).toBe(true);
    expect(await page.locator('#preview').isHidden()).toBe(true);
    expect(await page.locator('#chat-words button').allTextContents()).toEqual(['JOIN', 'STOP', 'PRECHECK', 'SETUP']);
  });

  it('is a chat as on a phone: JOIN, a bad email, STOP mid-question, an email, JOIN, a name', async () => {
    await reset();
    await fresh();
    await sendMessage(page, 'JOIN');
    expect(await bubbles(page, 'bot')).toEqual([ASK_EMAIL]);
    await expect.poll(() => page.locator('#chat-input').getAttribute('inputmode')).toBe('email');
    expect(await page.locator('#chat-waiting').textContent()).toContain('The bot waits for customer_email (email)');
    await shoot('chat-1-asks-email-1280.png');

    await sendMessage(page, 'priya@');
    expect((await bubbles(page, 'bot')).at(-1)).toBe(BAD_EMAIL);
    await shoot('chat-2-bad-email-1280.png');

    await sendMessage(page, 'STOP');
    const notes = page.locator('.chat .note');
    expect(await notes.allTextContents()).toEqual([
      'JOIN starts whatsapp.join',
      'Left whatsapp.join while it waited for customer_email: another trigger word.',
      'STOP starts whatsapp.stop',
    ]);
    expect((await bubbles(page, 'bot')).at(-1)).toBe(ASK_STOP_EMAIL);
    await sendMessage(page, 'priya@example.com');
    expect((await bubbles(page, 'bot')).at(-1)).toBe(NOT_SUBSCRIBED);
    await shoot('chat-3-stop-mid-question-1280.png');

    await sendMessage(page, 'join');
    expect((await bubbles(page, 'bot')).at(-1)).toBe(ASK_NAME);
    await sendMessage(page, 'Priya Sharma');
    expect(await bubbles(page, 'bot')).toEqual([ASK_EMAIL, BAD_EMAIL, ASK_STOP_EMAIL, NOT_SUBSCRIBED, ASK_NAME, JOINED]);
    expect(await bubbles(page, 'contact')).toEqual(['JOIN', 'priya@', 'STOP', 'priya@example.com', 'join', 'Priya Sharma']);
    // The API calls sit under the message that caused them.
    const calls = page.locator('.chat .msg.contact').nth(5).locator('details.call > summary');
    expect(await calls.allTextContents()).toEqual([
      expect.stringMatching(/^lookup GET \/api\/subscribers\/priya@example\.com → 404 Not Found not_found/),
      expect.stringMatching(/^upsert POST \/api\/subscribers → 201 Created created/),
    ]);
    expect(await page.locator('.chat .msg.contact').nth(1).locator('details.call').count()).toBe(0);
    expect(await page.locator('#memory-table').textContent()).toContain('priya@example.com');
    expect(await page.locator('.chat .note.flow-end').last().textContent()).toBe('Flow ended: subscribed (added to the group)');
    await shoot('chat-4-joined-1280.png');
  });

  it('a trigger word is a button too; an alias in any case opts out', async () => {
    await reset();
    await fresh();
    await page.getByRole('button', { name: 'Send JOIN' }).click();
    await expect.poll(() => bubbles(page, 'bot')).toEqual([ASK_EMAIL]);
    await sendMessage(page, 'priya@example.com');
    await sendMessage(page, 'unsubscribe');
    expect(await bubbles(page, 'bot')).toEqual([ASK_EMAIL, ASK_NAME, NOT_SUBSCRIBED]);
    // A blank message is not sent, as on a phone.
    await page.getByRole('textbox', { name: 'Message' }).fill('   ');
    await page.getByRole('textbox', { name: 'Message' }).press('Enter');
    expect(await bubbles(page, 'contact')).toEqual(['JOIN', 'priya@example.com', 'unsubscribe']);
  });

  it('"New conversation" forgets what the bot knew', async () => {
    await fresh();
    await sendMessage(page, 'JOIN');
    await sendMessage(page, 'priya@example.com');
    await page.getByRole('button', { name: 'New conversation' }).click();
    expect(await page.locator('.chat .msg').count()).toBe(0);
    await sendMessage(page, 'JOIN');
    expect(await bubbles(page, 'bot')).toEqual([ASK_EMAIL]);
  });

  it('reads well at 360 px', async () => {
    await reset();
    const narrow = await context.newPage();
    await narrow.setViewportSize({ width: 360, height: 800 });
    await fresh(JOIN_HASH, narrow);
    for (const message of ['JOIN', 'priya@', 'priya@example.com', 'Priya Sharma']) await sendMessage(narrow, message);
    expect((await bubbles(narrow, 'bot')).at(-1)).toBe(JOINED);
    expect(await narrow.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
    await shoot('chat-joined-360.png', narrow);
    await narrow.close();
  });

  it('"Skip to the form" moves the focus to the form and keeps the selected step', async () => {
    const hash = '#/template/mailerlite.subscriber.upsert';
    await fresh(hash);
    await page.locator('#fields [data-input]').first().waitFor();
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Skip to the form');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('in-customer_email');
    expect(await page.evaluate(() => location.hash)).toBe(hash);
    expect(await page.locator('#detail-title').textContent()).toBe('Add or update a subscriber in the group');
    // Without the page's script in the way, #main names no step: nothing else is selected.
    await page.evaluate(() => {
      location.hash = '#main';
    });
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#main');
    expect(await page.locator('#detail-title').textContent()).toBe('Add or update a subscriber in the group');

    await fresh();
    await page.locator('#skip').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('chat-input');
    expect(await page.evaluate(() => location.hash)).toBe(JOIN_HASH);
  });

  it('an unknown id in the address says "not found" with the nearest ids, and shows no other step', async () => {
    await fresh('#/template/mailerlite.subscriber.lokup');
    await page.locator('#not-found').waitFor();
    expect(await page.locator('#not-found-title').textContent()).toBe('Not found');
    expect(await page.locator('#not-found-text').textContent()).toBe(
      'There is no step template mailerlite.subscriber.lokup (the address is #/template/mailerlite.subscriber.lokup).',
    );
    await expect.poll(() => page.locator('#not-found-list a').first().textContent()).toBe('mailerlite.subscriber.lookup');
    expect(await page.locator('#detail').isHidden()).toBe(true);
    expect(await page.locator('#catalog-list a[aria-current="page"]').count()).toBe(0);
    await shoot('not-found-1280.png');
    await page.locator('#not-found-list a').first().click();
    await expect.poll(() => page.locator('#detail-title').textContent()).toBe('Look up a subscriber');
    expect(await page.locator('#not-found').isHidden()).toBe(true);

    await fresh('#/flow/classic/whatsapp.jion');
    await expect.poll(() => page.locator('#not-found-list a').first().textContent()).toBe('whatsapp.join');
    expect(await page.locator('#not-found-list a').first().getAttribute('href')).toBe('#/flow/classic/whatsapp.join');
    expect(await page.locator('#not-found-text').textContent()).toContain('There is no flow for the classic API whatsapp.jion');
  });

  it('the settings panel: kept for the session, used by the chat; the key field only for live', async () => {
    await fresh();
    await page.evaluate(() => sessionStorage.clear());
    await fresh();
    await page.locator('#settings > summary').click();
    expect(await page.locator('#settings-key-field').isHidden()).toBe(true);
    expect(await page.getByLabel('Target group id').getAttribute('placeholder')).toBe('123456789');
    await page.getByLabel('Opt-in form URL').fill('https://example.com/come-back');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect.poll(() => page.locator('#settings-status').textContent()).toContain('Saved for this tab.');
    await shoot('settings-1280.png');

    // A reload keeps them (sessionStorage) ...
    await fresh();
    await page.locator('#settings > summary').click();
    expect(await page.getByLabel('Opt-in form URL').inputValue()).toBe('https://example.com/come-back');
    // ... and the chat uses them: an unsubscribed Priya gets that form.
    await page.getByLabel('Scenario').selectOption({ label: 'An unsubscribed contact' });
    await page.getByRole('button', { name: 'Load' }).click();
    await expect.poll(() => page.locator('#sim-status').textContent()).toContain('Loaded');
    for (const message of ['JOIN', 'priya@example.com', 'Priya']) await sendMessage(page, message);
    expect((await bubbles(page, 'bot')).at(-1)).toContain('https://example.com/come-back');

    // The API version picks the flows: classic JOIN talks to /api/v2.
    await page.getByLabel('MailerLite version').selectOption('classic');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#/flow/classic/whatsapp.join');
    expect(await page.locator('#catalog-list h2').first().textContent()).toBe('Classic MailerLite');
    await reset();
    for (const message of ['JOIN', 'priya@example.com', 'Priya Sharma']) await sendMessage(page, message);
    expect((await bubbles(page, 'bot')).at(-1)).toBe(JOINED);
    expect(await page.locator('.chat:visible details.call > summary').first().textContent()).toContain('/api/v2/subscribers');

    await page.getByRole('button', { name: 'Clear' }).click();
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
  });

  it('live: the key field is shown; the key goes to the harness once and is never kept by the page', async () => {
    const key = 'page-typed-live-key-0123456789';
    const live = await startWebServer({ port: 0, target: 'live', env: { MAILERLITE_API_KEY: 'env-live-key-abcdefghij' }, settings: { group_id: '123456789' } });
    const p = await context.newPage();
    try {
      await p.goto(live.url);
      await p.locator('#settings > summary').click();
      await expect(p.getByLabel(/API key/).isVisible()).resolves.toBe(true);
      await p.getByLabel(/API key/).fill(key);
      const posted = p.waitForResponse((r) => r.url().endsWith('/api/key'));
      await p.getByRole('button', { name: 'Save settings' }).click();
      expect((await posted).status()).toBe(200);
      await expect.poll(() => p.locator('#settings-status').textContent()).toContain('The harness holds the key now');
      expect(await p.getByLabel(/API key/).inputValue()).toBe('');
      expect(await p.evaluate(() => JSON.stringify(sessionStorage))).not.toContain(key);
      expect(await p.content()).not.toContain(key);
      await shoot('settings-live-1280.png', p);
    } finally {
      await p.close();
      await live.close();
    }
  });

  it('raised no page errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
