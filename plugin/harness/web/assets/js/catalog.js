import { h, replace } from './dom.js';

/**
 * The address of an item in the page's hash: `#/template/<id>` or `#/flow/<api>/<id>`
 * (flows share ids across API versions).
 * @param {{ kind: 'template' | 'flow', id: string, api: string }} item
 */
export function itemHash(item) {
  return item.kind === 'template' ? `#/template/${encodeURIComponent(item.id)}` : `#/flow/${item.api}/${encodeURIComponent(item.id)}`;
}

/**
 * What an address names: `#/template/<id>` or `#/flow/<api>/<id>`; anything else has no kind.
 *
 * @example
 * parseHash('#/flow/new/whatsapp.join') // { kind: 'flow', api: 'new', id: 'whatsapp.join' }
 * @param {string} hash
 * @returns {{ kind?: 'template' | 'flow', api?: string, id?: string }}
 */
export function parseHash(hash) {
  const parts = hash
    .replace(/^#\/?/, '')
    .split('/')
    .map((p) => {
      try {
        return decodeURIComponent(p);
      } catch {
        return p;
      }
    });
  if (parts[0] === 'template') return { kind: 'template', ...(parts[1] ? { id: parts.slice(1).join('/') } : {}) };
  if (parts[0] === 'flow') return { kind: 'flow', ...(parts[1] ? { api: parts[1] } : {}), ...(parts[2] ? { id: parts.slice(2).join('/') } : {}) };
  const last = parts.filter((p) => p !== '').at(-1);
  return last ? { id: last } : {};
}

/**
 * Finds the item a hash points at.
 * @param {any} catalog the body of GET /api/catalog
 * @param {string} hash
 */
export function itemFromHash(catalog, hash) {
  const wanted = parseHash(hash);
  if (wanted.kind === 'template') return catalog.templates.find((/** @type {any} */ t) => t.id === wanted.id);
  if (wanted.kind === 'flow') return catalog.flows.find((/** @type {any} */ f) => f.api === wanted.api && f.id === wanted.id);
  return undefined;
}

/**
 * @param {any} item
 * @param {string} current
 */
function link(item, current) {
  const hash = itemHash(item);
  const label =
    item.kind === 'flow' ? h('span', { class: 'keyword' }, item.trigger) : h('span', { class: `method m-${item.method.toLowerCase()}` }, item.method);
  return h(
    'li',
    {},
    h(
      'a',
      { href: hash, 'aria-current': hash === current ? 'page' : undefined },
      label,
      ' ',
      h('span', { class: 'name' }, item.name),
      h('span', { class: 'id' }, item.id)
    )
  );
}

/**
 * Renders the list of templates and flows, grouped by API version (the session's first).
 *
 * @example
 * renderCatalog(byId('catalog-list'), catalog, 'new', location.hash)
 * @param {HTMLElement} container
 * @param {any} catalog
 * @param {string} preferredApi
 * @param {string} current the selected item's hash
 */
export function renderCatalog(container, catalog, preferredApi, current) {
  const apis = [...catalog.apis].sort((/** @type {any} */ a, /** @type {any} */ b) => Number(b.api === preferredApi) - Number(a.api === preferredApi));
  const groups = apis.map((/** @type {any} */ api) => {
    const headingId = `api-${api.api}`;
    const flows = catalog.flows.filter((/** @type {any} */ f) => f.api === api.api);
    const templates = catalog.templates.filter((/** @type {any} */ t) => t.api === api.api);
    return h(
      'section',
      { class: 'api-group', 'aria-labelledby': headingId },
      h('h2', { id: headingId }, api.label),
      h('h3', {}, 'Flows'),
      h('ul', {}, ...flows.map((/** @type {any} */ f) => link(f, current))),
      h('h3', {}, 'Steps'),
      h('ul', {}, ...templates.map((/** @type {any} */ t) => link(t, current)))
    );
  });
  replace(container, ...groups);
}
