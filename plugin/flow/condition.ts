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
  const value = lookup(context, node.variable);
  switch (node.operator) {
    case 'is_empty':
      return isBlank(value);
    case 'is_not_empty':
      return !isBlank(value);
    case 'is_one_of':
      return (node.values ?? []).some((allowed) => asText(value) === renderText(allowed, context));
    case 'equals':
      return asText(value) === renderText(node.value ?? '', context);
    case 'contains': {
      const wanted = renderText(node.value ?? '', context);
      if (wanted.trim() === '') return false;
      return Array.isArray(value) ? value.some((item) => asText(item) === wanted) : asText(value).includes(wanted);
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
