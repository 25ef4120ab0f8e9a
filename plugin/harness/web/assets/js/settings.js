import { postJson } from './api.js';
import { byId, h, replace } from './dom.js';
import { errorNotice } from './notices.js';

/** Where the panel keeps its values: this browser tab's session (never the key). */
const STORE = 'mailerlite-steps.settings';

/** The settings the panel offers, in this order, from the manifest's declarations. */
const SHOWN = ['api_version', 'group_id', 'optin_form_url'];

/**
 * The settings saved for this tab: setting name → text. Blank ones are not kept.
 * @returns {Record<string, string>}
 */
export function savedSettings() {
  try {
    const parsed = JSON.parse(sessionStorage.getItem(STORE) ?? '{}');
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return {};
    return Object.fromEntries(Object.entries(parsed).filter(([, v]) => typeof v === 'string' && v.trim() !== ''));
  } catch {
    return {};
  }
}

/** @param {Record<string, string>} values */
function save(values) {
  const kept = Object.fromEntries(Object.entries(values).filter(([, v]) => v.trim() !== ''));
  if (Object.keys(kept).length === 0) sessionStorage.removeItem(STORE);
  else sessionStorage.setItem(STORE, JSON.stringify(kept));
  return kept;
}

/**
 * @param {string} name
 * @param {any} decl the manifest's declaration
 * @param {string} value
 * @param {unknown} fallback the value that applies when the field is blank
 */
function field(name, decl, value, fallback) {
  const id = `set-${name}`;
  const hintId = `${id}-hint`;
  const common = { id, name, 'data-setting': name, 'aria-describedby': hintId };
  const shown = fallback === undefined || fallback === null ? '' : String(fallback);
  let control;
  if (Array.isArray(decl.enum)) {
    control = h(
      'select',
      common,
      h('option', { value: '' }, shown ? `Harness default (${shown})` : 'Harness default'),
      ...decl.enum.map((/** @type {unknown} */ o) => h('option', { value: String(o) }, String(o)))
    );
  } else {
    const attrs = decl.format === 'uri' ? { type: 'url', inputmode: 'url' } : decl.format === 'id' ? { type: 'text', inputmode: 'numeric' } : { type: 'text' };
    control = h('input', { ...attrs, ...common, spellcheck: 'false', autocomplete: 'off', placeholder: shown });
  }
  /** @type {HTMLInputElement} */ (control).value = value;
  return h(
    'div',
    { class: 'field' },
    h('label', { for: id }, decl.label ?? name),
    control,
    h('p', { class: 'field-hint', id: hintId }, h('code', {}, name), ' ', decl.description)
  );
}

/**
 * The settings panel: API version, group id and opt-in form URL (from the manifest's
 * declarations), and the API key when the harness talks to live MailerLite. Values are
 * kept in this tab's sessionStorage and sent with every preview, run and chat message;
 * the key is sent once to the harness (`POST /api/key`), which holds it in memory, and
 * is never stored by the page.
 *
 * @example
 * setupSettings(catalog, target, (settings) => applySettings(settings))
 * @param {any} catalog GET /api/catalog
 * @param {any} target GET /api/target
 * @param {(settings: Record<string, string>) => void} onChange
 */
export function setupSettings(catalog, target, onChange) {
  const fields = byId('settings-fields');
  const status = byId('settings-status');
  const keyField = byId('settings-key-field');
  const keyInput = /** @type {HTMLInputElement} */ (byId('settings-key'));
  keyField.hidden = !target.live;

  function render() {
    const values = savedSettings();
    const api = values.api_version ?? target.api;
    const defaults = target.defaults?.[api] ?? {};
    replace(fields, ...SHOWN.filter((name) => catalog.settings[name]).map((name) => field(name, catalog.settings[name], values[name] ?? '', defaults[name])));
    summarise(values);
  }

  /** @param {Record<string, string>} values */
  function summarise(values) {
    const count = Object.keys(values).length;
    const key = target.live && target.key === 'page' ? ', key from this page' : '';
    byId('settings-summary').textContent = count || key ? `(${count} set${key})` : '';
  }

  function read() {
    /** @type {Record<string, string>} */
    const values = { ...savedSettings() };
    for (const control of fields.querySelectorAll('[data-setting]')) {
      values[/** @type {string} */ (control.getAttribute('data-setting'))] = /** @type {HTMLInputElement} */ (control).value;
    }
    return values;
  }

  byId('settings-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const kept = save(read());
    const parts = ['Saved for this tab.'];
    if (target.live && keyInput.value.trim() !== '') {
      try {
        const answer = await postJson('/api/key', { api_key: keyInput.value });
        target.key = answer.key;
        parts.push('The harness holds the key now (it is not shown again).');
      } catch (error) {
        replace(status, errorNotice(error, 'settings-error'));
        return;
      } finally {
        keyInput.value = '';
      }
    }
    status.textContent = parts.join(' ');
    render();
    onChange(kept);
  });

  byId('settings-clear').addEventListener('click', () => {
    save({});
    render();
    status.textContent = "Cleared: the harness's settings apply.";
    onChange({});
  });

  render();
}
