import { readFileSync } from 'node:fs';
import { PassThrough, Readable } from 'node:stream';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../plugin/catalog.js';
import { main } from '../../plugin/harness/cli/main.js';
import { packageRoot } from '../../plugin/paths.js';
import { startSimulator, type Simulator } from '../../plugin/simulator/index.js';
import { cli, type CliRun } from './io.js';

const GUIDE_REPLY = 'You are now subscribed, Priya! You will receive our newsletter at priya@example.com.';
const ASK_EMAIL = 'bot: What email address should we send the newsletter to?';
const ASK_NAME = "bot: And what's your name?";
const BAD_EMAIL = "bot: That doesn't look like an email address (for example priya@example.com). What email address should we send the newsletter to?";
const NOT_SUBSCRIBED = "bot: You weren't subscribed to our newsletter, so there is nothing to stop.";
const STOPPED = 'bot: You have been unsubscribed from our newsletter. Send JOIN any time to come back.';
const RESTART = "bot: Sorry, that still isn't right, so let's stop here. Send JOIN to start again.";

const keys = { new: 'chat-test-new-key-5e3b', classic: 'chat-test-classic-key-8c1d' };
let sim: Simulator;

beforeAll(async () => {
  sim = await startSimulator({ port: 0, keys });
});
afterAll(async () => {
  await sim.close();
});
beforeEach(() => {
  sim.reset();
});

/** A scripted chat: one line per message, against the test's simulator. */
function chat(lines: readonly string[], flags: string[] = [], key = keys.new): Promise<CliRun> {
  return cli(['chat', '--base-url', sim.url, ...flags], { env: { MAILERLITE_API_KEY: key }, stdin: lines.map((line) => `${line}\n`).join('') });
}

const said = (run: CliRun): string[] => run.stdout.trimEnd().split('\n');

