/**
 * Compiles now, but lets a compile error surface where it always did: when the compiled
 * function first runs. Plans are built eagerly, once per declaration; a broken part must
 * still throw only when a step reaches it (after the inputs are checked, after an earlier
 * part has refused a value), exactly as when each part was compiled on first use.
 *
 * @example
 * const render = compileOrDefer(() => compileTemplate('<<oops').renderScope);
 * render(scope) // throws the TemplateSyntaxError here, not above
 */
export function compileOrDefer<F extends (...args: never[]) => unknown>(compile: () => F): F {
  try {
    return compile();
  } catch (error) {
    return ((() => {
      throw error;
    }) as unknown) as F;
  }
}
