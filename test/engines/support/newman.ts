import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { devDependencyVersion } from '../../support/dev-dependency.js';

/** The part of newman's Node API the tests use (newman ships no types). */
interface NewmanRunOptions {
  collection: object | string;
  envVar: Array<{ key: string; value: string }>;
  exportEnvironment: string;
  reporters: string[];
  timeoutRequest?: number;
}

interface NewmanSummary {
  run: { failures: Array<{ error: { message: string } }> };
}

interface Newman {
  run(options: NewmanRunOptions, callback: (error: Error | null, summary: NewmanSummary) => void): unknown;
}

const require = createRequire(import.meta.url);

/**
 * newman 6 from the dev dependencies. Throws (so the engine tests fail, never skip) when
 * it is missing or of another major version.
 *
 * @example
 * newmanVersion() // '6.2.2'
 */
export function newmanVersion(): string {
  return devDependencyVersion('newman', 6, 'the Postman export tests');
}

function newman(): Newman {
  newmanVersion();
  return require('newman') as Newman;
}

/** What one newman run left behind: the environment it exported, and its failures. */
export interface NewmanRun {
  /** The exported environment's values by key, as `newman run --export-environment FILE` writes them. */
  environment: Record<string, string>;
  failures: string[];
}

/**
 * Runs a collection with newman's Node API, as `newman run FILE --env-var k=v ...
 * --export-environment OUT` does, and reads the exported environment back.
 *
 * @example
 * const { environment } = await runNewman(collection, { base_url: sim.url, api_key: sim.keys.new, customer_email: 'priya@example.com' });
 * environment.reply // 'You are now subscribed, Priya! ...'
 */
export async function runNewman(collection: object, envVars: Record<string, string>, options: { timeoutRequest?: number } = {}): Promise<NewmanRun> {
  const dir = mkdtempSync(path.join(tmpdir(), 'newman-'));
  const out = path.join(dir, 'environment.json');
  try {
    const summary = await new Promise<NewmanSummary>((resolve, reject) => {
      newman().run(
        {
          collection,
          envVar: Object.entries(envVars).map(([key, value]) => ({ key, value })),
          exportEnvironment: out,
          reporters: [],
          ...(options.timeoutRequest === undefined ? {} : { timeoutRequest: options.timeoutRequest }),
        },
        (error, result) => (error ? reject(error) : resolve(result)),
      );
    });
    const exported = JSON.parse(readFileSync(out, 'utf8')) as { values: Array<{ key: string; value: string }> };
    return { environment: Object.fromEntries(exported.values.map((v) => [v.key, v.value])), failures: summary.run.failures.map((f) => f.error.message) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Path of newman's command-line entry point, for tests that run `newman run` itself. */
export function newmanCli(): string {
  newmanVersion();
  return require.resolve('newman/bin/newman.js');
}