describe('chat survives ordinary contacts', () => {
  it('asks again after a blank answer, catches a bad email before the next question, and takes STOP mid-question as an opt-out', async () => {
    const run = await chat(['JOIN', '', 'priya@', 'STOP', 'priya@example.com', 'JOIN', 'Priya Sharma']);
    expect(run.code, run.stderr).toBe(0);
    expect(said(run)).toEqual([
      ASK_EMAIL,
      ASK_EMAIL, // the blank answer, asked again
      BAD_EMAIL, // caught before the name is asked
      'bot: Which email address should we unsubscribe?', // STOP left JOIN; the STOP flow asks for the email its own way
      NOT_SUBSCRIBED,
      ASK_NAME, // JOIN again: the email is remembered
      `bot: ${GUIDE_REPLY}`,
    ]);
    expect(run.stderr).toContain('■ left whatsapp.join while it waited for customer_email');
    // Piped lines are echoed on stderr, so the transcript reads as a conversation; stdout holds only the bot.
    expect(run.stderr.split('\n').filter((line) => line.startsWith('you:'))).toEqual(['you: JOIN', 'you:', 'you: priya@', 'you: STOP', 'you: priya@example.com', 'you: JOIN', 'you: Priya Sharma']);
    expect(run.stderr).toContain(`GET ${sim.url}/api/subscribers/priya@example.com ← 404 not_found`);
    expect(run.stderr).toContain(`POST ${sim.url}/api/subscribers ← 201 created`);
    expect(run.stderr).not.toContain('--var');
    // Neither the blank line, the bad email nor STOP reached MailerLite as an email.
    const urls = sim.journal().map((entry) => `${entry.method} ${entry.path}`);
    expect(urls).toEqual(['GET /api/subscribers/priya@example.com', 'GET /api/subscribers/priya@example.com', 'POST /api/subscribers']);
  });

  it('JOIN then an empty line and the end of input exits 0 (it used to exit 2 asking for --var customer_email)', async () => {
    const run = await chat(['JOIN', '']);
    expect(run.code).toBe(0);
    expect(said(run)).toEqual([ASK_EMAIL, ASK_EMAIL]);
    expect(run.stderr).not.toContain('mailerlite-steps:');
  });

  it('after three bad answers says how to start again, then starts again on JOIN', async () => {
    const run = await chat(['join', 'priya', '', 'priya@example', 'hello', 'JOIN', 'Priya@Example.com', 'Priya Sharma']);
    expect(run.code).toBe(0);
    expect(said(run)).toEqual([
      ASK_EMAIL,
      BAD_EMAIL,
      ASK_EMAIL,
      RESTART,
      'bot: Send JOIN, STOP, PRECHECK or SETUP to start.',
      ASK_EMAIL,
      ASK_NAME,
      `bot: ${GUIDE_REPLY}`,
    ]);
    expect(run.stderr).toContain('■ left whatsapp.join while it waited for customer_email');
    expect(run.stderr).toContain('■ subscribed (added to the group)');
  });

  it.each(['STOP', 'stop', ' Stop ', 'STOPALL', 'unsubscribe', 'Cancel', 'END', 'quit', 'OptOut'])('"%s" while the bot waits for a name is an opt-out', async (word) => {
    const run = await chat(['JOIN', 'priya@example.com', word]);
    expect(run.code).toBe(0);
    expect(said(run)).toEqual([ASK_EMAIL, ASK_NAME, NOT_SUBSCRIBED]);
    expect(run.stderr).toContain('■ left whatsapp.join while it waited for customer_name');
    expect(sim.journal().some((entry) => entry.method === 'POST')).toBe(false);
  });

  it('a trigger word inside a longer message is an ordinary answer', async () => {
    const run = await chat(['JOIN', 'priya@example.com', 'Stop Watch']);
    expect(said(run)).toEqual([ASK_EMAIL, ASK_NAME, 'bot: You are now subscribed, Stop! You will receive our newsletter at priya@example.com.']);
  });

  it("plays the README's script: JOIN, JOIN again, STOP", async () => {
    const run = await chat(['JOIN', 'Priya@Example.com', 'Priya Sharma', 'JOIN', 'STOP']);
    expect(run.code).toBe(0);
    expect(said(run)).toEqual([ASK_EMAIL, ASK_NAME, `bot: ${GUIDE_REPLY}`, 'bot: You are already subscribed!', STOPPED]);
    expect(run.stderr.split('\n')[0]).toBe(`→ simulator at ${sim.url}; flows: JOIN, STOP, PRECHECK, SETUP; end with Ctrl-D`);
  });

  it('nothing a contact types exits 2: noise, emoji, markup, long lines, half answers', async () => {
    const noise = ['', '   ', '?', 'hi', '🎉🎉', '<script>alert(1)</script>', '{{customer_email}}', '<<settings.group_id>>', 'x'.repeat(5000), 'JOIN', '🎉', 'STOP', '', 'PRECHECK'];
    const run = await chat(noise);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).not.toContain('mailerlite-steps:');
    expect(said(run).filter((line) => line === 'bot: Send JOIN, STOP, PRECHECK or SETUP to start.')).toHaveLength(7);
  });

  it('the classic flows answer the same words', async () => {
    const run = await chat(['JOIN', 'bad', 'priya@example.com', 'Priya Sharma', 'optout'], ['--api', 'classic', '--set', 'group_id=3640549'], keys.classic);
    expect(run.code, run.stderr).toBe(0);
    expect(said(run)).toEqual([ASK_EMAIL, BAD_EMAIL, ASK_NAME, `bot: ${GUIDE_REPLY}`, STOPPED]);
    expect(run.stderr).toContain(`${sim.url}/api/v2/subscribers`);
  });

  it("the flow's own question after a refused email uses its words: its text, then its invalid_text", async () => {
    const join = loadCatalog().flow('whatsapp.join', 'new');
    const ask = Object.values(join?.nodes ?? {}).find((node) => node.type === 'ask' && node.variable === 'customer_email');
    if (ask?.type !== 'ask') throw new Error('the JOIN flow asks for the email again after invalid_input');
    const run = await chat(['JOIN', 'Priya Sharma', 'nope', 'priya@example.com'], ['--var', 'customer_email=priya@']);
    expect(run.code, run.stderr).toBe(0);
    expect(said(run)).toEqual([ASK_NAME, `bot: ${ask.text}`, `bot: ${ask.invalid_text ?? ask.text}`, `bot: ${GUIDE_REPLY}`]);
    expect(run.stderr).toContain('mailerlite.subscriber.lookup ← invalid_input invalid_input');
  });

  it('a variable given with --var is not asked', async () => {
    const run = await chat(['JOIN', 'Priya Sharma'], ['--var', 'customer_email=priya@example.com']);
    expect(said(run)).toEqual([ASK_NAME, `bot: ${GUIDE_REPLY}`]);
  });

  it('flags are still usage errors (exit 2), before any message', async () => {
    const run = await chat(['JOIN'], ['--set', 'group_id=not-digits']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^mailerlite-steps: invalid settings: group_id/m);
    expect(run.stdout).toBe('');
  });

  it('exits 1 when a flow ended in a step fallback (MailerLite answered 502)', async () => {
    sim.inject({ kind: 'error', status: 502, count: 10 });
    const run = await chat(['JOIN', 'priya@example.com', 'Priya Sharma']);
    sim.clearFaults();
    expect(run.code).toBe(1);
    expect(said(run).at(-1)).toBe("bot: Sorry, we couldn't update your subscription right now. Please try again in a few minutes.");
  });

  it('never prints the key', async () => {
    const run = await chat(['JOIN', '', 'priya@', 'STOP', 'priya@example.com', 'JOIN', 'Priya Sharma', 'UNSUBSCRIBE']);
    expect(run.stdout + run.stderr).not.toContain(keys.new);
  });
});

