import type { OutcomeRule, StatusMatcher, VariableDeclaration } from '../generated/step-template.js';
import { code } from './code.js';
import { conditionInWords } from './expression.js';
import type { Caveat, ConditionRow } from './types.js';

const FAILURES = { timeout: 'no answer in time (timeout)', network: 'no connection (network error)' } as const;

/**
 * The status condition rows of the form, checked top to bottom: `HTTP 404 -> not_found`,
 * `HTTP 200 and {{in_target_group}} is true -> already_in_group`, ending with
 * `anything else -> error`. A condition the builder cannot state in words stays JMESPath,
 * with a caveat. Inputs with a format add the caveat that the builder does not check them.
 *
 * @example
 * conditionRows(lookup.outcomes, lookup.inputs).rows.find((r) => r.outcome === 'not_found')?.row // 'HTTP 404 -> not_found'
 */
export function conditionRows(outcomes: readonly OutcomeRule[], inputs: Record<string, VariableDeclaration>): { rows: ConditionRow[]; caveats: Caveat[] } {
  const rows: ConditionRow[] = [];
  const caveats: Caveat[] = [];
  outcomes.forEach((rule, index) => {
    if ('fallback' in rule) {
      const when = 'anything else (another status, a timeout, no connection)';
      rows.push({ row: `${when} -> ${rule.name}`, when, outcome: rule.name, description: rule.description });
      return;
    }
    const parts: string[] = [];
    if (rule.when.status !== undefined) parts.push(statusWords(rule.when.status));
    if (rule.when.failure !== undefined) parts.push(FAILURES[rule.when.failure]);
    let jmespath: string | undefined;
    if (rule.when.condition !== undefined) {
      const words = conditionInWords(rule.when.condition);
      parts.push(words ?? `JMESPath ${rule.when.condition}`);
      if (words === undefined) {
        jmespath = rule.when.condition;
        const next = outcomes.slice(index + 1).find((later) => !('fallback' in later) && later.when.condition === undefined && sameStatus(later.when.status, rule.when.status));
        caveats.push({
          field: 'status_conditions',
          about: rule.name,
          text: `${code(rule.name)}: the condition ${code(rule.when.condition)} is JMESPath over the response; if the builder's conditions cannot test it, leave the row out${next ? ` and the row \`${next.name}\` below takes these answers` : ''}.`,
        });
      }
    }
    const when = parts.join(' and ');
    rows.push({ row: `${when} -> ${rule.name}`, when, outcome: rule.name, description: rule.description, ...(jmespath === undefined ? {} : { jmespath }) });
  });
  const formats = Object.entries(inputs).filter(([, declared]) => declared.format !== undefined);
  if (formats.length > 0) {
    const list = formats.map(([name, declared]) => `{{${name}}} (${declared.format})`).join(', ');
    caveats.push({
      field: 'status_conditions',
      about: 'invalid_input',
      text: `Our engine checks ${list} before sending and ends in \`invalid_input\` without a request, so the bot can ask again; the builder sends whatever was captured. Check the format where the value is captured.`,
    });
  }
  return { rows, caveats };
}

/**
 * A status matcher in words: `HTTP 404`, `HTTP 4xx`, `HTTP 401 or 403`.
 *
 * @example
 * statusWords([401, 403]) // 'HTTP 401 or 403'
 */
export function statusWords(status: StatusMatcher | StatusMatcher[]): string {
  const list = Array.isArray(status) ? status : [status];
  const shown = list.map(String);
  return `HTTP ${shown.length > 1 ? `${shown.slice(0, -1).join(', ')} or ${shown[shown.length - 1]}` : shown[0]}`;
}

/** True when the later rule's status matcher takes every exact status the earlier one names. */
function sameStatus(later: StatusMatcher | StatusMatcher[] | undefined, earlier: StatusMatcher | StatusMatcher[] | undefined): boolean {
  if (later === undefined || earlier === undefined) return later === earlier;
  const taken = new Set((Array.isArray(later) ? later : [later]).map(String));
  return (Array.isArray(earlier) ? earlier : [earlier]).every((status) => taken.has(String(status)));
}
