import { h, pretty, statusClass, statusText } from './dom.js';
import { requestView } from './request-view.js';

/**
 * When an outcome rule matches, in words.
 * @param {any} rule
 */
function whenText(rule) {
  if (!rule) return '';
  if (rule.fallback) return 'fallback: no other rule matched';
  const parts = [];
  const when = rule.when ?? {};
  if (when.status !== undefined) parts.push(`status ${Array.isArray(when.status) ? when.status.join(' or ') : when.status}`);
  if (when.failure) parts.push(`a ${when.failure}`);
  if (when.condition) parts.push(`and ${when.condition}`);
  return `when ${parts.join(' ')}`;
}

const ERROR_TITLES = { network: 'Network failure', timeout: 'Timed out', invalid_input: 'Invalid input' };

/**
 * The status, outcome (with the rule that matched), outputs and response of one step.
 *
 * @example
 * stepView(result, catalogTemplate, { id: 'result' })
 * @param {any} step a StepResult
 * @param {any} template the template as GET /api/catalog lists it (for outcome rules)
 * @param {{ id?: string, builderBase?: string, summary?: boolean }} [options] `id` prefixes element ids (main result
 *   only); `summary: false` leaves out the status line (a chat call shows it in its own summary)
 */
export function stepView(step, template, options = {}) {
  const id = (/** @type {string} */ suffix) => (options.id ? `${options.id}-${suffix}` : undefined);
  const rules = template?.outcomes ?? [];
  const rule = step.rule >= 0 ? rules[step.rule] : undefined;
  const status = step.response?.status;
  const outputs = Object.entries(step.outputs ?? {});
  const error = step.error;
  return h(
    'div',
    { class: 'step-result' },
    options.summary === false
      ? null
      : h(
          'p',
          { class: 'summary' },
          h('span', { class: `status ${statusClass(status)}`, id: id('status') }, typeof status === 'number' ? statusText(status) : 'No response'),
          ' ',
          h('span', { class: 'outcome-label' }, 'outcome'),
          ' ',
          h('code', { class: 'outcome', id: id('outcome') }, step.outcome),
          h(
            'span',
            { class: 'timing' },
            ` ${Math.round(step.durationMs)} ms`,
            step.attempts > 1 ? ` · ${step.attempts} attempts` : step.attempts === 0 ? ' · not sent' : ''
          )
        ),
    h(
      'p',
      { class: 'rule', id: id('rule') },
      step.rule >= 0 ? `Rule ${step.rule + 1} of ${rules.length || '?'} matched` : 'No rule ran: the inputs stopped the step before any request',
      rule ? ` (${whenText(rule)}): ${rule.description}` : '.'
    ),
    error
      ? h(
          'div',
          { class: `notice ${error.kind === 'invalid_input' ? 'warn' : 'bad'}`, id: id('error') },
          h('p', {}, h('strong', {}, `${/** @type {Record<string, string>} */ (ERROR_TITLES)[error.kind] ?? error.kind}: `), error.message)
        )
      : null,
    h('h3', { class: 'sub' }, 'Outputs'),
    outputs.length === 0
      ? h('p', { class: 'empty' }, 'No outputs written.')
      : h(
          'table',
          { class: 'outputs', id: id('outputs') },
          h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Variable'), h('th', { scope: 'col' }, 'Value'))),
          h(
            'tbody',
            {},
            ...outputs.map(([name, value]) => h('tr', {}, h('th', { scope: 'row' }, h('code', {}, name)), h('td', {}, h('code', {}, JSON.stringify(value)))))
          )
        ),
    step.response
      ? h(
          'details',
          { class: 'response', open: options.summary !== false },
          h('summary', {}, 'Response body'),
          h('pre', { class: 'json', id: id('response') }, step.response.body === null ? '(empty)' : pretty(step.response.body))
        )
      : null,
    step.response
      ? h(
          'details',
          { class: 'response-headers' },
          h('summary', {}, 'Response headers'),
          h(
            'dl',
            { class: 'headers' },
            ...Object.entries(step.response.headers).flatMap(([name, value]) => [h('dt', {}, name), h('dd', {}, h('code', {}, String(value)))])
          )
        )
      : null,
    step.request
      ? h(
          'details',
          { class: 'sent' },
          h('summary', {}, 'Request as sent'),
          requestView(step.request, {
            ...(options.id ? { id: `${options.id}-req` } : {}),
            ...(options.builderBase ? { builderBase: options.builderBase } : {}),
          })
        )
      : null
  );
}
