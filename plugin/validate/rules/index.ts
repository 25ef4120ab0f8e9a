import type { Rule } from '../plugin-data.js';
import { authHeader } from './auth-header.js';
import { builderProfile } from './builder-profile.js';
import { expressionsParse } from './expressions-parse.js';
import { fallbackLast } from './fallback-last.js';
import { filesListed } from './files-listed.js';
import { flowInputs } from './flow-inputs.js';
import { flowRoutes } from './flow-routes.js';
import { literalKeys } from './literal-keys.js';
import { placeholdersDeclared } from './placeholders-declared.js';
import { reservedNames } from './reserved-names.js';
import { secretsOnlyInHeaders } from './secrets-only-in-headers.js';
import { uniqueIds } from './unique-ids.js';
import { urlOrigin } from './url-origin.js';
import { versionsMatch } from './versions-match.js';

/**
 * The semantic rules `validate` runs after the JSON Schemas, in order.
 *
 * @example
 * const problems = RULES.flatMap((rule) => rule(data));
 */
export const RULES: readonly Rule[] = [
  filesListed,
  uniqueIds,
  versionsMatch,
  placeholdersDeclared,
  secretsOnlyInHeaders,
  urlOrigin,
  literalKeys,
  authHeader,
  fallbackLast,
  reservedNames,
  expressionsParse,
  flowRoutes,
  flowInputs,
  builderProfile,
];

export {
  authHeader,
  builderProfile,
  expressionsParse,
  fallbackLast,
  filesListed,
  flowInputs,
  flowRoutes,
  literalKeys,
  placeholdersDeclared,
  reservedNames,
  secretsOnlyInHeaders,
  uniqueIds,
  urlOrigin,
  versionsMatch,
};
