import { setOwn, type JsonValue } from '../json.js';
import { renderText } from '../template/compile.js';
import { isBlank } from '../template/helpers.js';
import { hasPlaceholders, soleVariable } from '../template/tokenize.js';
import { lookup, type RenderContext } from './context.js';

/** Marks a leaf or container that is left out of the body. */
const DROP = Symbol('drop');

type Built = JsonValue | typeof DROP;

/** A copy of a JSON value, so later changes to the variables cannot alter a built body. */
function toJson(value: unknown): JsonValue {
  if (value === null || typeof value !== 'object') return value as JsonValue;
  return JSON.parse(JSON.stringify(value)) as JsonValue;
}

/**
 * One string leaf: a sole `<<path>>` keeps the value's JSON type; any other renders as
 * text. A leaf with placeholders whose value is blank drops; literal text stays as written.
 */
function buildLeaf(source: string, context: RenderContext): Built {
  if (!hasPlaceholders(source)) return renderText(source, context);
  const sole = soleVariable(source);
  const value = sole === undefined ? renderText(source, context) : lookup(context, sole);
  return isBlank(value) ? DROP : toJson(value);
}

function buildNode(node: JsonValue, context: RenderContext): Built {
  if (typeof node === 'string') return buildLeaf(node, context);
  if (Array.isArray(node)) {
    const kept = node.map((item) => buildNode(item, context)).filter((value): value is JsonValue => value !== DROP);
    // A list emptied by drops is dropped; one written empty stays.
    return kept.length === 0 && node.length > 0 ? DROP : kept;
  }
  if (node !== null && typeof node === 'object') {
    const out: Record<string, JsonValue> = {};
    const keys = Object.keys(node);
    for (const key of keys) {
      const value = buildNode(node[key]!, context);
      if (value !== DROP) setOwn(out, key, value);
    }
    // An object emptied by drops is dropped; one written empty stays.
    return Object.keys(out).length === 0 && keys.length > 0 ? DROP : out;
  }
  return node;
}

/**
 * Builds the JSON body as a value, never as text: string leaves are templates; a leaf
 * that is exactly one `<<variable>>` keeps the variable's JSON type (a list stays a list);
 * a leaf that renders blank drops its key (or array item), and so does a container left
 * empty by drops, so an upsert never blanks a field MailerLite holds. A body emptied by
 * drops is `{}`.
 *
 * @example
 * renderBody({ email: '<<customer_email>>', fields: { name: '<<customer_name>>' } }, { customer_email: 'p@x.com', settings: {}, secrets: {} })
 * // { email: 'p@x.com' }
 */
export function renderBody(body: JsonValue | undefined, context: RenderContext): JsonValue | undefined {
  if (body === undefined) return undefined;
  const value = buildNode(body, context);
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
  const value = buildLeaf(source, context);
  return value === DROP ? undefined : value;
}
