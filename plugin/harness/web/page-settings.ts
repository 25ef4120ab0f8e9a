import type { Catalog } from '../../catalog.js';
import { UsageError } from '../../errors.js';
import type { JsonObject, JsonValue } from '../../json.js';
import { isJsonObject } from '../../json.js';
import type { Target } from '../../target.js';
import { targetSecrets, type Secret } from '../../redact.js';
import { checkSettingNames } from '../settings.js';
import { HttpError } from './http-io.js';

/** An example body, quoted in errors about the settings a request carries. */
export const SETTINGS_EXAMPLE = '{"group_id": "123456789", "optin_form_url": "https://example.com/form"}';

/**
 * The settings the page's settings panel sends with a request: an object of texts, by
 * setting name. A blank text means "not set" (the server's or the manifest's value
 * applies). An undeclared name is refused with the nearest (400 `settings`).
 *
 * @example
 * pageSettings(catalog, { group_id: ' 42 ', optin_form_url: '' }) // { group_id: '42' }
 * pageSettings(catalog, { groupid: '42' }) // HttpError 400: unknown setting "groupid" (did you mean "group_id"?); ...
 */
export function pageSettings(catalog: Catalog, value: JsonValue | undefined): Record<string, JsonValue> {
  if (value === undefined || value === null) return {};
  if (!isJsonObject(value)) throw new HttpError(400, 'bad_request', `/settings: expected an object of setting texts, e.g. ${SETTINGS_EXAMPLE}`);
  const out: JsonObject = {};
  for (const [name, text] of Object.entries(value)) {
    if (text === null) continue;
    if (typeof text !== 'string') throw new HttpError(400, 'bad_request', `/settings/${name}: expected a text, e.g. ${SETTINGS_EXAMPLE}`);
    if (text.trim() !== '') out[name] = text.trim();
  }
  try {
    checkSettingNames(catalog, out);
  } catch (error) {
    if (error instanceof UsageError) throw new HttpError(400, 'settings', error.message);
    throw error;
  }
  return out;
}

/** Where the key for live MailerLite comes from: the environment (`MAILERLITE_API_KEY`) or the page. */
export type KeySource = 'environment' | 'page';

/** Shortest text taken as an API key: anything shorter is a slip, and too short to redact safely. */
const MIN_KEY_LENGTH = 8;

/**
 * The API key the settings panel may give for live MailerLite, held in this server's
 * memory only (never stored by the page, never answered back). `target()` is the target
 * with that key; `secrets()` every key this server has held, for the answers' redaction.
 *
 * @example
 * const key = pageKey(target)
 * key.set('a-key-typed-in-the-page') // live only
 * key.target().secrets('new') // { api_key: 'a-key-typed-in-the-page' }
 */
export function pageKey(target: Target) {
  let key: string | undefined;
  const held = new Set<string>();
  // Live only; the key is read at each request, so a conversation under way uses the newest.
  const keyed: Target = target.kind === 'live' ? { ...target, secrets: (api) => (key === undefined ? target.secrets(api) : { api_key: key }) } : target;
  return {
    target(): Target {
      return keyed;
    },
    source(): KeySource {
      return key === undefined ? 'environment' : 'page';
    },
    /** Sets the key (a blank text goes back to the environment's); live only. */
    set(text: string): KeySource {
      if (target.kind !== 'live') {
        throw new HttpError(400, 'settings', `an API key is given only for live MailerLite (serve --target live); ${target.description} uses its own keys`);
      }
      const trimmed = text.trim();
      if (trimmed === '') {
        key = undefined;
        return 'environment';
      }
      if (trimmed.length < MIN_KEY_LENGTH || /\s/.test(trimmed)) {
        throw new HttpError(400, 'settings', 'that does not look like a MailerLite API key (one long word, from account settings → Integrations → API)');
      }
      key = trimmed;
      held.add(trimmed);
      return 'page';
    },
    secrets(): Secret[] {
      return [...targetSecrets(target), ...[...held].map((value) => ({ name: 'api_key', value }))];
    },
  };
}

/** The page's key holder. */
export type PageKey = ReturnType<typeof pageKey>;
