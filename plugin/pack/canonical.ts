import { createHash } from 'node:crypto';
import type { JsonValue } from '../json.js';

/**
 * The canonical JSON text of a value: keys in the order they appear (as `JSON.parse`
 * yields them, which is the order they are written in the bundle file), no whitespace,
 * strings escaped as `JSON.stringify` escapes them. This is the text an entry's sha256
 * is computed over.
 *
 * @example
 * canonicalJson({ b: 1, a: [true, 'x y'] }) // '{"b":1,"a":[true,"x y"]}'
 */
export function canonicalJson(value: JsonValue): string {
  return JSON.stringify(value);
}

/**
 * Lower-case hex sha256 of a text (as UTF-8) or of bytes.
 *
 * @example
 * sha256Hex('') // 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'
 */
export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/**
 * The sha256 of a bundle entry: over the canonical JSON of its content.
 *
 * @example
 * entryDigest(bundle.templates[0].content) === bundle.templates[0].sha256 // true for an intact bundle
 */
export function entryDigest(content: JsonValue): string {
  return sha256Hex(canonicalJson(content));
}
