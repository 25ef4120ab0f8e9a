import { ApiError, getJson, NetworkError, postJson } from './api.js';
import { itemFromHash, itemHash, parseHash, renderCatalog } from './catalog.js';
import { chatView } from './chat.js';
import { renderDetail, renderMemory, renderNotFound } from './detail.js';
import { byId, debounce, h, replace, statusText } from './dom.js';
import { buildFields, fillExamples, readValues, showProblems } from './form.js';
import { errorNotice } from './notices.js';
import { copyText, renderPreview, renderPreviewError } from './preview.js';
import { savedSettings, setupSettings } from './settings.js';
import { setupSimulator } from './sim.js';
import { stepView } from './step-view.js';

/** Everything the page knows; one item (template or flow) is selected at a time. */
const state = {
  /** @type {any} */ catalog: null,
  /** @type {any} */ target: null,
  /** @type {any} */ item: null,
  /** @type {Record<string, string>} the settings panel's values (sessionStorage) */
  settings: savedSettings(),
  /** @type {Record<string, ReturnType<typeof chatView>>} one conversation per API version */
  chats: {},
  /** @type {string} */ curl: '',
  previewSeq: 0,
};

const narrow = window.matchMedia('(max-width: 899px)');

/** The API version the page prefers: the settings panel's, else the harness's. */
function preferredApi() {
  return state.settings.api_version || state.target.api;
}

/** @param {any} item */
function builderBase(item) {
  if (state.target?.live) return undefined;
  return state.catalog.apis.find((/** @type {any} */ a) => a.api === item.api)?.base_url;
}

/** @param {unknown} error */
function showAppError(error) {
  const banner = byId('app-error');
  banner.hidden = false;
  replace(banner, errorNotice(error, 'app-error-notice'));
}

/**
 * Shows the parts of the page for a step (form, preview, result), a flow (the chat and
 * what the bot knows) or an address that names nothing.
 * @param {'template' | 'flow' | 'missing'} view
 */
function layout(view) {
  byId('detail').hidden = view === 'missing';
  byId('not-found').hidden = view !== 'missing';
  byId('inputs-form').hidden = view !== 'template';
  byId('preview').hidden = view !== 'template';
  byId('result').hidden = view !== 'template';
  byId('conversation').hidden = view !== 'flow';
  byId('memory').hidden = view !== 'flow';
}

async function preview() {
  const item = state.item;
  if (!item || item.kind !== 'template') return;
  const seq = ++state.previewSeq;
  const fields = byId('fields');
  const container = byId('preview-out');
  container.classList.add('stale');
  try {
    const answer = await postJson('/api/preview', { id: item.id, api: item.api, vars: readValues(fields), settings: state.settings });
    if (seq !== state.previewSeq) return;
    const unplaced = showProblems(fields, answer.ok ? [] : answer.problems);
    renderPreview(container, answer, answer.ok ? [] : unplaced, { builderBase: builderBase(item) });
    state.curl = answer.ok && answer.curl ? answer.curl : '';
  } catch (error) {
    if (seq !== state.previewSeq) return;
    state.curl = '';
    container.classList.remove('stale');
    if (error instanceof ApiError && error.kind === 'template') renderPreviewError(container, 'Template problem', error.message);
    else if (error instanceof ApiError && error.kind === 'settings') renderPreviewError(container, 'Settings problem', error.message);
    else if (error instanceof NetworkError) renderPreviewError(container, 'Network failure', error.message);
    else renderPreviewError(container, 'Preview failed', error instanceof Error ? error.message : String(error));
  }
  byId('copy-curl').toggleAttribute('disabled', state.curl === '');
}

const previewSoon = debounce(preview, 120);

