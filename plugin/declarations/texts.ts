import { pointer } from './problem.js';
import type { Flow } from '../generated/flow.js';
import type { StepTemplate } from '../generated/step-template.js';
import type { JsonValue } from '../json.js';

/**
 * The one list of a declaration's `<<placeholder>>` templates, for `validate`'s rules and
 * the exports alike.
 */

/**
 * Where a `<<placeholder>>` template sits in a step template's request, or in a flow.
 *
 * @example
 * const place: TextPlace = 'header'; // the only place secrets may appear
 */
export type TextPlace = 'url' | 'query' | 'header' | 'body' | 'flow';

/**
 * One `<<placeholder>>` template found in a declaration, with its JSON Pointer.
 *
 * @example
 * const text: TemplateText = { pointer: '/request/headers/Authorization', source: 'Bearer <<secrets.api_key>>', place: 'header' };
 */
export interface TemplateText {
  pointer: string;
  source: string;
  place: TextPlace;
}

/**
 * Every template string of a step template's request: the URL, query values, header
 * values and the string leaves of the body.
 *
 * @example
 * requestTexts(lookup) // [{ pointer: '/request/url', source: 'https://connect.mailerlite.com/api/subscribers/<<customer_email>>', place: 'url' }, ...]
 */
export function requestTexts(template: StepTemplate): TemplateText[] {
  const { request } = template;
  const texts: TemplateText[] = [{ pointer: '/request/url', source: request.url, place: 'url' }];
  for (const [key, source] of Object.entries(request.query ?? {})) texts.push({ pointer: pointer('request', 'query', key), source, place: 'query' });
  for (const [name, source] of Object.entries(request.headers ?? {})) texts.push({ pointer: pointer('request', 'headers', name), source, place: 'header' });
  if (request.body !== undefined) bodyLeaves(request.body, ['request', 'body'], texts);
  return texts;
}

function bodyLeaves(value: JsonValue, at: Array<string | number>, into: TemplateText[]): void {
  if (typeof value === 'string') into.push({ pointer: pointer(...at), source: value, place: 'body' });
  else if (Array.isArray(value)) value.forEach((item, index) => bodyLeaves(item, [...at, index], into));
  else if (value !== null && typeof value === 'object') for (const [key, item] of Object.entries(value)) bodyLeaves(item, [...at, key], into);
}

/**
 * Every template string of a flow: reply texts, ask texts and their `invalid_text`, end
 * reasons and outputs, step-node inputs and the values condition nodes compare with.
 *
 * @example
 * flowTexts(join) // [{ pointer: '/nodes/welcome/text', source: 'You are now subscribed, <<first_name customer_name>>!', place: 'flow' }, ...]
 */
export function flowTexts(flow: Flow): TemplateText[] {
  const texts: TemplateText[] = [];
  const add = (source: string, ...at: string[]): void => {
    texts.push({ pointer: pointer('nodes', ...at), source, place: 'flow' });
  };
  for (const [id, node] of Object.entries(flow.nodes)) {
    if (node.type === 'reply' || node.type === 'ask') add(node.text, id, 'text');
    if (node.type === 'ask' && node.invalid_text !== undefined) add(node.invalid_text, id, 'invalid_text');
    if (node.type === 'end') {
      if (node.reason !== undefined) add(node.reason, id, 'reason');
      for (const [name, source] of Object.entries(node.outputs ?? {})) add(source, id, 'outputs', name);
    }
    if (node.type === 'step') for (const [name, source] of Object.entries(node.inputs ?? {})) add(source, id, 'inputs', name);
    if (node.type === 'condition') {
      if (node.value !== undefined) add(node.value, id, 'value');
      (node.values ?? []).forEach((source, index) => add(source, id, 'values', String(index)));
    }
  }
  return texts;
}
