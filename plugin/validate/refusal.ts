import { formatProblem, type Problem } from '../declarations/problem.js';
import { MailerliteStepsError } from '../errors.js';

/** Why writing files was refused: a secret value in the tree, or a tree (or bundle) that does not validate. */
export type Refusal = 'secret' | 'invalid';

/** True for the problems of the secret scan (`secret-in-header`, `secret-api-key`, `secret-env-value`). */
export function isSecretProblem(problem: Problem): boolean {
  return problem.rule.startsWith('secret-');
}

/**
 * A command that writes files from the tree (`pack`, `export`) and refused: nothing was
 * written. `problems` locates each reason (file and JSON Pointer); secret values never
 * appear in it, nor in the message.
 *
 * @example
 * new RefusedError('export', 'secret', problems).message
 * // export refused: 1 secret value in the tree (the API key must never be written into a file); nothing was written
 * //
 * // templates/steps/new/subscriber-lookup.json at /request/headers/Authorization: the Authorization header holds a literal key ... [secret-in-header]
 */
export class RefusedError extends MailerliteStepsError {
  override name = 'RefusedError';
  constructor(
    readonly action: string,
    readonly reason: Refusal,
    readonly problems: readonly Problem[],
  ) {
    super(refusalMessage(action, reason, problems));
  }
}

function refusalMessage(action: string, reason: Refusal, problems: readonly Problem[]): string {
  const secrets = problems.filter(isSecretProblem).length;
  const others = problems.length - secrets;
  const parts: string[] = [];
  if (secrets > 0) parts.push(`${secrets} secret value${secrets === 1 ? '' : 's'} in the tree (the API key must never be written into a file)`);
  if (others > 0) parts.push(`${others} validation problem${others === 1 ? '' : 's'}`);
  const head = `${action} refused: ${parts.join(' and ') || reason}; nothing was written`;
  return [head, ...problems.map(formatProblem)].join('\n\n');
}

/**
 * Why a tree with these problems must not be written out, or undefined when it has none:
 * `secret` (secret problems listed first) when it holds a key, else `invalid`.
 *
 * @example
 * const refusal = refusalOf((await validateTree(root)).problems)
 * if (refusal) throw new RefusedError('export', refusal.reason, refusal.problems)
 */
export function refusalOf(problems: readonly Problem[]): { reason: Refusal; problems: Problem[] } | undefined {
  if (problems.length === 0) return undefined;
  const secrets = problems.filter(isSecretProblem);
  return { reason: secrets.length > 0 ? 'secret' : 'invalid', problems: [...secrets, ...problems.filter((p) => !isSecretProblem(p))] };
}

/**
 * Replaces every occurrence of the given secret texts in a problem's texts with
 * `[redacted]`, so a validation message that quotes a header value cannot leak a key.
 *
 * @example
 * redactProblem({ ..., message: 'the header is "Bearer abc123..."' }, ['abc123...']).message // 'the header is "Bearer [redacted]"'
 */
export function redactProblem(problem: Problem, secrets: readonly string[]): Problem {
  if (secrets.length === 0) return problem;
  const clean = (text: string): string => secrets.reduce((out, secret) => out.split(secret).join('[redacted]'), text);
  return {
    ...problem,
    message: clean(problem.message),
    ...(problem.expected === undefined ? {} : { expected: clean(problem.expected) }),
    ...(problem.example === undefined ? {} : { example: clean(problem.example) }),
  };
}
