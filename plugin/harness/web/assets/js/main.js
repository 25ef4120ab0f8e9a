import { ApiError, getJson, NetworkError, postJson } from './api.js';
import { itemFromHash, itemHash, renderCatalog } from './catalog.js';
import { flowView } from './chat.js';
import { renderDetail } from './detail.js';
import { byId, debounce, replace, statusText } from './dom.js';
import { buildFields, fillExamples, readValues, showProblems } from './form.js';
import { errorNotice } from './notices.js';
import { copyText, renderPreview, renderPreviewError } from './preview.js';
import { setupSimulator } from './sim.js';
import { stepView } from './step-view.js';

/** Everything the page knows; one item (template or flow) is selected at a time. */
const state = {
  /** @type {any} */ catalog: null,
  /** @type {any} */ target: null,
  /** @type {any} */ item: null,
  /** @type {string[]} the contact's answers to the selected flow's questions */
  answers: [],
  /** @type {string} */ curl: '',
  previewSeq: 0,
};

const narrow = window.matchMedia('(max-width: 899px)');

/** @param {any} item */
function declared(item) {
  return item.kind === 'template' ? item.inputs : item.variables;
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

async function preview() {
  const item = state.item;
  if (!item) return;
  const seq = ++state.previewSeq;
  const fields = byId('fields');
  const container = byId('preview-out');
  container.classList.add('stale');
  try {
    const answer = await postJson('/api/preview', { id: item.id, api: item.api, vars: readValues(fields) });
    if (seq !== state.previewSeq) return;
    const unplaced = showProblems(fields, answer.ok ? [] : answer.problems);
    const step =
      answer.ok && answer.template && item.kind === 'flow' ? state.catalog.templates.find((/** @type {any} */ t) => t.id === answer.template) : undefined;
    renderPreview(container, answer, answer.ok ? [] : unplaced, { builderBase: builderBase(item), ...(step ? { stepName: step.name } : {}) });
    state.curl = answer.ok && answer.curl ? answer.curl : '';
  } catch (error) {
    if (seq !== state.previewSeq) return;
    state.curl = '';
    container.classList.remove('stale');
    if (error instanceof ApiError && error.kind === 'template') renderPreviewError(container, 'Template problem', error.message);
    else if (error instanceof NetworkError) renderPreviewError(container, 'Network failure', error.message);
    else renderPreviewError(container, 'Preview failed', error instanceof Error ? error.message : String(error));
  }
  byId('copy-curl').toggleAttribute('disabled', state.curl === '');
}

const previewSoon = debounce(preview, 120);

async function send() {
  const item = state.item;
  if (!item) return;
  const button = byId('send');
  const status = byId('send-status');
  const result = byId('result-body');
  button.setAttribute('disabled', '');
  result.setAttribute('aria-busy', 'true');
  status.textContent = state.target.live ? 'Sending to LIVE MailerLite…' : 'Sending to the simulator…';
  try {
    const answer = await postJson('/api/run', { id: item.id, api: item.api, vars: readValues(byId('fields')), answers: state.answers });
    if (state.item !== item) return;
    if (item.kind === 'template') {
      replace(result, stepView(answer, item, { id: 'result', builderBase: builderBase(item) }));
      status.textContent = `Done: ${answer.response ? statusText(answer.response.status) : 'no response'}, outcome ${answer.outcome}.`;
    } else {
      const onAnswer = (/** @type {string} */ text) => {
        state.answers = [...state.answers, text];
        void send();
      };
      replace(result, flowView(answer, item, state.catalog, state.answers, { onAnswer, builderBase: builderBase(item) }));
      const end = answer.end;
      status.textContent = 'waiting_for' in end ? `The bot asked for ${end.waiting_for}.` : `Done: the flow ended with ${end.result}.`;
      if ('waiting_for' in end) document.getElementById('chat-answer')?.focus();
    }
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

/** @param {any} item */
function select(item) {
  state.item = item;
  state.answers = [];
  const hash = itemHash(item);
  for (const a of byId('catalog-list').querySelectorAll('a')) {
    if (a.getAttribute('href') === hash) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
  byId('catalog-current').textContent = `: ${item.name}`;
  renderDetail(item, state.catalog);
  buildFields(byId('fields'), declared(item));
  byId('send-status').textContent = '';
  byId('copy-status').textContent = '';
  if (narrow.matches) byId('catalog-menu').removeAttribute('open');
  void preview();
}

function route() {
  const item =
    itemFromHash(state.catalog, location.hash) ??
    state.catalog.templates.find((/** @type {any} */ t) => t.api === state.target.api) ??
    state.catalog.templates[0];
  if (item) select(item);
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
  renderCatalog(byId('catalog-list'), state.catalog, state.target.api, location.hash);
  setupSimulator(state.target, state.catalog.scenarios, showAppError);
  byId('fields').addEventListener('input', () => {
    state.answers = [];
    previewSoon();
  });
  byId('inputs-form').addEventListener('submit', (event) => {
    event.preventDefault();
    state.answers = [];
    void send();
  });
  byId('fill-examples').addEventListener('click', () => {
    fillExamples(byId('fields'), declared(state.item));
    void preview();
  });
  byId('copy-curl').addEventListener('click', () => void copyText(state.curl, byId('copy-status')));
  window.addEventListener('hashchange', route);
  route();
}

void boot();
