import { h, statusClass, statusText } from './dom.js';
import { stepView } from './step-view.js';

/**
 * One API call, folded under the message that caused it.
 * @param {any} step a StepResult
 * @param {any} visit the flow node visit that ran it
 * @param {any} template
 * @param {string | undefined} builderBase
 */
function callView(step, visit, template, builderBase) {
  const status = step.response?.status;
  const line = step.request ? `${step.request.method} ${new URL(step.request.url).pathname}` : 'no request';
  return h(
    'details',
    { class: 'call' },
    h(
      'summary',
      {},
      h('span', { class: 'call-node' }, visit.node),
      ' ',
      h('code', {}, line),
      ' → ',
      step.request
        ? h('span', { class: `status ${statusClass(status)}` }, typeof status === 'number' ? statusText(status) : 'no response')
        : h('span', { class: 'status none' }, 'not sent'),
      ' ',
      h('code', { class: 'outcome' }, step.outcome),
      visit.next ? h('span', { class: 'next' }, ` then ${visit.next}`) : null,
      h('span', { class: 'timing' }, ` ${Math.round(step.durationMs)} ms`)
    ),
    stepView(step, template, { summary: false, ...(builderBase ? { builderBase } : {}) })
  );
}

/**
 * A chat bubble.
 * @param {'contact' | 'bot'} who
 * @param {string} text
 */
function bubble(who, text) {
  return h('li', { class: `msg ${who}` }, h('p', { class: 'who' }, who === 'contact' ? 'Contact' : 'Bot'), h('p', { class: 'bubble' }, text));
}

/**
 * A flow run as a WhatsApp-like conversation: the contact's trigger keyword (and
 * answers), the bot's replies, and under each contact message the API calls it caused,
 * each expandable. A flow waiting for an answer ends with a reply box.
 *
 * @example
 * flowView(result, flow, catalog, [], { onAnswer: (text) => rerun(text) })
 * @param {any} result a FlowResult
 * @param {any} flow the flow as GET /api/catalog lists it
 * @param {any} catalog
 * @param {string[]} answers the answers given so far, in order
 * @param {{ onAnswer: (text: string) => void, builderBase?: string }} options
 */
export function flowView(result, flow, catalog, answers, options) {
  const list = h('ol', { class: 'chat', id: 'chat', 'aria-label': 'Conversation' });
  const template = (/** @type {string} */ id) => catalog.templates.find((/** @type {any} */ t) => t.id === id);
  let contact = bubble('contact', flow.trigger);
  let calls = h('div', { class: 'calls' });
  contact.append(calls);
  list.append(contact);
  let reply = 0;
  let answer = 0;
  for (const visit of result.path) {
    if (visit.type === 'step' && visit.step !== undefined) {
      const step = result.steps[visit.step];
      calls.append(callView(step, visit, template(step.template), options.builderBase));
    } else if (visit.type === 'reply' || visit.type === 'ask') {
      list.append(bubble('bot', result.replies[reply++] ?? ''));
      if (visit.type === 'ask' && visit.next !== undefined) {
        contact = bubble('contact', answers[answer++] ?? '');
        calls = h('div', { class: 'calls' });
        contact.append(calls);
        list.append(contact);
      }
    }
  }
  for (const wrap of list.querySelectorAll('.calls')) if (!wrap.hasChildNodes()) wrap.remove();
  const end = result.end;
  const waiting = 'waiting_for' in end;
  const closing = waiting
    ? h('p', { class: 'flow-end waiting', id: 'flow-end' }, 'Waiting for the contact to answer (', h('code', {}, end.waiting_for), ').')
    : h('p', { class: 'flow-end', id: 'flow-end' }, 'Flow ended: ', h('code', {}, end.result), end.reason ? ` (${end.reason})` : '');
  return h('div', { class: 'flow-result' }, list, closing, waiting ? answerForm(end.waiting_for, options.onAnswer) : null);
}

/**
 * The box to answer a flow's question as the contact.
 * @param {string} variable
 * @param {(text: string) => void} onAnswer
 */
function answerForm(variable, onAnswer) {
  const input = /** @type {HTMLInputElement} */ (h('input', { id: 'chat-answer', type: 'text', autocomplete: 'off' }));
  const form = h(
    'form',
    { class: 'chat-answer' },
    h('label', { for: 'chat-answer' }, 'Answer as the contact (', h('code', {}, variable), ')'),
    h('div', { class: 'row' }, input, h('button', { type: 'submit', class: 'primary' }, 'Send answer')),
    h('p', { class: 'field-hint' }, 'The flow runs again from the trigger with your answers, as the runner replays a conversation.')
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (input.value.trim() !== '') onAnswer(input.value);
  });
  return form;
}
