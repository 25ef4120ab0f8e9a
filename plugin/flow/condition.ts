import type { ConditionNode, SetNode } from '../generated/flow.js';
import type { JsonValue } from '../json.js';
import { lookup, type RenderContext } from '../request/context.js';
import { renderText } from '../template/compile.js';
import { isBlank } from '../template/helpers.js';

/**
 * A value as a builder holds it, as text: a text as it is, a number or boolean as JSON
 * writes it, null or missing as `""`, a list or object as its JSON text.
 *
 * @example
 * asText(3640549) // '3640549'; asText(null) // ''
 */
export function asText(value: unknown): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/**
 * Whether a condition node holds over the conversation variables and settings (decision
 * 006): values are compared as text; `contains` on a list is exact membership of an item,
 * on a text a substring; a blank value is contained in nothing.
 *
 * @example
 * holds({ type: 'condition', variable: 'subscriber_group_ids', operator: 'contains', value: '<<settings.group_id>>', then: 'a', else: 'b' }, ctx) // true
 */
export function holds(node: ConditionNode, context: RenderContext): boolean {
  return check(node, context).holds;
}

/**
 * A condition node checked: the variable, the operator, the value side as rendered, and
 * whether it held (what a flow's visit records).
 *
 * @example
 * check(node, ctx) // { variable: 'subscriber_status', operator: 'equals', value: 'unconfirmed', holds: false }
 */
export function check(node: ConditionNode, context: RenderContext): { variable: string; operator: string; value?: string; holds: boolean } {
  const value = lookup(context, node.variable);
  const { variable, operator } = node;
  switch (operator) {
    case 'is_empty':
      return { variable, operator, holds: isBlank(value) };
    case 'is_not_empty':
      return { variable, operator, holds: !isBlank(value) };
    case 'is_one_of': {
      const allowed = (node.values ?? []).map((source) => renderText(source, context));
      return { variable, operator, value: allowed.join(', '), holds: allowed.includes(asText(value)) };
    }
    case 'equals': {
      const wanted = renderText(node.value ?? '', context);
      return { variable, operator, value: wanted, holds: asText(value) === wanted };
    }
    case 'contains': {
      const wanted = renderText(node.value ?? '', context);
      const found = wanted.trim() !== '' && (Array.isArray(value) ? value.some((item) => asText(item) === wanted) : asText(value).includes(wanted));
      return { variable, operator, value: wanted, holds: found };
    }
  }
}

/**
 * The value a set node writes: its text function over the variable it reads.
 * `first_word`: the first word of the text, trimmed (`"  Priya Sharma "` → `"Priya"`).
 *
 * @example
 * setValue({ type: 'set', variable: 'first', function: 'first_word', of: 'name', next: 'n' }, { name: 'Priya Sharma' }) // 'Priya'
 */
export function setValue(node: SetNode, variables: Record<string, JsonValue>): JsonValue {
  const text = asText(lookup(variables, node.of)).trim();
  switch (node.function) {
    case 'first_word':
      return text.split(/\s+/u)[0] ?? '';
  }
}