/** Runs the selected step template and shows its result. */
async function send() {
  const item = state.item;
  if (!item || item.kind !== 'template') return;
  const button = byId('send');
  const status = byId('send-status');
  const result = byId('result-body');
  button.setAttribute('disabled', '');
  result.setAttribute('aria-busy', 'true');
  status.textContent = state.target.live ? 'Sending to LIVE MailerLite…' : 'Sending to the simulator…';
  try {
    const answer = await postJson('/api/run', { id: item.id, api: item.api, vars: readValues(byId('fields')), settings: state.settings });
    if (state.item !== item) return;
    replace(result, stepView(answer, item, { id: 'result', builderBase: builderBase(item) }));
    status.textContent = `Done: ${answer.response ? statusText(answer.response.status) : 'no response'}, outcome ${answer.outcome}.`;
  } catch (error) {
    if (error instanceof ApiError && error.kind === 'missing_input') showProblems(byId('fields'), error.problems);
    replace(result, errorNotice(error));
    status.textContent = error instanceof NetworkError ? 'Not sent: network failure.' : 'Not sent: see Result.';
  } finally {
    button.removeAttribute('disabled');
    result.removeAttribute('aria-busy');
    byId('result').scrollIntoView({ block: 'nearest' });
  }
}

/**
 * The conversation of an API version's flows (one per version, kept while the page is open).
 * @param {string} api
 */
function chatFor(api) {
  state.chats[api] ??= chatView({
    api,
    catalog: state.catalog,
    settings: () => state.settings,
    ...(builderBase({ api }) ? { builderBase: builderBase({ api }) } : {}),
    onTurn: (answer) => showChatState(answer.state),
  });
  return state.chats[api];
}

/** Keyboards for what the bot waits for (the message box stays text: a trigger word is always welcome). */
const KEYBOARDS = { email: { inputmode: 'email', autocomplete: 'email' }, phone: { inputmode: 'tel', autocomplete: 'tel' } };

/** @param {any} chatState the conversation's state after a message */
function showChatState(chatState) {
  renderMemory(byId('memory-body'), chatState, state.item);
  const input = byId('chat-input');
  const keyboard = /** @type {Record<string, Record<string, string>>} */ (KEYBOARDS)[chatState.format ?? ''] ?? { inputmode: 'text', autocomplete: 'off' };
  for (const [name, value] of Object.entries(keyboard)) input.setAttribute(name, value);
  const flows = state.catalog.flows.filter((/** @type {any} */ f) => f.api === state.item?.api).map((/** @type {any} */ f) => f.trigger);
  byId('chat-waiting').textContent = chatState.waiting_for
    ? `The bot waits for ${chatState.waiting_for}${chatState.format ? ` (${chatState.format})` : ''}. A trigger word (${flows.join(', ')}) still starts its flow.`
    : `Send a trigger word to start: ${flows.join(', ')}.`;
}

/** @param {any} item a flow */
function showChat(item) {
  const view = chatFor(item.api);
  replace(byId('chat-box'), view.element);
  const flows = state.catalog.flows.filter((/** @type {any} */ f) => f.api === item.api);
  replace(
    byId('chat-words'),
    ...flows.map((/** @type {any} */ f) =>
      h('button', { type: 'button', class: f.id === item.id ? 'chip current' : 'chip', 'data-word': f.trigger, 'aria-label': `Send ${f.trigger}` }, f.trigger)
    )
  );
  showChatState(view.state);
}

/** @param {string} text */
async function say(text) {
  const item = state.item;
  if (!item || item.kind !== 'flow' || text.trim() === '') return;
  const view = chatFor(item.api);
  const button = byId('chat-send');
  button.setAttribute('disabled', '');
  try {
    await view.send(text);
  } finally {
    button.removeAttribute('disabled');
    // The newest message in sight, as on a phone.
    view.element.scrollTop = view.element.scrollHeight;
  }
}

/** @param {any} item */
function select(item) {
  state.item = item;
  const hash = itemHash(item);
  markCurrent(hash);
  byId('catalog-current').textContent = `: ${item.name}`;
  renderDetail(item, state.catalog);
  byId('send-status').textContent = '';
  byId('copy-status').textContent = '';
  if (narrow.matches) byId('catalog-menu').removeAttribute('open');
  layout(item.kind);
  if (item.kind === 'flow') {
    showChat(item);
  } else {
    buildFields(byId('fields'), item.inputs);
    void preview();
  }
}

