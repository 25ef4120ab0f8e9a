import { readFileSync } from 'node:fs';
import { MailerliteStepsError } from '../../errors.js';
import { Checker } from './check.js';
import { jsonErrorOffset, lineAndColumn } from './json-position.js';
import type { Seed, SeedProblem } from './types.js';
import { checkClassicAccount } from './validate-classic.js';
import { checkNewAccount } from './validate-new.js';

/** Outcome of checking a seed: the typed seed, or every problem found. */
export type SeedCheck = { ok: true; seed: Seed } | { ok: false; problems: SeedProblem[] };

/**
 * Check a parsed JSON value against the seed format (docs/simulator.md), reporting every
 * problem with its JSON Pointer instead of stopping at the first.
 *
 * @example
 * const check = checkSeed({ new: { groups: [{ id: 123, name: 'x' }] } });
 * // { ok: false, problems: [{ pointer: '/new/groups/0/id', message: 'expected an id as a string of digits, ...' }] }
 */
export function checkSeed(value: unknown): SeedCheck {
  const c = new Checker();
  if (c.object(value, '', ['$schema', 'description', 'new', 'classic'], '{"new": {...}, "classic": {...}}')) {
    if (value.new !== undefined) checkNewAccount(c, value.new, '/new');
    if (value.classic !== undefined) checkClassicAccount(c, value.classic, '/classic');
  }
  return c.problems.length === 0 ? { ok: true, seed: value as Seed } : { ok: false, problems: c.problems };
}

/** A seed that cannot be used: names the source (file) and every problem with its JSON Pointer. */
export class SeedError extends MailerliteStepsError {
  override name = 'SeedError';

  constructor(
    /** File path, or a label such as `<seed>` for seeds passed in code. */
    readonly source: string,
    readonly problems: readonly SeedProblem[],
  ) {
    super(
      `Invalid simulator seed in ${source}:\n` +
        problems.map((p) => `  at ${p.pointer === '' ? '(root)' : p.pointer}: ${p.message}`).join('\n'),
    );
  }
}

/** Check a seed and return it typed, or throw a {@link SeedError} naming `source`. */
export function assertSeed(value: unknown, source = '<seed>'): Seed {
  const check = checkSeed(value);
  if (!check.ok) throw new SeedError(source, check.problems);
  return check.seed;
}

/**
 * Read and check a seed file. Unreadable files, invalid JSON and invalid seeds all throw
 * a {@link SeedError} whose message names the file (and line/column or JSON Pointer).
 */
export function loadSeedFile(file: string): Seed {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new SeedError(file, [{ pointer: '', message: `cannot read the file (${(error as NodeJS.ErrnoException).code ?? String(error)})` }]);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new SeedError(file, [{ pointer: '', message: jsonErrorWhere(text, (error as Error).message) }]);
  }
  return assertSeed(value, file);
}

/** "not valid JSON at line L, column C: <reason>" (the reason without Node's multi-line excerpt). */
function jsonErrorWhere(text: string, message: string): string {
  const reason = message.split(/,\s*(?:\.\.\.)?"|\s+in JSON at|\s+\(line/)[0];
  const offset = jsonErrorOffset(text);
  if (offset === undefined) return `not valid JSON: ${reason}`;
  const { line, column } = lineAndColumn(text, offset);
  return `not valid JSON at line ${line}, column ${column}: ${reason}`;
}
