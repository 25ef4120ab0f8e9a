type Kind = 'null' | 'string' | 'number' | 'boolean' | 'array' | 'object';

/** The merged shape of one or more JSON values: kinds seen, object keys, array elements. */
interface Shape {
  kinds: Set<Kind>;
  /** Object keys seen (in the order first seen, which is the recorded key order), with the shape of their values. */
  keys: Map<string, Shape>;
  /** Keys present in every object seen. */
  required: Set<string>;
  /** Shape of all array elements seen (undefined when every array was empty). */
  element?: Shape;
  /** Whether an empty array was seen / a non-empty one. */
  emptyArray: boolean;
  filledArray: boolean;
}

function kindOf(value: unknown): Kind {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value as Kind;
}

function shapeOf(values: unknown[]): Shape {
  const shape: Shape = { kinds: new Set(), keys: new Map(), required: new Set(), emptyArray: false, filledArray: false };
  const objects: Record<string, unknown>[] = [];
  const elements: unknown[] = [];
  for (const value of values) {
    shape.kinds.add(kindOf(value));
    if (Array.isArray(value)) {
      if (value.length === 0) shape.emptyArray = true;
      else shape.filledArray = true;
      elements.push(...value);
    } else if (kindOf(value) === 'object') objects.push(value as Record<string, unknown>);
  }
  if (objects.length > 0) {
    const all = new Set(objects.flatMap((o) => Object.keys(o)));
    for (const key of all) {
      const holders = objects.filter((o) => key in o);
      if (holders.length === objects.length) shape.required.add(key);
      shape.keys.set(key, shapeOf(holders.map((o) => o[key])));
    }
  }
  if (elements.length > 0) shape.element = shapeOf(elements);
  return shape;
}

function check(value: unknown, shape: Shape, at: string, out: string[]): void {
  const kind = kindOf(value);
  if (!shape.kinds.has(kind)) {
    out.push(`${at || '/'}: recorded ${[...shape.kinds].join('|')}, got ${kind}`);
    return;
  }
  if (kind === 'object') {
    const obj = value as Record<string, unknown>;
    for (const key of shape.required) if (!(key in obj)) out.push(`${at}/${key}: missing (recorded)`);
    const ours = Object.keys(obj).filter((key) => shape.keys.has(key));
    const recorded = [...shape.keys.keys()].filter((key) => key in obj);
    if (ours.join() !== recorded.join()) out.push(`${at || '/'}: keys in the order ${ours.join(', ')}; recorded ${recorded.join(', ')}`);
    for (const [key, inner] of Object.entries(obj)) {
      const expected = shape.keys.get(key);
      if (!expected) out.push(`${at}/${key}: not in the recording`);
      else check(inner, expected, `${at}/${key}`, out);
    }
  } else if (kind === 'array') {
    const arr = value as unknown[];
    if (arr.length === 0 && !shape.emptyArray) out.push(`${at}: empty, recorded non-empty`);
    if (arr.length > 0 && !shape.element) out.push(`${at}: non-empty, recorded empty`);
    if (shape.element) arr.forEach((item, i) => check(item, shape.element!, `${at}/${i}`, out));
  }
}

/**
 * Differences in shape between a recorded JSON body and ours: keys, their order and
 * value types, recursively. Values (ids, dates, names) may differ; where the recording
 * has several elements in an array, ours must fit what those elements show (e.g.
 * `ip_address` null in one, a string in another).
 */
export function shapeDifferences(recorded: unknown, actual: unknown): string[] {
  const out: string[] = [];
  check(actual, shapeOf([recorded]), '', out);
  return out;
}
