import type { Problem } from '../../declarations/problem.js';
import { pointer } from '../../declarations/problem.js';
import type { Rule } from '../plugin-data.js';

/**
 * `fallback-last` and `unique-outcomes`: the last outcome rule is the fallback and no
 * other rule is (rules after a fallback could never match); outcome names are unique
 * within a template, so a flow's routes are unambiguous.
 *
 * @example
 * fallbackLast(data) // [{ pointer: '/outcomes/3', rule: 'fallback-last', message: 'the last outcome "error" is not the fallback', ... }]
 */
export const fallbackLast: Rule = (data) =>
  data.templates.flatMap(({ file, value }) => {
    const problems: Problem[] = [];
    const last = value.outcomes.length - 1;
    const seen = new Map<string, number>();
    value.outcomes.forEach((outcome, index) => {
      const isFallback = 'fallback' in outcome;
      if (index < last && isFallback) {
        problems.push({
          file,
          pointer: pointer('outcomes', index),
          rule: 'fallback-last',
          message: `outcome "${outcome.name}" is a fallback but not the last rule, so the rules after it can never match`,
          expected: 'exactly one fallback rule, at the end of /outcomes',
          example: '{ "name": "not_found", "description": "No subscriber with this email.", "when": { "status": 404 } }',
        });
      }
      if (index === last && !isFallback) {
        problems.push({
          file,
          pointer: pointer('outcomes', index),
          rule: 'fallback-last',
          message: `the last outcome "${outcome.name}" is not the fallback, so some responses would match no rule`,
          expected: 'a final rule with "fallback": true, matching anything the rules before it did not',
          example: '{ "name": "error", "description": "Anything else: MailerLite or the network failed.", "fallback": true }',
        });
      }
      const first = seen.get(outcome.name);
      if (first === undefined) seen.set(outcome.name, index);
      else {
        problems.push({
          file,
          pointer: pointer('outcomes', index, 'name'),
          rule: 'unique-outcomes',
          message: `outcome name "${outcome.name}" is already used by /outcomes/${first}`,
          expected: 'outcome names unique within the template (put several statuses in one rule: "status": [401, 403])',
          example: `"name": "${outcome.name}_2"`,
        });
      }
    });
    return problems;
  });
