import type { SyncOptions } from './options.js';
import { shellCommand } from './shell.js';

/**
 * The command that resumes a run: the same file, group, API, target, minute, report and
 * `--map`s, with the journal the run wrote (named even when it was the default), quoted
 * for a shell. Undefined for the embedded simulator, whose data ends with the process.
 *
 * @example
 * resumeCommand({ file: 'optins.csv', group: 'WhatsApp Opt-Ins', target: 'live' }, 'optins.csv.sync-20260105-143000.jsonl')
 * // "mailerlite-steps sync optins.csv --group 'WhatsApp Opt-Ins' --target live --journal optins.csv.sync-20260105-143000.jsonl"
 */
export function resumeCommand(options: SyncOptions, journal: string): string | undefined {
  if (!options.baseUrl && options.target !== 'live') return undefined;
  const args = ['mailerlite-steps', 'sync', options.file, '--group', options.group];
  if (options.api && options.api !== 'new') args.push('--api', options.api);
  if (options.baseUrl) args.push('--base-url', options.baseUrl);
  else args.push('--target', 'live');
  if (options.windowMs !== undefined) args.push('--minute-ms', String(options.windowMs));
  args.push('--journal', journal);
  if (options.report) args.push('--report', options.report);
  for (const pair of options.map ?? []) args.push('--map', pair);
  return shellCommand(args);
}
