/**
 * What the guide's troubleshooting table says for an answer, by HTTP status: shown under
 * a step's status in `run`, `chat` and the web page, so a refused key explains itself.
 *
 * @example
 * hintFor(401) // 'MailerLite refused the API key: a wrong key, or a key of the other MailerLite version ...'
 */
export function hintFor(status: number | undefined): string | undefined {
  if (status === 401 || status === 403) {
    return 'MailerLite refused the API key: a wrong key, or a key of the other MailerLite version. New keys go with api_version new (connect.mailerlite.com), classic ones with api_version classic (api.mailerlite.com/api/v2): check MAILERLITE_API_KEY and --set api_version.';
  }
  if (status === 429) return 'MailerLite allows 120 requests a minute: wait a minute and try again (X-RateLimit-Remaining says how many are left).';
  return undefined;
}
