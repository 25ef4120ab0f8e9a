import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadCatalog } from '../../plugin/catalog.js';
import { paletteTypes } from '../../plugin/node-red/palette.js';
import { describeNeeding } from '../harness/requirement.js';
import type { FlowNode, NodeRed } from '../support/node-red-process.js';
import { ensureBuilt, PROJECT } from './support/build.js';
import { EXAMPLE_ACCOUNT, installedExample } from './support/examples.js';
import { accountNode } from './support/flows.js';
import { installPalette, type InstalledPalette } from './support/install.js';
import { saveScreenshot } from './support/screenshot.js';
import { startNodeRed } from './support/node-red.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
/** Screenshots for the README and docs/node-red.md, taken here (rewritten only when they change). */
const IMAGES = path.join(PROJECT, 'docs', 'images');
const KEYS = { new: `nr-new-${randomBytes(12).toString('hex')}`, classic: `nr-classic-${randomBytes(12).toString('hex')}` };
const SIM_ORIGIN = 'http://127.0.0.1:9090';
const HOSTILE_NAME = 'Priya "Q" O\'Brien \\ 😀';

const built = await ensureBuilt();
const missing = built ?? (existsSync(CHROMIUM) ? undefined : `${CHROMIUM} is missing (apt-get install -y chromium)`);

/** The part of the editor's `RED` global (in the page) these tests call. */
interface EditorRed {
  nodes: { getType(type: string): unknown; filterNodes(filter: { type: string }): unknown[] };
  menu: { setSelected(id: string, state: boolean): void };
  actions: { invoke(name: string): void };
  editor: { edit(node: unknown): void };
}
declare const RED: EditorRed;

/** What the editor registered for one node type. */
interface Registered {
  category: string;
  outputs: number;
  outputLabels: string[];
  paletteLabel: string;
  label: string;
  inputs: number;
}

