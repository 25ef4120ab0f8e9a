/**
 * Runs one sync in a child process, so a test can kill it with SIGKILL mid-run:
 * `npx tsx test/sync/support/sync-entry.ts '<SyncOptions as JSON>'`. Exits with the
 * sync's exit status.
 */
import { runSync, type SyncOptions } from '../../../plugin/sync/index.js';

const options = JSON.parse(process.argv[2] ?? '{}') as SyncOptions;
const code = await runSync(options, { stdout: process.stdout, stderr: process.stderr, isTTY: false });
process.exit(code);
