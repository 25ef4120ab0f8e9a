/** An auth scheme word such as `Bearer` or `Basic`, followed by the credential. */
const SCHEME = /^\s*(?:Bearer|Basic|Token)\s+/i;
/** Any `<<...>>` placeholder (a secret, a setting or a variable: none of them is a literal). */
const PLACEHOLDER = /<<[^<>]*>>/g;

/**
 * True when an auth header value carries literal credential text: after the scheme word
 * (`Bearer `), anything but `<<placeholders>>` and white space. `Bearer <<secrets.api_key>>`
 * and `<<secrets.api_key>>` are not literal; `Bearer eyJ0eXAi...` and `abc123` are.
 *
 * @example
 * literalCredential('Bearer <<secrets.api_key>>') // false
 * literalCredential('Bearer 0123456789abcdef')     // true
 */
export function literalCredential(value: string): boolean {
  return credentialPart(value).replace(PLACEHOLDER, '').trim() !== '';
}

/**
 * The credential of an auth header value: the value without its scheme word.
 *
 * @example
 * credentialPart('Bearer <<secrets.api_key>>') // '<<secrets.api_key>>'
 */
export function credentialPart(value: string): string {
  return value.replace(SCHEME, '').trim();
}
