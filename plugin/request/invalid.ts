/**
 * A value from the conversation that cannot be placed in the request safely (a header
 * value with a line break, a path segment `..`). It ends the step in `invalid_input`.
 */
export class InvalidValue {
  constructor(
    /** Where in the request: `url`, `query.filter[name]`, `headers.X-Name`, `body`. */
    readonly place: string,
    readonly message: string,
  ) {}
}

/** The text a template renders to, or the reason its values cannot be used there. */
export type Rendered<T> = T | InvalidValue;
