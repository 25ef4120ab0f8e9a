import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { packageRoot } from '../paths.js';
import type { Problem } from '../declarations/problem.js';
import { explainErrors } from './schema-errors.js';

/** The kinds of declaration file, each with its JSON Schema. */
export type DeclarationKind = 'manifest' | 'step-template' | 'flow' | 'bundle';

const SCHEMA_FILES = ['common', 'manifest', 'step-template', 'flow', 'bundle'] as const;

let ajv: Ajv2020 | undefined;

/** One strict Ajv (draft 2020-12, all errors, formats) with every schema of the package added. */
export function schemaValidator(): Ajv2020 {
  if (ajv) return ajv;
  ajv = new Ajv2020({ strict: true, allErrors: true, allowUnionTypes: true, verbose: true });
  addFormats.default(ajv);
  ajv.addKeyword({ keyword: 'tsType', schemaType: 'string' });
  for (const name of SCHEMA_FILES) {
    const file = path.join(packageRoot(), 'schemas', `${name}.schema.json`);
    ajv.addSchema(JSON.parse(readFileSync(file, 'utf8')) as object);
  }
  return ajv;
}

/** The compiled validate function for one kind of file. */
export function validatorFor(kind: DeclarationKind): ValidateFunction {
  const fn = schemaValidator().getSchema(`https://mailerlite-steps.dev/schemas/${kind}.schema.json`);
  if (!fn) throw new Error(`schema ${kind} is not loaded`);
  return fn;
}

/** Validates a parsed file against its schema; each error becomes a located problem. */
export function checkSchema(kind: DeclarationKind, file: string, value: unknown): Problem[] {
  return dedupe(explainErrors(schemaValidator(), validatorFor(kind), value)).map((error) => toProblem(file, error));
}

/** Drops the noise of `oneOf` branches when a more precise error sits at the same place. */
function dedupe(errors: ErrorObject[]): ErrorObject[] {
  const seen = new Set<string>();
  return errors.filter((error) => {
    const key = `${error.instancePath}|${error.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function toProblem(file: string, error: ErrorObject): Problem {
  const params = error.params as Record<string, unknown>;
  let pointer = error.instancePath;
  let message = error.message ?? 'invalid';
  let expected: string | undefined;
  switch (error.keyword) {
    case 'additionalProperties':
      pointer += '/' + String(params.additionalProperty);
      message = `unknown property "${String(params.additionalProperty)}"`;
      expected = 'only the properties the schema describes (check the spelling)';
      break;
    case 'required':
      message = `missing property "${String(params.missingProperty)}"`;
      expected = `a "${String(params.missingProperty)}" property`;
      break;
    case 'type':
      expected = `a value of type ${String(params.type)}`;
      break;
    case 'enum':
      expected = `one of ${JSON.stringify(params.allowedValues)}`;
      break;
    case 'pattern':
      expected = `a value matching ${String(params.pattern)}`;
      break;
    case 'const':
      expected = JSON.stringify(params.allowedValue);
      break;
    default:
      break;
  }
  const example = (error.parentSchema as { examples?: unknown[] } | undefined)?.examples?.[0];
  return {
    file,
    pointer,
    rule: 'schema',
    message,
    ...(expected ? { expected } : {}),
    ...(example === undefined ? {} : { example: JSON.stringify(example) }),
  };
}
