/**
 * Runs an encoder; undefined when the text holds a lone surrogate (URIError), which no URL can carry.
 *
 * @example
 * encode(encodeURIComponent, '\ud800') // undefined
 */
export function encode(encoder: (text: string) => string, value: string): string | undefined {
  try {
    return encoder(value);
  } catch (error) {
    if (error instanceof URIError) return undefined;
    throw error;
  }
}

/** Text that `encodeURIComponent` leaves as it is (plus `@`, which a segment keeps): most emails and ids. */
const SEGMENT_AS_IS = /^[\w.!~*'()@-]*$/;
const QUERY_AS_IS = /^[\w.!~*'()-]*$/;

/**
 * Encodes a value as one path segment; `@` stays readable, as in MailerLite's own examples.
 *
 * @example
 * encodeSegment('priya+1@x.com') // 'priya%2B1@x.com'
 */
export function encodeSegment(value: string): string {
  // encodeURIComponent is a slow runtime call: text it would not change is returned as it is.
  if (SEGMENT_AS_IS.test(value)) return value;
  const encoded = encodeURIComponent(value);
  return encoded.includes('%40') ? encoded.replaceAll('%40', '@') : encoded;
}

/**
 * Encodes a query value (`encodeURIComponent`, skipped for text it would not change).
 *
 * @example
 * encodeQueryValue('WhatsApp Opt-Ins') // 'WhatsApp%20Opt-Ins'
 */
export function encodeQueryValue(value: string): string {
  return QUERY_AS_IS.test(value) ? value : encodeURIComponent(value);
}
