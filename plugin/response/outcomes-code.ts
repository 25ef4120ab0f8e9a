import type { OutcomeCondition, OutcomeRule, StatusMatcher } from '../generated/step-template.js';
import { DeclarationError } from '../errors.js';
import { CodeBuilder, tryGenerate } from '../template/code-builder.js';
import type { OutcomeDecider } from './decide.js';
import { parseJmes } from './jmespath-ast.js';
import { jmesCode } from './jmespath-code.js';
import { isFalse } from './jmespath-values.js';

/** The `$variables` a condition reads, as the generated decider holds them. */
const VARIABLES: Record<string, string> = { inputs: 'vInputs', settings: 'vSettings' };

/**
 * What a condition reads: `{ status, headers, body, outputs }`, made only when a condition
 * needs it whole (`@`, `keys(@)`); a field of it is read from what the decider holds.
 */
const ROOT = '(root ??= { status: response?.status ?? null, headers: response?.headers ?? {}, body: response?.json ? response.body : null, outputs: observation.outputs })';
const ROOT_FIELDS: Record<string, string> = { status: 'rStatus', headers: 'rHeaders', body: 'rBody', outputs: 'rOutputs' };
const FIELDS_CODE =
  'const rStatus = response?.status ?? null, rHeaders = response?.headers ?? {}, rBody = response?.json ? (response.body ?? null) : null, rOutputs = observation.outputs ?? null;\n';

function noFallback(): never {
  throw new DeclarationError('outcome rules must end with a fallback rule (e.g. {"name": "error", "description": "...", "fallback": true})');
}

/**
 * A status matcher as a test of `response.status`: an exact code, or a class such as `4xx`
 * by its first character. Anything else throws: the rules are left to the closures.
 */
function statusTest(matcher: StatusMatcher, code: CodeBuilder): string {
  if (typeof matcher === 'number') return `response.status === ${code.constant(matcher)}`;
  if (typeof matcher === 'string') return matcher === '' ? 'false' : `String(response.status)[0] === ${code.text(matcher[0]!)}`;
  throw new TypeError(`a status matcher is a code or a class such as "4xx", got ${JSON.stringify(matcher)}`);
}

/** The test of one rule's `when`, and the statements of its condition (undefined: not generated). */
function whenCode(when: OutcomeCondition, label: string, code: CodeBuilder): { test: string; condition: string } | undefined {
  const tests: string[] = [];
  if (when.failure !== undefined) tests.push(`observation.failure === ${code.text(when.failure)}`);
  if (when.status !== undefined) {
    const matchers = Array.isArray(when.status) ? when.status : [when.status];
    tests.push(`response != null && (${matchers.length ? matchers.map((m) => statusTest(m, code)).join(' || ') : 'false'})`);
  }
  const test = tests.length ? tests.map((t) => `(${t})`).join(' && ') : 'true';
  if (when.condition === undefined) return { test, condition: '' };
  let value;
  try {
    value = jmesCode(parseJmes(when.condition), ROOT, {
      code,
      variable: (name) => (Object.prototype.hasOwnProperty.call(VARIABLES, name) ? VARIABLES[name] : undefined),
      field: (input, name) => (input === ROOT && Object.prototype.hasOwnProperty.call(ROOT_FIELDS, name) ? ROOT_FIELDS[name] : undefined),
    });
  } catch {
    return undefined;
  }
  if (!value) return undefined;
  const out = code.local();
  const condition =
    `let ${out};\ntry {\n${value.pre}${out} = ${value.value} ?? null;\n} catch {\n${out} = null;\n}\n` +
    `if (${code.constant(isFalse)}(${out})) break ${label};\n`;
  return { test, condition };
}

/**
 * Outcome rules generated as one function: each rule's failure and status tests inline,
 * its condition's code in a block entered only when they pass, the condition root made
 * once, on first need. Undefined when a condition does not parse or uses what is not
 * generated, or code generation is disallowed: `compileOutcomes` then uses its closures.
 *
 * @example
 * generateOutcomes([{ name: 'not_found', description: 'd', when: { status: 404 } }, { name: 'error', description: 'd', fallback: true }])?.(obs)
 * // { outcome: 'not_found', rule: 0 }
 */
export function generateOutcomes(rules: OutcomeRule[]): OutcomeDecider | undefined {
  return tryGenerate(() => makeOutcomes(rules));
}

function makeOutcomes(rules: OutcomeRule[]): OutcomeDecider | undefined {
  const code = new CodeBuilder();
  const blocks: string[] = [];
  const conditions = rules.some((rule) => !('fallback' in rule) && rule.when.condition !== undefined);
  for (const [index, rule] of rules.entries()) {
    const decision = `return { outcome: ${code.text(rule.name)}, rule: ${index} };\n`;
    if ('fallback' in rule) {
      blocks.push(decision);
      continue;
    }
    const when = whenCode(rule.when, `rule${index}`, code);
    if (!when) return undefined;
    // A labelled block: a condition that does not hold leaves it for the next rule.
    blocks.push(`rule${index}: if (${when.test}) {\n${when.condition}${decision}}\n`);
  }
  return code.build<OutcomeDecider>(
    ['observation'],
    `const response = observation.response;\n${conditions ? `const vInputs = observation.inputs, vSettings = observation.settings;\n${FIELDS_CODE}let root;\n` : ''}` +
      `${blocks.join('')}${code.constant(noFallback)}();`,
  );
}
