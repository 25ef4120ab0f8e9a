import { FORMAT_PATTERNS, type Pattern } from '../../step/format-patterns.js';

/**
 * The regular expressions behind the input format checks of plugin/step/formats.ts, for
 * the collection's script (plugin/step/format-patterns.ts holds them).
 *
 * @example
 * formatPatterns().phone // ['^\\+[1-9]\\d{6,14}$', '']
 */
export function formatPatterns(): Record<string, Pattern> {
  return Object.fromEntries(Object.entries(FORMAT_PATTERNS).map(([name, [source, flags]]) => [name, [source, flags]]));
}
