import { fullFormats } from 'ajv-formats/dist/formats.js';

/** A regular expression as source and flags, to be rebuilt inside the collection's script. */
export type Pattern = [source: string, flags: string];

function pattern(value: unknown, name: string): Pattern {
  if (!(value instanceof RegExp)) throw new Error(`ajv-formats' ${name} format is no longer a regular expression`);
  return [value.source, value.flags];
}

/**
 * The regular expressions behind the input format checks of plugin/step/formats.ts, for
 * the collection's script: ajv-formats' full-mode `email`; E.164 phones; digit ids;
 * ajv-formats' `uri` (with its "not a fragment" test) and the date and time parts of its
 * strict `date-time`.
 *
 * @example
 * formatPatterns().phone // ['^\\+[1-9]\\d{6,14}$', '']
 */
export function formatPatterns(): Record<string, Pattern> {
  return {
    email: pattern(fullFormats.email, 'email'),
    phone: ['^\\+[1-9]\\d{6,14}$', ''],
    id: ['^\\d+$', ''],
    uri_fragment: ['\\/|:', ''],
    uri: [URI, 'i'],
    date: ['^(\\d\\d\\d\\d)-(\\d\\d)-(\\d\\d)$', ''],
    time: ['^(\\d\\d):(\\d\\d):(\\d\\d(?:\\.\\d+)?)(z|([+-])(\\d\\d)(?::?(\\d\\d))?)?$', 'i'],
    mailerlite_date_time: ['^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}$', ''],
  };
}

/** ajv-formats' full-mode `uri` expression (RFC 3986), as its source text. */
const URI =
  "^(?:[a-z][a-z0-9+\\-.]*:)(?:\\/?\\/(?:(?:[a-z0-9\\-._~!$&'()*+,;=:]|%[0-9a-f]{2})*@)?(?:\\[(?:(?:(?:(?:[0-9a-f]{1,4}:){6}|::(?:[0-9a-f]{1,4}:){5}|(?:[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){4}|(?:(?:[0-9a-f]{1,4}:){0,1}[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){3}|(?:(?:[0-9a-f]{1,4}:){0,2}[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){2}|(?:(?:[0-9a-f]{1,4}:){0,3}[0-9a-f]{1,4})?::[0-9a-f]{1,4}:|(?:(?:[0-9a-f]{1,4}:){0,4}[0-9a-f]{1,4})?::)(?:[0-9a-f]{1,4}:[0-9a-f]{1,4}|(?:(?:25[0-5]|2[0-4]\\d|[01]?\\d\\d?)\\.){3}(?:25[0-5]|2[0-4]\\d|[01]?\\d\\d?))|(?:(?:[0-9a-f]{1,4}:){0,5}[0-9a-f]{1,4})?::[0-9a-f]{1,4}|(?:(?:[0-9a-f]{1,4}:){0,6}[0-9a-f]{1,4})?::)|[Vv][0-9a-f]+\\.[a-z0-9\\-._~!$&'()*+,;=:]+)\\]|(?:(?:25[0-5]|2[0-4]\\d|[01]?\\d\\d?)\\.){3}(?:25[0-5]|2[0-4]\\d|[01]?\\d\\d?)|(?:[a-z0-9\\-._~!$&'()*+,;=]|%[0-9a-f]{2})*)(?::\\d*)?(?:\\/(?:[a-z0-9\\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*|\\/(?:(?:[a-z0-9\\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})+(?:\\/(?:[a-z0-9\\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*)?|(?:[a-z0-9\\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})+(?:\\/(?:[a-z0-9\\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*)(?:\\?(?:[a-z0-9\\-._~!$&'()*+,;=:@/?]|%[0-9a-f]{2})*)?(?:#(?:[a-z0-9\\-._~!$&'()*+,;=:@/?]|%[0-9a-f]{2})*)?$";
