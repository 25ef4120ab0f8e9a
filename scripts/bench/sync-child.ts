/**
 * One sync in a process of its own, for the scale benchmark:
 * `node --import tsx scripts/bench/sync-child.ts '<SyncOptions as JSON>' <result file>`.
 * Writes `{ "code", "maxRssKb" }` (the process's peak resident memory) to the result file.
 */
import { writeFileSync } from 'node:fs';
import { runSync, type SyncOptions } from '../../plugin/sync/index.js';

const [json = '{}', resultFile] = process.argv.slice(2);
const options = JSON.parse(json) as SyncOptions;
// `--idle` loads the code and does nothing: the memory every run starts from.
const code = options.file === '--idle' ? 0 : await runSync(options, { stdout: process.stdout, stderr: process.stderr, isTTY: false });
if (resultFile) writeFileSync(resultFile, JSON.stringify({ code, maxRssKb: process.resourceUsage().maxRSS }));
process.exit(code);
