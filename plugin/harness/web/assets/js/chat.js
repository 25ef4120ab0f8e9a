import { postJson } from './api.js';
import { h, statusClass, statusText } from './dom.js';
import { errorNotice } from './notices.js';
import { stepView } from './step-view.js';

/**
 * One API call, folded under the message that caused it.
 * @param {any} event a `step` event: { node, step, next? }
 * @param {any} template
 * @param {string | undefined} builderBase
 */
function callView(event, template, builderBase) {
  const step = event.step;
  const status = step.response?.status;
  const line = step.request ? `${step.request.method} ${new URL(step.request.url).pathname}` : 'no request';
  return h(
    'details',
    { class: 'call' },
    h(
      'summary',
      {},
      h('span', { class: 'call-node' }, event.node),
      ' ',
      h('code', {}, line),
      ' → ',
      step.request
        ? h('span', { class: `status ${statusClass(status)}` }, typeof status === 'number' ? statusText(status) : 'no response')
        : h('span', { class: 'status none' }, 'not sent'),
      ' ',
      h('code', { class: 'outcome' }, step.outcome),
      event.next ? h('span', { class: 'next' }, ` then ${event.next}`) : null,
      h('span', { class: 'timing' }, ` ${Math.round(step.durationMs)} ms`)
    ),
    event.hint ? h('p', { class: 'hint' }, event.hint) : null,
    stepView(step, template, { summary: false, ...(builderBase ? { builderBase } : {}) })
  );
}

/**
 * A chat bubble; a contact's carries the calls its message caused.
 * @param {'contact' | 'bot'} who
 * @param {string} text
 */
function bubble(who, text) {
  return h(
    'li',
    { class: `msg ${who}` },
    h('p', { class: 'who' }, who === 'contact' ? 'Contact' : 'Bot'),
    h('p', { class: 'bubble' }, text),
    who === 'contact' ? h('div', { class: 'calls' }) : null
  );
}

/**
 * A line between the bubbles: a flow started, ended or was left.
 * @param {string} kind
 * @param {...(Node | string | null)} children
 */
function note(kind, ...children) {
  return h('li', { class: `note ${kind}` }, h('p', {}, ...children));
}

/** What each event looks like in the conversation. */
const NOTES = {
  /** @param {any} e */
  start: (e) => note('flow-start', h('code', { class: 'keyword' }, e.trigger.toUpperCase()), ' starts ', h('code', {}, e.flow)),
  /** @param {any} e */
  end: (e) => note('flow-end', 'Flow ended: ', h('code', {}, e.result), e.reason ? ` (${e.reason})` : ''),
  /** @param {any} e */
  left: (e) =>
    note(
      'flow-left',
      'Left ',
      h('code', {}, e.flow),
      ` while it waited for `,
      h('code', {}, e.waiting_for),
      e.why === 'trigger' ? ': another trigger word.' : ': three answers it could not use.'
    ),
};

/**
 * A WhatsApp-like conversation with the flows of one API version, one message at a
 * time, through `POST /api/chat` (the conversation engine `chat` uses too): the
 * contact's messages, the bot's replies, each API call folded under the message that
 * caused it, and a note where a flow starts, ends or is left.
 *
 * @example
 * const view = chatView({ api: 'new', catalog, settings: () => ({}), onTurn: (answer) => showMemory(answer.state) })
 * byId('chat-box').append(view.element); await view.send('JOIN')
 * @param {{ api: string, catalog: any, settings: () => Record<string, string>, builderBase?: string, onTurn?: (answer: any) => void }} options
 */
export function chatView(options) {
  const list = h('ol', { class: 'chat', id: `chat-${options.api}`, 'aria-label': 'Conversation', 'aria-live': 'polite' });
  const template = (/** @type {string} */ id) => options.catalog.templates.find((/** @type {any} */ t) => t.id === id);
  /** @type {string | undefined} */
  let conversation;
  /** @type {any} the last answer's state */
  let state = { variables: {} };
  /** @type {HTMLElement | undefined} */
  let calls;

  /** @param {any} event */
  function show(event) {
    if (event.type === 'reply') list.append(bubble('bot', event.text));
    else if (event.type === 'step') (calls ?? list).append(callView(event, template(event.step.template), options.builderBase));
    else {
      const make = /** @type {Record<string, (e: any) => HTMLElement>} */ (NOTES)[event.type];
      if (make) list.append(make(event));
    }
  }

  return {
    element: list,
    get state() {
      return state;
    },
    /**
     * Sends one message as the contact; resolves once the bot has answered.
     * @param {string} text
     */
    async send(text) {
      const mine = bubble('contact', text);
      calls = /** @type {HTMLElement} */ (mine.querySelector('.calls'));
      list.append(mine);
      try {
        const answer = await postJson('/api/chat', {
          message: text,
          api: options.api,
          settings: options.settings(),
          ...(conversation ? { conversation } : {}),
        });
        if (conversation && answer.started) list.insertBefore(note('restarted', 'The harness no longer held that conversation: a new one starts here.'), mine);
        conversation = answer.conversation;
        state = answer.state;
        for (const event of answer.events) show(event);
        options.onTurn?.(answer);
        return answer;
      } catch (error) {
        list.append(h('li', { class: 'note error' }, errorNotice(error, `chat-error-${list.children.length}`)));
        return undefined;
      } finally {
        for (const wrap of list.querySelectorAll('.calls')) if (!wrap.hasChildNodes()) wrap.remove();
      }
    },
  };
}
