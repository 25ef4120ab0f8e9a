/**
 * One argument as a POSIX shell reads it back exactly: as is when it holds only safe
 * characters, else in single quotes (a `'` inside becomes `'\''`).
 *
 * @example
 * shellQuote('optins.csv')       // 'optins.csv'
 * shellQuote('WhatsApp Opt-Ins') // "'WhatsApp Opt-Ins'"
 */
export function shellQuote(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

/**
 * A command line from its arguments, each quoted for a POSIX shell.
 *
 * @example
 * shellCommand(['mailerlite-steps', 'sync', 'my file.csv']) // "mailerlite-steps sync 'my file.csv'"
 */
export function shellCommand(args: readonly string[]): string {
  return args.map(shellQuote).join(' ');
}
