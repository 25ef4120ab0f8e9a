import { MailerliteStepsError, MissingInputError } from '../../errors.js';
import type { Io } from './io.js';

/** Exit statuses: 0 success, 1 a step ended in the fallback outcome, 2 usage or template errors. */
export const EXIT = { ok: 0, fallback: 1, usage: 2 } as const;

/**
 * Turns an error into a message and an exit status: our own errors (bad usage, missing
 * inputs, broken templates) print their message only; anything else is a bug and also
 * prints its stack when DEBUG is set.
 */
export function reportError(error: unknown, io: Io): number {
  if (error instanceof MissingInputError) {
    const lines = [`mailerlite-steps: ${error.template} needs ${error.missing.length > 1 ? 'these inputs' : 'this input'}:`];
    for (const m of error.missing) {
      const example = m.example === undefined ? 'VALUE' : typeof m.example === 'string' ? m.example : JSON.stringify(m.example);
      lines.push(`  --var ${shellSafe(`${m.name}=${example}`)}    ${m.description}`);
    }
    io.stderr.write(lines.join('\n') + '\n');
    return EXIT.usage;
  }
  if (error instanceof MailerliteStepsError) {
    io.stderr.write(`mailerlite-steps: ${error.message}\n`);
    return EXIT.usage;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.stderr.write(`mailerlite-steps: unexpected error: ${message}\n`);
  if (io.env.DEBUG && error instanceof Error && error.stack) io.stderr.write(error.stack + '\n');
  return EXIT.usage;
}

function shellSafe(text: string): string {
  return /^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}
