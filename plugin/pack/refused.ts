import { formatProblem, type Problem } from '../declarations/problem.js';
import { MailerliteStepsError } from '../errors.js';

/** Why a pack was refused: a secret value in the tree, or a tree (or bundle) that does not validate. */
export type PackRefusal = 'secret' | 'invalid';

/**
 * A pack that refused to write. `problems` locates each reason (file and JSON Pointer);
 * secret values never appear in it, nor in the message.
 *
 * @example
 * try { await packBundle({ outDir: 'out' }) } catch (e) { if (e instanceof PackRefusedError) console.log(e.message) }
 * // pack refused: 1 secret value in the tree
 * // templates/steps/new/subscriber-lookup.json at /request/headers/Authorization: the Authorization header holds a literal key ... [secret-in-header]
 */
export class PackRefusedError extends MailerliteStepsError {
  override name = 'PackRefusedError';
  constructor(
    readonly reason: PackRefusal,
    readonly problems: readonly Problem[],
  ) {
    super(refusalMessage(reason, problems));
  }
}

function refusalMessage(reason: PackRefusal, problems: readonly Problem[]): string {
  const secrets = problems.filter((p) => p.rule.startsWith('secret-')).length;
  const others = problems.length - secrets;
  const parts: string[] = [];
  if (secrets > 0) parts.push(`${secrets} secret value${secrets === 1 ? '' : 's'} in the tree (a bundle must never carry the API key)`);
  if (others > 0) parts.push(`${others} validation problem${others === 1 ? '' : 's'}`);
  const head = `pack refused: ${parts.join(' and ') || reason}; nothing was written`;
  return [head, ...problems.map(formatProblem)].join('\n\n');
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