/** @param {string | undefined} hash the selected item's address */
function markCurrent(hash) {
  for (const a of byId('catalog-list').querySelectorAll('a')) {
    if (a.getAttribute('href') === hash) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
}

/** Where the page opens: the first flow of the preferred API version (JOIN, as the manifest lists it). */
function landing() {
  const api = preferredApi();
  return state.catalog.flows.find((/** @type {any} */ f) => f.api === api) ?? state.catalog.flows[0] ?? state.catalog.templates[0];
}

/** An address that names no step or flow: say so, with the nearest ids. */
async function notFound(/** @type {string} */ hash) {
  state.item = null;
  markCurrent(undefined);
  byId('catalog-current').textContent = ': not found';
  layout('missing');
  const wanted = parseHash(hash);
  let nearest = [];
  if (wanted.id) {
    const query = new URLSearchParams({ id: wanted.id, ...(wanted.kind ? { kind: wanted.kind } : {}), ...(wanted.api ? { api: wanted.api } : {}) });
    try {
      nearest = (await getJson(`/api/find?${query}`)).nearest;
    } catch (error) {
      showAppError(error);
    }
  }
  if (location.hash !== hash) return;
  renderNotFound(hash, wanted, nearest, landing());
}

function route() {
  const hash = location.hash;
  if (!hash.startsWith('#/')) {
    // `#main` (the skip link without scripts) or no address: keep what is shown, or land.
    if (state.item) return;
    const item = landing();
    if (!item) return;
    history.replaceState(null, '', itemHash(item));
    select(item);
    return;
  }
  const item = itemFromHash(state.catalog, hash);
  if (item) select(item);
  else void notFound(hash);
}

function showTarget() {
  const target = state.target;
  const el = byId('target');
  el.classList.toggle('live', target.live);
  el.textContent = `Send goes to: ${target.description}`;
  byId('live-banner').hidden = !target.live;
  byId('send').textContent = target.live ? 'Send to LIVE MailerLite' : 'Send to the simulator';
  byId('send').classList.toggle('danger', target.live);
}

/** @param {Record<string, string>} settings the settings panel's new values */
function applySettings(settings) {
  state.settings = settings;
  // A conversation keeps the settings it started with: start new ones.
  state.chats = {};
  renderCatalog(byId('catalog-list'), state.catalog, preferredApi(), location.hash);
  const item = state.item;
  const api = preferredApi();
  const same = item?.kind === 'flow' && item.api !== api ? state.catalog.flows.find((/** @type {any} */ f) => f.api === api && f.id === item.id) : undefined;
  if (same) location.hash = itemHash(same);
  else if (item) select(item);
}

/** The skip link goes to the form (or the chat's message box) without touching the address. */
function skipToForm(/** @type {Event} */ event) {
  event.preventDefault();
  const item = state.item;
  /** @type {HTMLElement | null} */
  const target = item?.kind === 'flow' ? byId('chat-input') : item ? document.querySelector('#fields [data-input]') : null;
  (target ?? byId('main')).focus();
}

async function boot() {
  try {
    [state.target, state.catalog] = await Promise.all([getJson('/api/target'), getJson('/api/catalog')]);
  } catch (error) {
    showAppError(error);
    byId('target').textContent = 'Not connected.';
    return;
  }
  showTarget();
  if (narrow.matches) byId('catalog-menu').removeAttribute('open');
  renderCatalog(byId('catalog-list'), state.catalog, preferredApi(), location.hash);
  setupSimulator(state.target, state.catalog.scenarios, showAppError);
  setupSettings(state.catalog, state.target, applySettings);
  byId('skip').addEventListener('click', skipToForm);
  byId('fields').addEventListener('input', () => previewSoon());
  byId('inputs-form').addEventListener('submit', (event) => {
    event.preventDefault();
    void send();
  });
  byId('fill-examples').addEventListener('click', () => {
    if (state.item?.kind !== 'template') return;
    fillExamples(byId('fields'), state.item.inputs);
    void preview();
  });
  byId('copy-curl').addEventListener('click', () => void copyText(state.curl, byId('copy-status')));
  byId('chat-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const input = /** @type {HTMLInputElement} */ (byId('chat-input'));
    const text = input.value;
    if (text.trim() === '') return;
    input.value = '';
    void say(text);
  });
  byId('chat-words').addEventListener('click', (event) => {
    const word = /** @type {HTMLElement} */ (event.target).closest('[data-word]')?.getAttribute('data-word');
    if (word) void say(word);
  });
  byId('chat-new').addEventListener('click', () => {
    if (!state.item || state.item.kind !== 'flow') return;
    delete state.chats[state.item.api];
    showChat(state.item);
    byId('chat-input').focus();
  });
  window.addEventListener('hashchange', route);
  route();
}

void boot();
