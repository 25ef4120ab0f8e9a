import { fullFormats } from 'ajv-formats/dist/formats.js';

/**
 * The regular expressions behind the input format checks (plugin/step/formats.ts), as
 * source and flags: the one place they are written. `checkFormat` builds its tests from
 * them; the Node-RED and Postman exports embed them in the JSONata and script they write.
 */

/** A regular expression as source and flags, to be rebuilt where it is embedded. */
export type Pattern = [source: string, flags: string];

function fromAjv(value: unknown, name: string): Pattern {
  if (!(value instanceof RegExp)) throw new Error(`ajv-formats' ${name} format is no longer a regular expression`);
  return [value.source, value.flags];
}

/** ajv-formats' full-mode `uri` expression (RFC 3986), as its source text (ajv-formats keeps it inside its `uri` function). */
const URI =
  "^(?:[a-z][a-z0-9+\\-.]*:)(?:\\/?\\/(?:(?:[a-z0-9\\-._~!$&'()*+,;=:]|%[0-9a-f]{2})*@)?(?:\\[(?:(?:(?:(?:[0-9a-f]{1,4}:){6}|::(?:[0-9a-f]{1,4}:){5}|(?:[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){4}|(?:(?:[0-9a-f]{1,4}:){0,1}[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){3}|(?:(?:[0-9a-f]{1,4}:){0,2}[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){2}|(?:(?:[0-9a-f]{1,4}:){0,3}[0-9a-f]{1,4})?::[0-9a-f]{1,4}:|(?:(?:[0-9a-f]{1,4}:){0,4}[0-9a-f]{1,4})?::)(?:[0-9a-f]{1,4}:[0-9a-f]{1,4}|(?:(?:25[0-5]|2[0-4]\\d|[01]?\\d\\d?)\\.){3}(?:25[0-5]|2[0-4]\\d|[01]?\\d\\d?))|(?:(?:[0-9a-f]{1,4}:){0,5}[0-9a-f]{1,4})?::[0-9a-f]{1,4}|(?:(?:[0-9a-f]{1,4}:){0,6}[0-9a-f]{1,4})?::)|[Vv][0-9a-f]+\\.[a-z0-9\\-._~!$&'()*+,;=:]+)\\]|(?:(?:25[0-5]|2[0-4]\\d|[01]?\\d\\d?)\\.){3}(?:25[0-5]|2[0-4]\\d|[01]?\\d\\d?)|(?:[a-z0-9\\-._~!$&'()*+,;=]|%[0-9a-f]{2})*)(?::\\d*)?(?:\\/(?:[a-z0-9\\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*|\\/(?:(?:[a-z0-9\\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})+(?:\\/(?:[a-z0-9\\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*)?|(?:[a-z0-9\\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})+(?:\\/(?:[a-z0-9\\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*)(?:\\?(?:[a-z0-9\\-._~!$&'()*+,;=:@/?]|%[0-9a-f]{2})*)?(?:#(?:[a-z0-9\\-._~!$&'()*+,;=:@/?]|%[0-9a-f]{2})*)?$";

/**
 * The patterns, by name: ajv-formats' full-mode `email`; E.164 phones; digit ids;
 * ajv-formats' `uri` (it also requires `uri_fragment`: a `/` or `:`); the date and time
 * parts of ajv-formats' strict `date-time` (for the Postman script, which has no ajv);
 * MailerLite's own `2024-08-13 09:49:51` date-time.
 *
 * @example
 * FORMAT_PATTERNS.phone // ['^\\+[1-9]\\d{6,14}$', '']
 */
export const FORMAT_PATTERNS = {
  email: fromAjv(fullFormats.email, 'email'),
  phone: ['^\\+[1-9]\\d{6,14}$', ''],
  id: ['^\\d+$', ''],
  uri_fragment: ['\\/|:', ''],
  uri: [URI, 'i'],
  date: ['^(\\d\\d\\d\\d)-(\\d\\d)-(\\d\\d)$', ''],
  time: ['^(\\d\\d):(\\d\\d):(\\d\\d(?:\\.\\d+)?)(z|([+-])(\\d\\d)(?::?(\\d\\d))?)?$', 'i'],
  mailerlite_date_time: ['^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}$', ''],
} as const satisfies Record<string, Pattern>;

export type PatternName = keyof typeof FORMAT_PATTERNS;

/**
 * One of the patterns as a RegExp.
 *
 * @example
 * formatRegExp('id').test('123') // true
 */
export function formatRegExp(name: PatternName): RegExp {
  const [source, flags] = FORMAT_PATTERNS[name];
  return new RegExp(source, flags);
}
