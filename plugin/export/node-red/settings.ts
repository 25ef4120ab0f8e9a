import type { Manifest } from '../../generated/manifest.js';
import { env, literal, str } from './jsonata.js';
import { BASE_URL_VARIABLE } from './request.js';

/**
 * The environment variable a setting is read from: `MAILERLITE_` and its name in capitals.
 *
 * @example
 * settingVariable('group_id') // 'MAILERLITE_GROUP_ID'
 */
export function settingVariable(name: string): string {
  return `MAILERLITE_${name.toUpperCase()}`;
}

/** Each secret's environment variable, from the manifest (`api_key` → `MAILERLITE_API_KEY`). */
export function secretVariables(manifest: Manifest): Record<string, string> {
  return Object.fromEntries(Object.entries(manifest.secrets).map(([name, secret]) => [name, secret.env]));
}

/**
 * The settings as JSONata, read from the environment when a request comes in, with the
 * manifest's defaults for blank ones; `api_version` is the API the export is for.
 *
 * @example
 * settingsObject(manifest, 'new') // '{"api_version": "new", "group_id": $env("MAILERLITE_GROUP_ID"), ...}'
 */
export function settingsObject(manifest: Manifest, api: string): string {
  const fields = Object.entries(manifest.settings).map(([name, decl]) => {
    if (name === 'api_version') return `${str(name)}: ${str(api)}`;
    const read = env(settingVariable(name));
    return `${str(name)}: ${decl.default === undefined ? read : `($s := ${read}; $blank($s) ? ${literal(decl.default)} : $s)`}`;
  });
  return `{${fields.join(', ')}}`;
}

/** The environment variables an export reads, by what they hold. */
export function environment(manifest: Manifest): Array<{ name: string; description: string }> {
  return [
    { name: BASE_URL_VARIABLE, description: 'origin of the MailerLite API (default: the production one); e.g. a simulator' },
    ...Object.values(secretVariables(manifest)).map((name) => ({ name, description: 'the MailerLite API key' })),
    ...Object.entries(manifest.settings)
      .filter(([name]) => name !== 'api_version')
      .map(([name, decl]) => ({ name: settingVariable(name), description: `${decl.label ?? name}${decl.default === undefined ? '' : ` (default: ${JSON.stringify(decl.default)})`}` })),
  ];
}
