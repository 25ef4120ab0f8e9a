import { byId, h, replace } from './dom.js';

/**
 * Shows the selected template or flow: its API version, name, description, what it
 * calls (method and URL, or the trigger keyword and steps) and an empty result.
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
  replace(
    byId('detail-meta'),
    ...(item.kind === 'flow'
      ? ['Trigger: the contact sends ', h('code', { class: 'keyword' }, item.trigger), `. Steps it can call: ${item.steps.join(', ')}.`]
      : [
          h('span', { class: `method m-${item.method.toLowerCase()}` }, item.method),
          ' ',
          h('code', {}, item.url),
          ` · outcomes: ${item.outcomes.map((/** @type {any} */ o) => o.name).join(', ')}`,
        ])
  );
  byId('inputs-legend').textContent = item.kind === 'flow' ? 'Conversation variables' : 'Inputs';
  replace(
    byId('result-body'),
    h('p', { class: 'empty' }, item.kind === 'flow' ? `Press Send to play the conversation: the contact sends ${item.trigger}.` : 'Press Send to run the step.')
  );
}
