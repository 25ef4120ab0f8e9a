// Preloaded with `node --import`: records every module URL the process loads into the
// file named by RECORD_LOADS, one per line, so a test can see what a command imported.
import { register } from 'node:module';

register('./record-loads-hooks.mjs', import.meta.url, { data: { file: process.env.RECORD_LOADS } });
