import { readFileSync } from 'node:fs';
import type { JsonValue } from '../json.js';
import { isJsonObject } from '../json.js';
import { UsageError } from '../errors.js';
import { checkNames, parseAssignments } from '../assignments.js';
import type { Catalog } from '../catalog.js';

/**
 * Reads settings from an optional JSON file (an object of setting values) and
 * `--set k=v` flags (which win).
 *
 * @example
 * readSettings('settings.json', ['group_id=123456789'])
 */
export function readSettings(file: string | undefined, sets: readonly string[]): Record<string, JsonValue> {
  let fromFile: Record<string, JsonValue> = {};
  if (file) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      throw new UsageError(`--settings ${file}: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (!isJsonObject(parsed)) throw new UsageError(`--settings ${file}: expected a JSON object such as {"group_id": "123456789"}`);
    fromFile = parsed;
  }
  return { ...fromFile, ...parseAssignments(sets, '--set') };
}

/**
 * Refuses setting names (from `--set` or `--settings`) the manifest does not declare,
 * naming the nearest: a typo such as `groupid` would otherwise be ignored.
 *
 * @example
 * checkSettingNames(catalog, { groupid: '1' })
 * // UsageError: unknown setting "groupid" (did you mean "group_id"?); the settings are api_version, group_id, optin_form_url, group_name
 */
export function checkSettingNames(catalog: Catalog, settings: Record<string, JsonValue>): void {
  checkNames(Object.keys(settings), Object.keys(catalog.manifest.settings), { noun: 'setting', known: 'the settings are' });
}
