import { DeclarationError } from '../errors.js';
import type { ConditionNode, FlowNode, StepNode } from '../generated/flow.js';
import { joinPieces, type Piece } from './placeholders.js';
import type { Branch, Caveat, ConditionRow, RoutingRow } from './types.js';

/** What turning a flow node into a routing row needs. */
export interface RoutingContext {
  /** A template converted to the builder's text. */
  convert: (source: string) => Piece[];
  /** The status condition rows of the step a node runs. */
  statusRows: (node: StepNode) => ConditionRow[];
}

const OPERATORS: Record<ConditionNode['operator'], string> = {
  equals: 'equals',
  is_one_of: 'is one of',
  contains: 'contains',
  is_empty: 'is empty',
  is_not_empty: 'is not empty',
};

/**
 * One node of a flow as a row of the routing table, in the builder's words: a step's
 * branches (each status condition row to the node it leads to; `invalid_input` is no
 * branch of the builder's step: the flow export adds a caveat for it), a condition
 * (`{{subscriber_group_ids}} contains {{group_id}}`), a set step
 * (`{{customer_first_name}} = first word of {{customer_name}}`), an ask with its
 * validation, a reply, an end.
 *
 * @example
 * routingRow('check_member', join.nodes.check_member, context)
 * // { node: 'check_member', type: 'condition', condition: '{{subscriber_group_ids}} contains {{group_id}}', ..., then: 'reply_already', else: 'upsert' }
 */
export function routingRow(node: string, declared: FlowNode, context: RoutingContext): RoutingRow {
  const text = (source: string): string => joinPieces(context.convert(source));
  switch (declared.type) {
    case 'step':
      return { node, type: 'step', template: declared.template, branches: branches(node, declared, context.statusRows(declared)) };
    case 'reply':
      return { node, type: 'reply', text: text(declared.text), next: declared.next };
    case 'ask':
      return {
        node,
        type: 'ask',
        variable: `{{${declared.variable}}}`,
        text: text(declared.text),
        ...(declared.validate === undefined ? {} : { validate: declared.validate }),
        ...(declared.invalid_text === undefined ? {} : { invalid_text: text(declared.invalid_text) }),
        next: declared.next,
      };
    case 'condition':
      return conditionRow(node, declared, context);
    case 'set': {
      const set = `{{${declared.variable}}} = ${declared.function.replaceAll('_', ' ')} of {{${declared.of}}}`;
      return { node, type: 'set', set, variable: `{{${declared.variable}}}`, function: declared.function, of: `{{${declared.of}}}`, next: declared.next };
    }
    case 'end': {
      const outputs = declared.outputs ? Object.fromEntries(Object.entries(declared.outputs).map(([k, v]) => [k, text(v)])) : undefined;
      return { node, type: 'end', result: declared.result, ...(declared.reason === undefined ? {} : { reason: text(declared.reason) }), ...(outputs ? { outputs } : {}) };
    }
  }
}

/** Each status condition row of the step, to the node its outcome is routed to. */
function branches(node: string, declared: StepNode, rows: readonly ConditionRow[]): Branch[] {
  return rows.map((row) => {
    const next = declared.routes[row.outcome] ?? declared.otherwise;
    if (next === undefined) throw new DeclarationError(`node ${node} does not route the outcome ${row.outcome} and has no otherwise (run \`mailerlite-steps validate\`)`);
    return { when: row.when, outcome: row.outcome, next, row: `${row.when} (${row.outcome}) -> ${next}` };
  });
}

function conditionRow(node: string, declared: ConditionNode, context: RoutingContext): RoutingRow {
  const variable = joinPieces(context.convert(`<<${declared.variable}>>`));
  const operand = (source: string): { text: string; words: string } => {
    const pieces = context.convert(source);
    const text = joinPieces(pieces);
    const sole = pieces.length === 1 && (pieces[0]?.kind === 'variable' || pieces[0]?.kind === 'setting');
    return { text, words: sole ? text : JSON.stringify(text) };
  };
  const value = declared.value === undefined ? undefined : operand(declared.value);
  const values = declared.values?.map(operand);
  const words = [variable, OPERATORS[declared.operator], ...(values ? [values.map((v) => v.words).join(', ')] : value === undefined ? [] : [value.words])].join(' ');
  return {
    node,
    type: 'condition',
    condition: words,
    variable,
    operator: declared.operator,
    ...(value === undefined ? {} : { value: value.text }),
    ...(values === undefined ? {} : { values: values.map((v) => v.text) }),
    then: declared.then,
    else: declared.else,
  };
}

/**
 * What to pick in the builder's condition step when a condition reads a list variable
 * (an output of type array): membership by item, exactly, never a text search; emptiness
 * and equality as the list's JSON text. Undefined for an operator that needs nothing.
 *
 * @example
 * listCaveat('check_member', join.nodes.check_member, row)?.text
 * // '`check_member`: {{subscriber_group_ids}} is a list: use the condition that checks for an item equal to {{group_id}} ...'
 */
export function listCaveat(node: string, declared: ConditionNode, row: { variable: string; value?: string }): Caveat | undefined {
  const { variable, value } = row;
  const text = ((): string | undefined => {
    switch (declared.operator) {
      case 'contains':
        return `${variable} is a list: use the condition that checks for an item equal to ${value ?? 'the value'} (list contains), not a text search, which also matches an item that only holds it (1234567890 holds 123456789).`;
      case 'is_empty':
      case 'is_not_empty':
        return `${variable} is a list: pick the builder's "${declared.operator === 'is_empty' ? 'is empty' : 'is not empty'}" that counts a list with no item ([]) as empty, like nothing mapped.`;
      case 'equals':
        return `${variable} is a list: compare it as its JSON text, in which [] is a list with no item.`;
      case 'is_one_of':
        return undefined;
    }
  })();
  return text === undefined ? undefined : { field: 'routing', about: node, text: `\`${node}\`: ${text}` };
}