describe("the README's chat example", () => {
  it('prints what the README shows (ports masked), stdout and stderr as one stream', async () => {
    const readme = readFileSync(`${packageRoot()}/README.md`, 'utf8');
    const block = /```\n\$ printf '([^']*)' \| mailerlite-steps chat 2>&1\n([\s\S]*?)```/.exec(readme);
    expect(block, 'the README has a chat example piped with 2>&1').not.toBeNull();
    const [, script = '', shown = ''] = block ?? [];
    const both = new PassThrough();
    let text = '';
    both.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    const code = await main(['chat'], { stdout: both, stderr: both, stdin: Readable.from([script.replace(/\\n/g, '\n')]), env: { PATH: process.env.PATH } });
    const mask = (out: string) => out.replace(/127\.0\.0\.1:\d+/g, '127.0.0.1:PORT');
    expect(code).toBe(0);
    expect(mask(text)).toBe(mask(shown));
  });
});

describe('chat and serve name typos like run does', () => {
  it('an unknown --set or --var is refused with the nearest name, exit 2, before anything runs', async () => {
    const setting = await cli(['chat', '--set', 'groupid=1'], { stdin: 'JOIN\n' });
    expect(setting.code).toBe(2);
    expect(setting.stderr).toContain('unknown setting "groupid" (did you mean "group_id"?)');
    expect(setting.stdout).toBe('');
    const variable = await cli(['chat', '--var', 'custmer_email=priya@example.com'], { stdin: 'JOIN\n' });
    expect(variable.code).toBe(2);
    expect(variable.stderr).toContain('"custmer_email"');
    expect(variable.stderr).toContain('did you mean "customer_email"');
    const serve = await cli(['serve', '--port', '0', '--set', 'groupid=1']);
    expect(serve.code).toBe(2);
    expect(serve.stderr).toContain('unknown setting "groupid" (did you mean "group_id"?)');
  });
});
