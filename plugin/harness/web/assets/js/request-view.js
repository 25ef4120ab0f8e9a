import { h, pretty } from './dom.js';

/**
 * The URL as a bot builder would enter it: the simulator's origin replaced by
 * MailerLite's (the simulator serves the same paths).
 *
 * @example
 * builderUrl('http://127.0.0.1:40123/api/subscribers', 'https://connect.mailerlite.com/api')
 * // 'https://connect.mailerlite.com/api/subscribers'
 * @param {string} url
 * @param {string} baseUrl
 */
export function builderUrl(url, baseUrl) {
  try {
    const sent = new URL(url);
    return new URL(baseUrl).origin + sent.pathname + sent.search;
  } catch {
    return url;
  }
}

/**
 * A request (method, URL, headers, body) as a block; the key shows as redacted.
 *
 * @example
 * requestView({ method: 'GET', url: 'https://…/subscribers/priya@example.com', headers: {}, body: null }, { id: 'preview' })
 * @param {{ method: string, url: string, headers: Record<string, string>, body: unknown }} request
 * @param {{ id?: string, builderBase?: string }} [options]
 */
export function requestView(request, options = {}) {
  const rid = (/** @type {string} */ suffix) => (options.id ? `${options.id}-${suffix}` : undefined);
  const headers = Object.entries(request.headers);
  const inBuilder = options.builderBase ? builderUrl(request.url, options.builderBase) : undefined;
  return h(
    'div',
    { class: 'request' },
    h(
      'p',
      { class: 'request-line' },
      h('span', { class: `method m-${request.method.toLowerCase()}`, id: rid('method') }, request.method),
      ' ',
      h('code', { class: 'url', id: rid('url') }, request.url)
    ),
    inBuilder && inBuilder !== request.url ? h('p', { class: 'builder-url' }, 'In your bot builder: ', h('code', {}, inBuilder)) : null,
    h('h3', { class: 'sub' }, 'Headers'),
    headers.length === 0
      ? h('p', { class: 'empty' }, 'No headers.')
      : h('dl', { class: 'headers', id: rid('headers') }, ...headers.flatMap(([name, value]) => [h('dt', {}, name), h('dd', {}, h('code', {}, value))])),
    h('h3', { class: 'sub' }, 'Body'),
    request.body === null || request.body === undefined
      ? h('p', { class: 'empty' }, 'No body.')
      : h('pre', { class: 'json', id: rid('body') }, pretty(request.body))
  );
}
