import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect } from 'vitest';

/** Debian's Chromium; CHROMIUM_PATH points elsewhere (another distribution, or a test of the missing case). */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Why the browser suites cannot run here, or undefined when they can (see describeNeeding). */
export const missingChromium = existsSync(CHROMIUM) ? undefined : `${CHROMIUM} is missing (apt-get install -y chromium; .ci/run installs it)`;

/** Starts headless Chromium through playwright-core. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS });
}

/**
 * Types a message into the flow view's chat as a contact would and waits for the bot's
 * answer (the Send button is busy until it comes).
 *
 * @example
 * await sendMessage(page, 'JOIN')
 */
export async function sendMessage(page: Page, text: string): Promise<void> {
  const input = page.getByRole('textbox', { name: 'Message' });
  await input.fill(text);
  const answered = page.waitForResponse((r) => r.url().endsWith('/api/chat'));
  await input.press('Enter');
  await answered;
  await expect.poll(() => page.locator('#chat-send').isDisabled()).toBe(false);
}

/** The texts of the chat's bubbles, by who sent them, in order. */
export function bubbles(page: Page, who: 'bot' | 'contact'): Promise<string[]> {
  return page.locator(`.chat:visible .msg.${who} > .bubble`).allTextContents();
}