describeNeeding(missing, 'the palette in the Node-RED 4 editor (Chromium)', () => {
  let installed: InstalledPalette;
  let red: NodeRed;
  let browser: Browser;
  let page: Page;
  const received: Array<Promise<string>> = [];
  const pageErrors: string[] = [];
  const catalog = loadCatalog();

  beforeAll(async () => {
    mkdirSync(IMAGES, { recursive: true });
    installed = await installPalette();
    red = await startNodeRed({ userDir: installed.userDir });
    const join = await installedExample(installed.userDir, 'whatsapp-join');
    // The account as docs/node-red.md sets it up for `mailerlite-steps sim` (nothing is sent here: the
    // dialog only previews), so the screenshots are the same from run to run.
    const flows: FlowNode[] = join.map((node) => (node.id === EXAMPLE_ACCOUNT ? { ...accountNode(EXAMPLE_ACCOUNT, { api: 'new', baseUrl: SIM_ORIGIN, groupId: '123456789', groupName: 'WhatsApp Opt-Ins' }, KEYS.new), name: 'MailerLite (simulator)' } : node));
    await red.deploy(flows);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    page = await (await browser.newContext({ viewport: { width: 2000, height: 860 } })).newPage();
    page.on('response', (r) => received.push(r.text().catch(() => '')));
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(red.url);
    await page.waitForFunction(() => typeof RED !== 'undefined' && RED.nodes !== undefined && RED.nodes.getType('mailerlite-subscriber-upsert') !== undefined && document.querySelectorAll('.red-ui-flow-node-group').length > 10, undefined, { timeout: 30_000 });
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await red?.close();
    await installed?.remove();
  }, 30_000);

  it('registers every step node in the MailerLite category, an output per outcome with its name as label', async () => {
    const registered = await page.evaluate((types) => {
      const out: Record<string, Registered> = {};
      for (const type of types) {
        const def = RED.nodes.getType(type) as unknown as { category: string; outputs: number; outputLabels: string[]; paletteLabel: string; inputs: number; label: (this: object) => string };
        out[type] = { category: def.category, outputs: def.outputs, outputLabels: def.outputLabels, paletteLabel: def.paletteLabel, inputs: def.inputs, label: def.label.call({}) };
      }
      return out;
    }, paletteTypes(catalog).map((t) => t.type));
    for (const entry of paletteTypes(catalog)) {
      expect(registered[entry.type]).toEqual({ category: 'MailerLite', outputs: entry.outputs.length, outputLabels: entry.outputs, paletteLabel: entry.template.name, label: entry.template.name, inputs: 1 });
    }
    expect(registered['mailerlite-subscriber-upsert']!.outputLabels).toEqual(['created', 'updated', 'invalid', 'auth_error', 'rate_limited', 'error', 'invalid_input']);
    expect(pageErrors).toEqual([]);
  });

  it('shows the palette (screenshot docs/images/node-red-palette.png)', async () => {
    await page.locator('#red-ui-palette-search input').pressSequentially('mailerlite');
    const shown = page.locator('#red-ui-palette .red-ui-palette-node:visible');
    await expect.poll(() => shown.count()).toBe(paletteTypes(catalog).length);
    expect(await page.locator('#red-ui-palette-header-MailerLite').isVisible()).toBe(true);
    // The palette filtered on "mailerlite", down to the category's last node (a viewport tall enough for all of them).
    await page.setViewportSize({ width: 2000, height: 1500 });
    await page.waitForTimeout(600);
    const palette = await page.locator('#red-ui-palette').boundingBox();
    const nodes = await page.locator('#red-ui-palette-container-MailerLite').boundingBox();
    expect(palette && nodes).toBeTruthy();
    const shot = await page.screenshot({ clip: { x: palette!.x, y: palette!.y, width: palette!.width, height: Math.ceil(nodes!.y + nodes!.height + 8 - palette!.y) } });
    await saveScreenshot(page, shot, path.join(IMAGES, 'node-red-palette.png'));
    await page.setViewportSize({ width: 2000, height: 860 });
    await page.locator('#red-ui-palette-search input').fill('');
    await page.locator('#red-ui-palette-search input').press('Backspace');
  });

  it('shows the JOIN example in the editor (screenshot docs/images/node-red-join.png)', async () => {
    await page.evaluate(() => {
      RED.menu.setSelected('menu-item-sidebar', false);
    });
    await page.waitForTimeout(300);
    const labels = await page.locator('#red-ui-workspace .red-ui-flow-node-label').allTextContents();
    expect(labels).toEqual(expect.arrayContaining(['Look up a subscriber', 'Add or update a subscriber in the group', 'in the group?', 'subscribed']));
    await saveScreenshot(page, await page.locator('#red-ui-workspace').screenshot(), path.join(IMAGES, 'node-red-join.png'));
    await page.evaluate(() => {
      RED.menu.setSelected('menu-item-sidebar', true);
    });
  });

  it('lists the examples under Import > Examples', async () => {
    await page.evaluate(() => RED.actions.invoke('core:show-examples-import-dialog'));
    const dialog = page.locator('.red-ui-clipboard-dialog, #red-ui-clipboard-dialog').first();
    await dialog.getByText('mailerlite-steps', { exact: true }).click();
    await expect.poll(() => dialog.getByText('whatsapp-join', { exact: true }).isVisible()).toBe(true);
    expect(await dialog.getByText('whatsapp-stop', { exact: true }).isVisible()).toBe(true);
    await page.keyboard.press('Escape');
  });

  it('previews the request in the edit dialog as it is filled in, the key redacted (screenshot docs/images/node-red-preview.png)', async () => {
    await page.setViewportSize({ width: 1400, height: 1250 });
    await page.evaluate(() => {
      const upsert = RED.nodes.filterNodes({ type: 'mailerlite-subscriber-upsert' })[0]!;
      RED.editor.edit(upsert);
    });
    const preview = page.locator('.mailerlite-steps-preview');
    await expect.poll(() => preview.textContent(), { timeout: 10_000 }).toContain(`POST ${SIM_ORIGIN}/api/subscribers`);
    const text = (await preview.textContent()) ?? '';
    expect(text).toContain('Authorization: Bearer [redacted:api_key]');
    expect(text).toContain('"name": "Priya Sharma"');
    expect(await page.locator('.red-ui-typedInput-container').count()).toBe(3);

    await page.locator('#mailerlite-steps-try-customer_name').fill(HOSTILE_NAME);
    await page.locator('#mailerlite-steps-try-customer_email').fill(' Priya+News@Example.COM ');
    await expect.poll(() => preview.textContent()).toContain(JSON.stringify(HOSTILE_NAME));
    expect(await preview.textContent()).toContain('"email": "priya+news@example.com"');
    await page.locator('#mailerlite-steps-try-customer_email').fill('priya@');
    await expect.poll(() => preview.textContent()).toContain('Not sent: invalid_input');
    await page.locator('#mailerlite-steps-try-customer_email').fill('priya@example.com');
    await page.locator('#mailerlite-steps-try-customer_name').fill('Priya Sharma');
    await expect.poll(() => preview.textContent()).toContain('"email": "priya@example.com"');
    await page.locator('#mailerlite-steps-try-customer_name').blur();
    await page.waitForTimeout(400);
    await saveScreenshot(page, await page.locator('.red-ui-tray').last().screenshot({ animations: 'disabled' }), path.join(IMAGES, 'node-red-preview.png'));

    // The account's dialog: the key is a password credential the editor never receives.
    await page.locator('#node-input-btn-account-edit').click();
    const key = page.locator('#node-config-input-apiKey');
    await key.waitFor();
    expect(await key.getAttribute('type')).toBe('password');
    expect(await key.inputValue()).toBe('__PWRD__');
    expect(await page.locator('#node-config-input-baseUrl').inputValue()).toBe(SIM_ORIGIN);
    expect(await page.locator('#node-config-input-api').inputValue()).toBe('new');
    await page.getByRole('button', { name: 'Cancel' }).last().click();
    await page.getByRole('button', { name: 'Cancel' }).last().click();

    const bodies = await Promise.all(received);
    expect(bodies.filter((b) => b.includes(KEYS.new))).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
