import type { JsonValue } from '../json.js';
import { setOwn } from '../json.js';
import type { Variables } from '../step/inputs.js';
import { SOURCE_TYPES, type PaletteInput, type SourceType } from './palette.js';
import type { NodeConfig, NodeInstance, NodeMessage, NodeRedApi } from './types.js';

/** A step node's properties, as the editor saves them: its account and, per input, where it comes from. */
export interface StepNodeConfig extends NodeConfig {
  account?: string;
  [property: string]: unknown;
}

/** Where one input is read from. */
export interface Source {
  type: SourceType;
  value: string;
}

function isSourceType(value: unknown): value is SourceType {
  return typeof value === 'string' && (SOURCE_TYPES as readonly string[]).includes(value);
}

/**
 * Where a node reads an input: the source its properties name, else `msg.payload.<name>`.
 *
 * @example
 * sourceOf(emailInput, { id: 'n', type: 't' }) // { type: 'msg', value: 'payload.customer_email' }
 * sourceOf(emailInput, { id: 'n', type: 't', input_customer_email: 'contact', input_customer_emailType: 'flow' }) // { type: 'flow', value: 'contact' }
 */
export function sourceOf(input: PaletteInput, config: StepNodeConfig): Source {
  const type = config[input.typeProperty];
  const value = config[input.property];
  if (!isSourceType(type) || typeof value !== 'string' || value.trim() === '') return input.defaultSource;
  return { type, value: value.trim() };
}

/**
 * A value read from a message or context as a JSON value, the way a builder variable
 * holds it: text, numbers, booleans, lists and objects as they are; a Buffer as its UTF-8
 * text, a Date as ISO text; undefined (and anything else) as missing.
 *
 * @example
 * toJsonValue(Buffer.from('priya@example.com')) // 'priya@example.com'
 * toJsonValue(undefined) // undefined
 */
export function toJsonValue(value: unknown): JsonValue | undefined {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (typeof value === 'bigint') return value.toString();
  if (Buffer.isBuffer(value)) return value.toString('utf8');
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map((item) => toJsonValue(item) ?? null);
  if (typeof value === 'object') {
    const out: Record<string, JsonValue> = {};
    for (const [key, item] of Object.entries(value)) {
      const converted = toJsonValue(item);
      if (converted !== undefined) setOwn(out, key, converted);
    }
    return out;
  }
  return undefined;
}

/** Reads one source; a message path through something missing (`payload.x` of a message without payload) is a missing value. */
function evaluate(red: NodeRedApi, node: NodeInstance, msg: NodeMessage, source: Source): Promise<unknown> {
  return new Promise((resolve, reject) => {
    red.util.evaluateNodeProperty(source.value, source.type, node, msg, (error, result) => {
      if (error && source.type !== 'msg') reject(error);
      else resolve(error ? undefined : result);
    });
  });
}

/**
 * The step's inputs for one message, each from its source (`msg.payload.<name>` unless the
 * node says otherwise), as the variables `runStep` checks.
 *
 * @example
 * await readInputs(RED, node, config, paletteType(lookup).inputs, { payload: { customer_email: 'priya@example.com' } })
 * // { customer_email: 'priya@example.com' }
 */
export async function readInputs(red: NodeRedApi, node: NodeInstance, config: StepNodeConfig, inputs: PaletteInput[], msg: NodeMessage): Promise<Variables> {
  const given: Record<string, JsonValue> = {};
  for (const input of inputs) {
    const value = toJsonValue(await evaluate(red, node, msg, sourceOf(input, config)));
    if (value !== undefined) setOwn(given, input.name, value);
  }
  return given;
}
