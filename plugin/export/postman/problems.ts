import { formatProblem, pointer, type Problem } from '../../declarations/problem.js';
import { DeclarationError } from '../../errors.js';

/** The rule name the Postman export's refusals carry. */
export const RULE = 'postman-export';

/**
 * Declarations the Postman export cannot reproduce exactly: each problem names the file,
 * the JSON Pointer, what is outside the builder profile and what to write instead.
 *
 * @example
 * try { exportPostman(catalog, { api: 'new' }) } catch (e) { if (e instanceof PostmanExportError) e.problems.map(formatProblem) }
 */
export class PostmanExportError extends DeclarationError {
  override name = 'PostmanExportError';
  constructor(readonly problems: Problem[]) {
    super(`cannot export to Postman: ${problems.length} declaration${problems.length === 1 ? '' : 's'} outside the builder profile\n${problems.map(formatProblem).join('\n')}`);
  }
}

/** Collects the problems of one declaration file. */
export class Problems {
  readonly list: Problem[] = [];

  constructor(private readonly file: string) {}

  /** Records a problem at the JSON Pointer made of `at`. */
  add(at: Array<string | number>, message: string, expected: string, example: string): void {
    this.list.push({ file: this.file, pointer: pointer(...at), rule: RULE, message, expected, example });
  }
}
