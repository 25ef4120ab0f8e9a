import { h, replace } from './dom.js';
import { requestView } from './request-view.js';

/**
 * Shows a preview answer (POST /api/preview): the request as it would be sent, or the
 * inputs that stop it. Problems not tied to a field (e.g. a URL value) are listed here.
 *
 * @example
 * renderPreview(byId('preview-out'), preview, [], { builderBase: 'https://connect.mailerlite.com/api' })
 * @param {HTMLElement} container
 * @param {any} preview
 * @param {Array<{ name: string, message: string }>} unplaced problems for inputs without a field
 * @param {{ builderBase?: string, stepName?: string }} options
 */
export function renderPreview(container, preview, unplaced, options) {
  container.classList.remove('stale');
  if (!preview.ok) {
    const problems = preview.problems;
    replace(
      container,
      h(
        'div',
        { class: 'notice warn', id: 'preview-problems' },
        h('p', {}, h('strong', {}, 'Not sent as it is: '), problems.length === 1 ? 'one input needs attention.' : `${problems.length} inputs need attention.`),
        h('ul', {}, ...problems.map((/** @type {any} */ p) => h('li', {}, h('code', {}, p.name), ': ', p.message)))
      )
    );
    return;
  }
  if (!preview.request) {
    replace(container, h('p', { class: 'empty' }, preview.note));
    return;
  }
  replace(
    container,
    options.stepName ? h('p', { class: 'first-step' }, 'First call: ', h('strong', {}, options.stepName)) : null,
    requestView(preview.request, { id: 'preview', ...(options.builderBase ? { builderBase: options.builderBase } : {}) }),
    unplaced.length ? h('p', { class: 'notice warn' }, unplaced.map((p) => `${p.name}: ${p.message}`).join('; ')) : null,
    h('details', { class: 'curl' }, h('summary', {}, 'cURL command'), h('pre', { id: 'preview-curl' }, preview.curl))
  );
}

/**
 * Shows that the preview could not be fetched (server down, template problem).
 * @param {HTMLElement} container
 * @param {string} title
 * @param {string} message
 */
export function renderPreviewError(container, title, message) {
  replace(container, h('div', { class: 'notice bad', id: 'preview-error' }, h('p', {}, h('strong', {}, title)), h('p', {}, message)));
}

/**
 * Copies text to the clipboard; when the browser refuses, selects it in a text box so
 * Ctrl+C works.
 *
 * @example
 * await copyText(curl, byId('copy-status'))
 * @param {string} text
 * @param {HTMLElement} status
 */
export async function copyText(text, status) {
  try {
    await navigator.clipboard.writeText(text);
    status.textContent = 'cURL command copied. It reads the key from $MAILERLITE_API_KEY.';
  } catch {
    const box = /** @type {HTMLTextAreaElement} */ (h('textarea', { class: 'copy-box', 'aria-label': 'cURL command', readonly: true, rows: '6' }));
    box.value = text;
    replace(status, 'The browser did not allow copying: press Ctrl+C (⌘C) to copy the selected command.', box);
    box.focus();
    box.select();
  }
}
