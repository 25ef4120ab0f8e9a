import { generateWith, quote } from './codegen.js';

/**
 * Collects what a generated function needs besides its text: fresh local names and the
 * values it calls or compares with (helpers, compiled parts, literals), which the code
 * names `k0`, `k1`, … and never holds as text. See `codegen.ts` for why code is generated.
 *
 * @example
 * const code = new CodeBuilder();
 * const test = code.constant(/^a/);
 * code.build<(v: string) => boolean>(['v'], `return ${test}.test(v);`)?.('abc') // true
 */
export class CodeBuilder {
  private locals = 0;
  private readonly constants: unknown[] = [];

  /** A fresh local variable name (`t0`, `t1`, …). */
  local(): string {
    return `t${this.locals++}`;
  }

  /** The name under which the code reads `value` (the same name for the same value). */
  constant(value: unknown): string {
    let index = this.constants.indexOf(value);
    if (index < 0) index = this.constants.push(value) - 1;
    return `k${index}`;
  }

  /** A text as a JavaScript string literal (property names, fixed texts). */
  text(value: string): string {
    return quote(value);
  }

  /** The function, or undefined when code generation is disallowed. */
  build<F>(params: string[], body: string): F | undefined {
    return generateWith<F>(this.constants, params, body);
  }
}

/** A value computed by generated code: the statements that compute it, and the name that holds it afterwards. */
export interface Code {
  /** Statements to run first (each ends with a newline; may be empty). */
  pre: string;
  /** An identifier (a local, a constant or a parameter) holding the value once `pre` has run. */
  value: string;
}
