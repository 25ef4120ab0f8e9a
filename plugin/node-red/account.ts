import type { ApiVersion, Catalog } from '../catalog.js';
import { UsageError } from '../errors.js';
import type { JsonValue } from '../json.js';
import { parseBaseUrl } from '../target.js';
import type { NodeConfig, NodeInstance } from './types.js';

/** The account config node's properties, as the editor saves them (the key is a credential, not here). */
export interface AccountConfig extends NodeConfig {
  api?: string;
  baseUrl?: string;
  groupId?: string;
  optinFormUrl?: string;
  groupName?: string;
}

/** An account read from its config node: what every step node using it runs with (no key). */
export interface Account {
  api: ApiVersion;
  /** An origin that replaces MailerLite's (a simulator, a proxy); undefined for MailerLite itself. */
  baseUrl: string | undefined;
  /** The plugin's settings, manifest defaults filled in: `api_version`, `group_id`, `optin_form_url`, `group_name`. */
  settings: Record<string, JsonValue | undefined>;
  /** Why the account cannot be used as configured (a base URL `parseBaseUrl` refuses). */
  problem?: string;
}

/** The environment variable the key falls back to when the account node has none. */
export const KEY_VARIABLE = 'MAILERLITE_API_KEY';

/**
 * The origin an account's base URL names (plugin/target.ts `parseBaseUrl`: an origin, or an
 * origin plus `/api` or `/api/v2`), or why it is not one, in parseBaseUrl's words (which
 * never echo a user name, password or query). Blank means MailerLite's own.
 *
 * @example
 * parseOrigin('http://127.0.0.1:9090/api') // { origin: 'http://127.0.0.1:9090' }
 * parseOrigin('') // { origin: undefined }
 * parseOrigin('http://127.0.0.1:9090/api/subscribers') // { problem: 'baseUrl http://127.0.0.1:9090/api/subscribers: the path /api/subscribers is not /api or /api/v2; expected ...' }
 */
export function parseOrigin(text: string | undefined): { origin: string | undefined; problem?: undefined } | { origin?: undefined; problem: string } {
  const trimmed = (text ?? '').trim();
  if (trimmed === '') return { origin: undefined };
  try {
    return { origin: parseBaseUrl(trimmed, 'baseUrl') };
  } catch (error) {
    if (error instanceof UsageError) return { problem: error.message };
    throw error;
  }
}

function text(value: string | undefined): string | undefined {
  const trimmed = (value ?? '').trim();
  return trimmed === '' ? undefined : trimmed;
}

/**
 * Reads an account config node's properties: the API version (`new` unless `classic`),
 * the base URL checked as an origin, and the settings with the manifest's defaults.
 *
 * @example
 * readAccount({ id: 'a', type: 'mailerlite-account', api: 'new', groupId: '123456789' }, catalog).settings.group_name // 'WhatsApp Opt-Ins'
 */
export function readAccount(config: AccountConfig, catalog: Catalog): Account {
  const api: ApiVersion = config.api === 'classic' ? 'classic' : 'new';
  const base = parseOrigin(config.baseUrl);
  const settings = catalog.settings({
    api_version: api,
    group_id: text(config.groupId),
    optin_form_url: text(config.optinFormUrl),
    group_name: text(config.groupName),
  });
  return { api, baseUrl: base.origin, settings, ...(base.problem === undefined ? {} : { problem: base.problem }) };
}

/**
 * The API key of an account node: its `apiKey` credential, else `MAILERLITE_API_KEY` from
 * Node-RED's environment; '' when neither is set (MailerLite then answers 401).
 *
 * @example
 * accountKey(node, {}) // the credential, or ''
 */
export function accountKey(node: NodeInstance, environment: NodeJS.ProcessEnv = process.env): string {
  return text(node.credentials?.apiKey) ?? text(environment[KEY_VARIABLE]) ?? '';
}
