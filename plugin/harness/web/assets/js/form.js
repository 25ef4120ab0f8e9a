import { h, replace } from './dom.js';

/** Input attributes for each declared format, so phones get a phone keyboard and so on. */
const FORMAT_ATTRS = {
  email: { type: 'email', inputmode: 'email', autocomplete: 'email', spellcheck: 'false' },
  phone: { type: 'tel', inputmode: 'tel', autocomplete: 'tel', placeholder: '+919820000001' },
  id: { type: 'text', inputmode: 'numeric', spellcheck: 'false' },
  uri: { type: 'url', inputmode: 'url', spellcheck: 'false' },
  'date-time': { type: 'text', placeholder: '2024-08-13 09:49:51' },
};

/** What each format expects, shown under the field. */
const FORMAT_HINTS = {
  email: 'An email address.',
  phone: 'E.164: + and country code, no spaces.',
  id: 'Digits only.',
  uri: 'An absolute URL.',
  'date-time': 'YYYY-MM-DD HH:MM:SS',
};

/**
 * A declared example as the text a field holds.
 * @param {unknown} value
 */
function asText(value) {
  if (value === undefined || value === null) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/**
 * One labelled field for a declared input.
 * @param {string} name
 * @param {any} decl
 * @param {string} value
 */
function field(name, decl, value) {
  const id = `in-${name}`;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const common = { id, name, 'aria-describedby': `${hintId} ${errorId}`, 'aria-required': decl.required ? 'true' : undefined, 'data-input': name };
  let control;
  if (Array.isArray(decl.enum) || decl.type === 'boolean') {
    const options = decl.enum ?? [true, false];
    control = h(
      'select',
      common,
      h('option', { value: '' }, '(not given)'),
      ...options.map((/** @type {unknown} */ o) => h('option', { value: asText(o) }, asText(o)))
    );
    /** @type {HTMLSelectElement} */ (control).value = value;
  } else if (decl.type === 'array' || decl.type === 'object') {
    control = h('textarea', { ...common, rows: '3', spellcheck: 'false' });
    /** @type {HTMLTextAreaElement} */ (control).value = value;
  } else {
    const attrs = decl.format
      ? /** @type {Record<string, Record<string, string>>} */ (FORMAT_ATTRS)[decl.format]
      : decl.type === 'string'
      ? {}
      : { inputmode: 'decimal' };
    control = h('input', { type: 'text', ...attrs, ...common });
    /** @type {HTMLInputElement} */ (control).value = value;
  }
  const formatHint = decl.format ? /** @type {Record<string, string>} */ (FORMAT_HINTS)[decl.format] : undefined;
  const example = decl.example === undefined ? '' : ` e.g. ${asText(decl.example)}`;
  return h(
    'div',
    { class: 'field', 'data-field': name },
    h('label', { for: id }, decl.label ?? name, ' ', decl.required ? h('span', { class: 'req' }, '(required)') : h('span', { class: 'opt' }, '(optional)')),
    control,
    h(
      'p',
      { class: 'field-hint', id: hintId },
      h('code', {}, name),
      ' ',
      decl.description,
      formatHint ? ` ${formatHint}` : '',
      example ? h('span', { class: 'example' }, example) : null
    ),
    h('p', { class: 'field-error', id: errorId })
  );
}

/**
 * Builds the form fields for declared inputs, each prefilled with its example.
 *
 * @example
 * buildFields(byId('fields'), template.inputs)
 * @param {HTMLElement} container
 * @param {Record<string, any>} declared
 * @param {Record<string, string>} [values] values to keep (else the examples)
 */
export function buildFields(container, declared, values) {
  const entries = Object.entries(declared);
  if (entries.length === 0) {
    replace(container, h('p', { class: 'empty' }, 'No inputs: it uses the settings only.'));
    return;
  }
  replace(container, ...entries.map(([name, decl]) => field(name, decl, values?.[name] ?? asText(decl.example))));
}

/**
 * Fills every field with its declared example.
 * @param {HTMLElement} container
 * @param {Record<string, any>} declared
 */
export function fillExamples(container, declared) {
  for (const [name, decl] of Object.entries(declared)) {
    const control = /** @type {HTMLInputElement | null} */ (container.querySelector(`[data-input="${CSS.escape(name)}"]`));
    if (control) control.value = asText(decl.example);
  }
}

/**
 * The form's values by input name, as text (the server checks and converts them).
 * @param {HTMLElement} container
 * @returns {Record<string, string>}
 */
export function readValues(container) {
  /** @type {Record<string, string>} */
  const values = {};
  for (const control of container.querySelectorAll('[data-input]')) {
    values[/** @type {string} */ (control.getAttribute('data-input'))] = /** @type {HTMLInputElement} */ (control).value;
  }
  return values;
}

/**
 * Marks the fields with problems (missing, bad format) and clears the others.
 * Problems for names that are not fields are returned, to be shown elsewhere.
 *
 * @example
 * showProblems(byId('fields'), [{ name: 'customer_phone', kind: 'invalid', message: 'not an E.164 phone number' }])
 * @param {HTMLElement} container
 * @param {Array<{ name: string, kind: string, message: string }>} problems
 */
export function showProblems(container, problems) {
  const byName = new Map(problems.map((p) => [p.name, p]));
  for (const wrap of container.querySelectorAll('[data-field]')) {
    const name = /** @type {string} */ (wrap.getAttribute('data-field'));
    const problem = byName.get(name);
    const control = wrap.querySelector('[data-input]');
    const error = wrap.querySelector('.field-error');
    control?.setAttribute('aria-invalid', problem ? 'true' : 'false');
    wrap.classList.toggle('has-error', Boolean(problem));
    if (error) error.textContent = problem ? capitalise(problem.message) : '';
    byName.delete(name);
  }
  return [...byName.values()];
}

/** @param {string} text */
function capitalise(text) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
