/**
 * Small DOM helpers: elements are built with textContent only (never innerHTML), so
 * nothing a contact types (quotes, emoji, `<script>`) can become markup.
 */

/**
 * Creates an element.
 *
 * @example
 * h('p', { class: 'hint', id: 'x' }, 'Hello ', h('code', {}, 'JOIN'))
 * @param {string} tag
 * @param {Record<string, string | boolean | undefined>} [attrs]
 * @param {...(Node | string | null | undefined | false)} children
 * @returns {HTMLElement}
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    el.setAttribute(name, value === true ? '' : value);
  }
  append(el, ...children);
  return el;
}

/**
 * Appends children (text or nodes), skipping empty ones.
 * @param {Element} el
 * @param {...(Node | string | null | undefined | false)} children
 */
export function append(el, ...children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    el.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
}

/**
 * Replaces an element's content.
 * @param {Element} el
 * @param {...(Node | string | null | undefined | false)} children
 */
export function replace(el, ...children) {
  el.replaceChildren();
  append(el, ...children);
}

/**
 * @param {string} id
 * @returns {HTMLElement}
 */
export function byId(id) {
  const el = document.getElementById(id);
  if (!el) throw new Error(`the page has no #${id}`);
  return el;
}

/**
 * A JSON value as readable text (2-space indent); text bodies stay as they are.
 * @param {unknown} value
 */
export function pretty(value) {
  if (typeof value === 'string') return value;
  return JSON.stringify(value, null, 2);
}

/** Reason phrases of the statuses MailerLite answers with. */
const REASONS = {
  200: 'OK',
  201: 'Created',
  202: 'Accepted',
  204: 'No Content',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  408: 'Request Timeout',
  409: 'Conflict',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/**
 * A status with its reason phrase: `201 Created`.
 * @param {number} status
 */
export function statusText(status) {
  const reason = /** @type {Record<number, string>} */ (REASONS)[status];
  return reason ? `${status} ${reason}` : String(status);
}

/**
 * A CSS class for a status: ok (2xx), warn (4xx), bad (5xx or none).
 * @param {number | null | undefined} status
 */
export function statusClass(status) {
  if (typeof status !== 'number') return 'bad';
  if (status < 300) return 'ok';
  return status < 500 ? 'warn' : 'bad';
}

/**
 * Calls `fn` once the calls stop for `ms` milliseconds.
 * @template {unknown[]} A
 * @param {(...args: A) => void} fn
 * @param {number} ms
 * @returns {(...args: A) => void}
 */
export function debounce(fn, ms) {
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
}
