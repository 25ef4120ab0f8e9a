import { ApiError, NetworkError } from './api.js';
import { h } from './dom.js';

/** Titles of the API's error kinds, as people read them. */
const TITLES = { template: 'Template problem', missing_input: 'Missing input', settings: 'Settings problem', unknown_id: 'Unknown step or flow' };

/**
 * A notice for an error of the API or the connection: a network failure, a missing
 * input (with each input named), a template problem.
 *
 * @example
 * replace(byId('result-body'), errorNotice(error))
 * @param {unknown} error
 * @param {string} [id] the notice's element id
 */
export function errorNotice(error, id = 'result-error') {
  if (error instanceof NetworkError) return h('div', { class: 'notice bad', id }, h('p', {}, h('strong', {}, 'Network failure: '), error.message));
  if (error instanceof ApiError) {
    const title = /** @type {Record<string, string>} */ (TITLES)[error.kind] ?? `Error (${error.status})`;
    return h(
      'div',
      { class: `notice ${error.kind === 'missing_input' ? 'warn' : 'bad'}`, id },
      h('p', {}, h('strong', {}, `${title}: `), error.message),
      error.problems.length ? h('ul', {}, ...error.problems.map((p) => h('li', {}, h('code', {}, p.name), ': ', p.message))) : null
    );
  }
  return h('div', { class: 'notice bad', id }, h('p', {}, String(error)));
}
