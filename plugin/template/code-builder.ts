import { codegenEnabled, generateWith, quote } from './codegen.js';

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

  /** The name under which the code reads `value` (the same name for the same value: `Object.is`, so `-0` is not `0`). */
  constant(value: unknown): string {
    let index = this.constants.findIndex((known) => Object.is(known, value));
    if (index < 0) index = this.constants.push(value) - 1;
    return `k${index}`;
  }

  /**
   * A text as a JavaScript string literal (property names, fixed texts). Anything but a
   * string throws TypeError (a declaration of the wrong shape): the caller then leaves the
   * stage to its closures, which report it where they always did.
   */
  text(value: string): string {
    if (typeof value !== 'string') throw new TypeError(`expected a text to put in generated code, got ${typeof value}`);
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

/**
 * Runs a generator of stage code: undefined, without trying, where code generation is
 * disallowed, and undefined when the declaration cannot be generated (a part that does not
 * compile, a value of the wrong shape): the stage's closures then run, and report any
 * error where a step reaches it.
 *
 * @example
 * const check = tryGenerate(() => inputsCode(declared)) ?? closureInputs(declared);
 */
export function tryGenerate<F>(generate: () => F | undefined): F | undefined {
  if (!codegenEnabled()) return undefined;
  try {
    return generate();
  } catch {
    return undefined;
  }
}
