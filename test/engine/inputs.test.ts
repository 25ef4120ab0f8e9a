import { describe, expect, it } from 'vitest';
import { MissingInputError } from '../../plugin/errors.js';
import type { VariableDeclaration } from '../../plugin/generated/step-template.js';
import { checkInputs, type Variables } from '../../plugin/step/inputs.js';
import { prepareStep, runStep } from '../../plugin/step/run.js';
import { SECRETS, SETTINGS, template } from './support/catalog.js';
import { fakeMailerLite } from './support/fake-fetch.js';
import { readTable, type Located } from './support/tables.js';

interface Problem {
  name: string;
  message: string;
}

/** A row of test/fixtures/inputs: declared inputs (or a shipped template's), given values, the exact result. */
interface InputsCase {
  name: string;
  declared?: Record<string, VariableDeclaration>;
  template?: string;
  given: Variables;
  expect:
    | { values: Variables }
    | { invalid: Problem[] }
    | { missing: Array<{ name: string; description: string; example?: unknown }>; message: string };
}

const rows = readTable<InputsCase>('inputs');

function declaredOf(row: Located<InputsCase>): Record<string, VariableDeclaration> {
  if (row.template) return template(row.template).inputs;
  if (!row.declared) throw new Error(`${row.file}: "${row.name}" needs declared or template`);
  return row.declared;
}

describe('check inputs', () => {
  it.each(rows)('$file: $name', (row) => {
    const id = row.template ?? 't';
    const run = () => checkInputs(id, declaredOf(row), row.given);
    if ('missing' in row.expect) {
      const error = (() => {
        try {
          run();
        } catch (caught) {
          return caught;
        }
        throw new Error('expected MissingInputError');
      })();
      expect(error).toBeInstanceOf(MissingInputError);
      expect((error as MissingInputError).missing).toEqual(row.expect.missing);
      expect((error as MissingInputError).message).toBe(row.expect.message);
    } else if ('invalid' in row.expect) {
      expect(run()).toEqual({ ok: false, invalid: row.expect.invalid });
    } else {
      expect(run()).toEqual({ ok: true, values: row.expect.values });
    }
  });
});

describe('shipped templates stop before any request', () => {
  const env = (fetch: ReturnType<typeof fakeMailerLite>['fetch']) => ({ settings: SETTINGS, secrets: SECRETS, fetch });

  it.each(rows.filter((row) => row.template))('$file: $name', async (row) => {
    const step = template(row.template!);
    const ml = fakeMailerLite([]);
    if ('missing' in row.expect) {
      await expect(runStep(step, row.given, env(ml.fetch))).rejects.toThrow(new MissingInputError(step.id, row.expect.missing));
    } else if ('invalid' in row.expect) {
      const result = await runStep(step, row.given, env(ml.fetch));
      expect(result).toMatchObject({ outcome: 'invalid_input', rule: -1, attempts: 0, request: null, response: null });
      expect(result.error).toEqual({
        kind: 'invalid_input',
        message: row.expect.invalid.map((p) => `${p.name}: ${p.message}`).join('; '),
        inputs: row.expect.invalid,
      });
      expect(Object.values(result.outputs).every((v) => v === null)).toBe(true);
    } else {
      const prepared = prepareStep(step, row.given, env(ml.fetch));
      expect(prepared.inputs).toEqual(row.expect.values);
    }
    expect(ml.requests).toEqual([]);
  });
});
