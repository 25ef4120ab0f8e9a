import type { Flow, VariableDeclaration } from '../generated/flow.js';
import { checkFormat } from '../step/formats.js';

/**
 * The words that start a flow: its trigger keyword and aliases, as the flow declares them.
 *
 * @example
 * triggerWords(stop) // ['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT', 'OPTOUT']
 */
export function triggerWords(flow: Flow): string[] {
  return [flow.trigger.keyword, ...(flow.trigger.aliases ?? [])];
}

/**
 * The flow a message starts: the whole message, trimmed, equal to a trigger keyword or
 * alias in any case. Anything else (`STOP please`, an email) starts nothing.
 *
 * @example
 * findTrigger(flows, ' optout ')?.id // 'whatsapp.stop'
 * findTrigger(flows, 'stop now')     // undefined
 */
export function findTrigger(flows: readonly Flow[], message: string): Flow | undefined {
  const said = message.trim().toUpperCase();
  if (said === '') return undefined;
  return flows.find((flow) => triggerWords(flow).some((word) => word.trim().toUpperCase() === said));
}

/**
 * What the bot says to a message that starts nothing: the flows' keywords (not the
 * aliases), from the flows themselves.
 *
 * @example
 * startHint(flows) // 'Send JOIN, STOP, PRECHECK or SETUP to start.'
 */
export function startHint(flows: readonly Flow[]): string {
  const words = flows.map((flow) => flow.trigger.keyword);
  const list = words.length > 1 ? `${words.slice(0, -1).join(', ')} or ${words.at(-1)}` : (words[0] ?? 'a keyword');
  return `Send ${list} to start.`;
}

/**
 * What the bot says after three answers it could not use: how to start again.
 *
 * @example
 * restartHint(join) // "Sorry, that still isn't right, so let's stop here. Send JOIN to start again."
 */
export function restartHint(flow: Flow): string {
  return `Sorry, that still isn't right, so let's stop here. Send ${flow.trigger.keyword} to start again.`;
}

/**
 * The question for a variable: its declared prompt, or one made from its label.
 *
 * @example
 * promptFor('customer_email', { type: 'string', description: '…', prompt: 'What email address should we send the newsletter to?' })
 */
export function promptFor(name: string, decl: VariableDeclaration | undefined): string {
  return decl?.prompt ?? `What is the ${(decl?.label ?? name.replace(/_/g, ' ')).toLowerCase()}?`;
}

type Format = NonNullable<VariableDeclaration['format']>;

const FORMAT_NOUNS: Record<Format, { noun: string; example: string }> = {
  email: { noun: 'an email address', example: 'priya@example.com' },
  phone: { noun: 'a phone number with its country code', example: '+919820000001' },
  uri: { noun: 'a web address', example: 'https://example.com' },
  id: { noun: 'a number', example: '123456789' },
  'date-time': { noun: 'a date and time', example: '2024-08-13 09:49:51' },
};

/** A contact's answer, checked: the value to keep, or why it cannot be used. */
export type AnswerCheck = { ok: true; value: string } | { ok: false; blank: true } | { ok: false; blank: false; hint: string };

/**
 * Checks an answer when it is given: a blank one is not an answer; one that does not
 * have the variable's declared format (plugin/step/formats.ts) comes back with a hint
 * naming what was expected and the variable's example. A good answer comes back
 * normalised (emails trimmed and lower-cased).
 *
 * @example
 * checkAnswer(' Priya@Example.com ', { type: 'string', format: 'email', description: '' }) // { ok: true, value: 'priya@example.com' }
 * checkAnswer('priya@', { type: 'string', format: 'email', description: '', example: 'priya@example.com' })
 * // { ok: false, blank: false, hint: "That doesn't look like an email address (for example priya@example.com)." }
 */
export function checkAnswer(text: string, decl: VariableDeclaration | undefined): AnswerCheck {
  if (text.trim() === '') return { ok: false, blank: true };
  const format = decl?.format;
  if (format === undefined) return { ok: true, value: text };
  const checked = checkFormat(format, text);
  if (checked.ok) return { ok: true, value: checked.value };
  const { noun, example } = FORMAT_NOUNS[format];
  const shown = typeof decl?.example === 'string' ? decl.example : example;
  return { ok: false, blank: false, hint: `That doesn't look like ${noun} (for example ${shown}).` };
}
