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

/**
 * Encodes a value as one path segment; `@` stays readable, as in MailerLite's own examples.
 *
 * @example
 * encodeSegment('priya+1@x.com') // 'priya%2B1@x.com'
 */
export function encodeSegment(value: string): string {
  return encodeURIComponent(value).replaceAll('%40', '@');
}
