import { readFileSync } from 'node:fs';
import type { JsonValue } from '../json.js';
import { isJsonObject } from '../json.js';
import { UsageError } from '../errors.js';
import { parseAssignments } from '../assignments.js';

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
