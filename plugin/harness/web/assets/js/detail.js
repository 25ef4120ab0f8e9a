import { itemHash } from './catalog.js';
import { byId, h, replace } from './dom.js';

/**
 * Shows the selected template or flow: its API version, name, description, what it
 * calls (method and URL, or the trigger keyword, its aliases and steps) and an empty result.
 *
 * @example
 * renderDetail(catalog.flows[0], catalog)
 * @param {any} item a template or flow as GET /api/catalog lists it
 * @param {any} catalog
 */
export function renderDetail(item, catalog) {
  const api = catalog.apis.find((/** @type {any} */ a) => a.api === item.api);
  byId('detail-kind').textContent = `${api?.label ?? item.api} · ${item.kind === 'flow' ? 'flow' : 'step'} · ${item.id}`;
  byId('detail-title').textContent = item.name;
  byId('detail-description').textContent = item.description;
  const aliases = item.kind === 'flow' && item.aliases?.length ? [' (or ', ...words(item.aliases), ')'] : [];
  replace(
    byId('detail-meta'),
    ...(item.kind === 'flow'
      ? ['Trigger: the contact sends ', h('code', { class: 'keyword' }, item.trigger), ...aliases, `. Steps it can call: ${item.steps.join(', ')}.`]
      : [
          h('span', { class: `method m-${item.method.toLowerCase()}` }, item.method),
          ' ',
          h('code', {}, item.url),
          ` · outcomes: ${item.outcomes.map((/** @type {any} */ o) => o.name).join(', ')}`,
        ])
  );
  byId('inputs-legend').textContent = 'Inputs';
  replace(byId('result-body'), h('p', { class: 'empty' }, 'Press Send to run the step.'));
}

/**
 * `STOPALL, UNSUBSCRIBE` as code elements between commas.
 * @param {string[]} list
 */
function words(list) {
  return list.flatMap((word, i) => [i > 0 ? ', ' : '', h('code', {}, word)]);
}

/**
 * What the bot knows: the conversation variables, and what it waits for.
 *
 * @example
 * renderMemory(byId('memory-body'), { variables: { customer_email: 'priya@example.com' } }, flow)
 * @param {HTMLElement} container
 * @param {{ variables: Record<string, unknown>, waiting_for?: string, format?: string, flow?: string }} chatState
 * @param {any} flow the selected flow (for labels)
 */
export function renderMemory(container, chatState, flow) {
  const entries = Object.entries(chatState.variables ?? {});
  const label = (/** @type {string} */ name) => flow?.variables?.[name]?.label;
  replace(
    container,
    chatState.flow
      ? h(
          'p',
          { class: 'waiting', id: 'memory-waiting' },
          'Flow under way: ',
          h('code', {}, chatState.flow),
          ...(chatState.waiting_for ? [' · waiting for ', h('code', {}, chatState.waiting_for), chatState.format ? ` (${chatState.format})` : ''] : [])
        )
      : null,
    entries.length === 0
      ? h('p', { class: 'empty' }, 'Nothing yet.')
      : h(
          'table',
          { class: 'outputs', id: 'memory-table' },
          h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Variable'), h('th', { scope: 'col' }, 'Value'))),
          h(
            'tbody',
            {},
            ...entries.map(([name, value]) =>
              h(
                'tr',
                {},
                h('th', { scope: 'row' }, h('code', {}, name), label(name) ? ` ${label(name)}` : ''),
                h('td', {}, typeof value === 'string' ? value : JSON.stringify(value))
              )
            )
          )
        )
  );
}

/**
 * An address that names no step or flow: "not found", the nearest ids as links, and
 * where to start instead. Nothing else is shown in its place.
 *
 * @example
 * renderNotFound('#/template/mailerlite.subscriber.lokup', { kind: 'template', id: 'mailerlite.subscriber.lokup' }, nearest, joinFlow)
 * @param {string} hash
 * @param {{ kind?: string, api?: string, id?: string }} wanted
 * @param {any[]} nearest items from GET /api/find
 * @param {any} start the page's landing item
 */
export function renderNotFound(hash, wanted, nearest, start) {
  const what = wanted.kind === 'template' ? 'step template' : wanted.kind === 'flow' ? `flow${wanted.api ? ` for the ${wanted.api} API` : ''}` : 'step or flow';
  byId('not-found-title').textContent = 'Not found';
  replace(
    byId('not-found-text'),
    ...(wanted.id
      ? [`There is no ${what} `, h('code', {}, wanted.id), ' (the address is ', h('code', {}, hash), ').']
      : ['The address ', h('code', {}, hash), ' names no step or flow.'])
  );
  replace(
    byId('not-found-nearest'),
    nearest.length ? h('p', {}, 'Did you mean:') : null,
    nearest.length
      ? h(
          'ul',
          { class: 'nearest', id: 'not-found-list' },
          ...nearest.map((item) => h('li', {}, h('a', { href: itemHash(item) }, h('code', {}, item.id)), ` ${item.name}`))
        )
      : null,
    start ? h('p', {}, 'Or start with ', h('a', { href: itemHash(start), id: 'not-found-start' }, start.name), '.') : null
  );
}
