import type { JsonValue } from '../json.js';
import { isBlank } from '../template/helpers.js';
import { compileTemplate } from '../template/compile.js';
import { hasPlaceholders, soleVariable } from '../template/tokenize.js';
import { lookupKeys, type RenderContext } from './context.js';

/** Marks a leaf or container that is left out of the body. */
const DROP = Symbol('drop');

/**
 * Builds the JSON body as a value, never as text: string leaves are templates; a leaf
 * that is exactly one `<<variable>>` keeps the variable's JSON type (a list stays a list);
 * a leaf whose placeholders render blank drops its key (or array item), and so does a
 * container left empty by drops, so an upsert never blanks a field MailerLite holds.
 *
 * @example
 * renderBody({ email: '<<customer_email>>', fields: { name: '<<customer_name>>' } }, { customer_email: 'p@x.com', settings: {}, secrets: {} })
 * // { email: 'p@x.com' }
 */
export function renderBody(body: JsonValue | undefined, context: RenderContext): JsonValue | undefined {
  if (body === undefined) return undefined;
  const value = build(body, context);
  return value === DROP ? {} : value;
}

/**
 * Renders one template as a JSON leaf: a sole `<<variable>>` keeps its JSON type;
 * blank renders as undefined (not given).
 *
 * @example
 * renderValue('<<tags>>', { tags: ['a'], settings: {}, secrets: {} }) // ['a']
 */
export function renderValue(source: string, context: RenderContext): JsonValue | undefined {
  const value = leaf(source, context);
  return value === DROP ? undefined : value;
}

function build(node: JsonValue, context: RenderContext): JsonValue | typeof DROP {
  if (typeof node === 'string') return leaf(node, context);
  if (Array.isArray(node)) {
    const kept: JsonValue[] = [];
    for (const item of node) {
      const value = build(item, context);
      if (value !== DROP) kept.push(value);
    }
    return kept.length === 0 && node.length > 0 ? DROP : kept;
  }
  if (node !== null && typeof node === 'object') {
    const out: Record<string, JsonValue> = {};
    let dropped = false;
    let kept = 0;
    for (const key in node) {
      const value = build(node[key]!, context);
      if (value === DROP) dropped = true;
      else {
        // A literal "__proto__" key stays a key (assignment would set the prototype).
        if (key === '__proto__') Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
        else out[key] = value;
        kept++;
      }
    }
    return dropped && kept === 0 ? DROP : out;
  }
  return node;
}

type Leaf = { kind: 'sole'; keys: string[] } | { kind: 'literal'; text: string } | { kind: 'template'; source: string };

const plans = new Map<string, Leaf>();

function plan(source: string): Leaf {
  let hit = plans.get(source);
  if (!hit) {
    const sole = soleVariable(source);
    if (sole !== undefined) hit = { kind: 'sole', keys: sole.split('.') };
    else if (!hasPlaceholders(source)) hit = { kind: 'literal', text: compileTemplate(source).render({}) };
    else hit = { kind: 'template', source };
    plans.set(source, hit);
  }
  return hit;
}

function leaf(source: string, context: RenderContext): JsonValue | typeof DROP {
  const step = plan(source);
  if (step.kind === 'literal') return step.text;
  if (step.kind === 'sole') {
    const value = lookupKeys(context, step.keys);
    return isBlank(value) ? DROP : toJson(value);
  }
  const text = compileTemplate(step.source).render(context);
  return text.trim() === '' ? DROP : text;
}

function toJson(value: unknown): JsonValue {
  if (value === null || typeof value !== 'object') return value as JsonValue;
  return JSON.parse(JSON.stringify(value)) as JsonValue;
}
