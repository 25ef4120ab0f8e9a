import pc from 'picocolors';

/** The few styles the CLI uses; all identity functions when colour is off. */
export interface Palette {
  bold: (s: string) => string;
  dim: (s: string) => string;
  green: (s: string) => string;
  yellow: (s: string) => string;
  red: (s: string) => string;
  cyan: (s: string) => string;
}

/**
 * Colours only for a terminal and never when NO_COLOR is set (https://no-color.org).
 *
 * @example
 * const c = palette(process.stdout, process.env); console.log(c.green('201'))
 */
export function palette(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): Palette {
  const on = Boolean(stream.isTTY) && !('NO_COLOR' in env && env.NO_COLOR !== '') && env.TERM !== 'dumb';
  const colors = pc.createColors(on);
  return { bold: colors.bold, dim: colors.dim, green: colors.green, yellow: colors.yellow, red: colors.red, cyan: colors.cyan };
}
