/**
 * The typed errors of mailerlite-steps. They are for broken templates and programmer
 * mistakes only; everything the API or the network can do becomes a step outcome instead.
 *
 * @example
 * try { renderText('<<#if x>>', {}) } catch (e) { if (e instanceof TemplateSyntaxError) console.log(e.message) }
 */
export class MailerliteStepsError extends Error {
  override name = 'MailerliteStepsError';
}

/** A `<<placeholder>>` template that cannot be parsed or rendered. */
export class TemplateSyntaxError extends MailerliteStepsError {
  override name = 'TemplateSyntaxError';
  constructor(
    message: string,
    /** The template text at fault. */
    readonly template: string,
    /** Where in the template (JSON Pointer into the declaration), when known. */
    readonly pointer = '',
  ) {
    super(message);
  }
}

/** Required inputs that were not given: all of them, with their examples. */
export class MissingInputError extends MailerliteStepsError {
  override name = 'MissingInputError';
  constructor(
    readonly template: string,
    readonly missing: ReadonlyArray<{ name: string; description: string; example?: unknown }>,
  ) {
    super(
      `${template}: missing required input${missing.length > 1 ? 's' : ''}: ` +
        missing.map((m) => m.name + (m.example === undefined ? '' : ` (e.g. ${JSON.stringify(m.example)})`)).join(', '),
    );
  }
}

/** A template, flow or setting that the runtime cannot use as declared. */
export class DeclarationError extends MailerliteStepsError {
  override name = 'DeclarationError';
}

/** A flow that ran more steps than allowed: a loop. */
export class FlowLoopError extends MailerliteStepsError {
  override name = 'FlowLoopError';
}

/** A mistake in how a command was called: unknown id, bad flag value, unreadable file. Exit status 2. */
export class UsageError extends MailerliteStepsError {
  override name = 'UsageError';
}
