import type { Ajv2020, ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';

/**
 * Validates `value` and returns its errors with the noise of `oneOf` removed: when no
 * branch of a `oneOf` matches, only the errors of the branch the value most likely meant
 * are kept (the branch whose `type`/`const` discriminators match, then the one with the
 * fewest errors), instead of every branch's complaints plus "must match exactly one
 * schema in oneOf".
 *
 * @example
 * explainErrors(ajv, validatorFor('flow'), flow)
 * // a reply node with "nxt" gives one error: unknown property "nxt" at /nodes/welcome/nxt
 */
export function explainErrors(ajv: Ajv2020, validate: ValidateFunction, value: unknown): ErrorObject[] {
  return explain(ajv, validate, value, '');
}

function explain(ajv: Ajv2020, validate: ValidateFunction, value: unknown, base: string): ErrorObject[] {
  if (validate(value)) return [];
  let errors = [...(validate.errors ?? [])];
  const oneOfs = errors
    .filter((error) => error.keyword === 'oneOf' && (error.params as { passingSchemas?: unknown }).passingSchemas === null)
    .sort((a, b) => a.instancePath.length - b.instancePath.length);
  const handled: string[] = [];
  const replacements: ErrorObject[] = [];
  for (const failure of oneOfs) {
    const at = failure.instancePath;
    if (handled.some((outer) => at === outer || at.startsWith(outer + '/'))) continue;
    const branches = branchValidators(ajv, failure);
    if (!branches) continue;
    const subValue = valueAt(value, at);
    const best = branches
      .map((branch) => explain(ajv, branch, subValue, base + at))
      .map((branchErrors) => ({ branchErrors, score: score(branchErrors, base + at) }))
      .sort((a, b) => a.score - b.score)[0];
    if (!best) continue;
    handled.push(at);
    errors = errors.filter((error) => !(error.instancePath === at || error.instancePath.startsWith(at + '/')) || (error.parentSchema === failure.parentSchema && error !== failure));
    replacements.push(...best.branchErrors);
  }
  return [...errors.map((error) => ({ ...error, instancePath: base + error.instancePath })), ...replacements];
}

/** Lower is a better fit: a discriminator mismatch (`type` of the value, a `const`/`enum` property) weighs most. */
function score(errors: ErrorObject[], at: string): number {
  let total = errors.length;
  for (const error of errors) {
    const depth = error.instancePath === at ? 0 : error.instancePath.startsWith(at + '/') ? error.instancePath.slice(at.length + 1).split('/').length : 99;
    if (error.keyword === 'type' && depth === 0) total += 1000;
    if ((error.keyword === 'const' || error.keyword === 'enum') && depth <= 1) total += 1000;
  }
  return total;
}

const indexes = new WeakMap<Ajv2020, Map<object, string>>();

/** Compiled validators for each branch of a failed `oneOf`, found through the schema that holds it. */
function branchValidators(ajv: Ajv2020, failure: ErrorObject): ValidateFunction[] | undefined {
  const location = schemaIndex(ajv).get(failure.parentSchema as object);
  if (location === undefined || !Array.isArray(failure.schema)) return undefined;
  const validators: ValidateFunction[] = [];
  for (let i = 0; i < failure.schema.length; i += 1) {
    const fn = ajv.getSchema(`${location}/oneOf/${i}`);
    if (!fn) return undefined;
    validators.push(fn);
  }
  return validators;
}

/** Every object of every loaded schema, mapped to its `id#/pointer`. */
function schemaIndex(ajv: Ajv2020): Map<object, string> {
  const cached = indexes.get(ajv);
  if (cached) return cached;
  const index = new Map<object, string>();
  for (const [id, entry] of Object.entries(ajv.schemas)) {
    const root = entry?.schema;
    if (root && typeof root === 'object') walk(root, `${id}#`, index);
  }
  indexes.set(ajv, index);
  return index;
}

function walk(node: object, at: string, into: Map<object, string>): void {
  if (!into.has(node)) into.set(node, at);
  for (const [key, child] of Object.entries(node)) {
    if (child && typeof child === 'object') walk(child as object, `${at}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`, into);
  }
}

function valueAt(value: unknown, pointer: string): unknown {
  let current = value;
  for (const token of pointer.split('/').slice(1)) {
    const key = token.replace(/~1/g, '/').replace(/~0/g, '~');
    current = current !== null && typeof current === 'object' ? (current as Record<string, unknown>)[key] : undefined;
  }
  return current;
}
