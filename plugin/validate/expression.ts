import { parseJmes, type JmesNode } from '../response/jmespath-ast.js';

/**
 * What a JMESPath expression reads, found by walking its syntax tree.
 *
 * @example
 * // `outputs.found && $inputs.customer_email != null`
 * { variables: ['inputs'], rootFields: ['outputs'], variableFields: [{ variable: 'inputs', field: 'customer_email' }], outputFields: ['found'] }
 */
export interface ExpressionReads {
  /** Free `$variables` (without the `$`), not counting those bound by `let`. */
  variables: string[];
  /** Fields read from the root value (e.g. `body`, `outputs` in `body.data.id || outputs.x`). */
  rootFields: string[];
  /** `$variable.field` reads (e.g. `{ variable: 'settings', field: 'group_id' }`). */
  variableFields: Array<{ variable: string; field: string }>;
  /** Fields read under the root's `outputs` (e.g. `subscriber_status` in `outputs.subscriber_status`). */
  outputFields: string[];
}

/**
 * An expression that compiled, with what it reads; or the compiler's message.
 *
 * @example
 * const analysis: ExpressionAnalysis = { ok: false, message: 'Syntax error, unexpected token: (EOF)' };
 */
export type ExpressionAnalysis = ({ ok: true } & ExpressionReads) | { ok: false; message: string };


/**
 * Compiles a JMESPath expression (community edition) and lists what it reads, without
 * evaluating it. A syntax error becomes `{ ok: false, message }`, never an exception.
 *
 * @example
 * analyzeExpression('contains(body.data.groups[].id, $settings.group_id)')
 * // { ok: true, variables: ['settings'], rootFields: ['body'],
 * //   variableFields: [{ variable: 'settings', field: 'group_id' }], outputFields: [] }
 */
export function analyzeExpression(source: string): ExpressionAnalysis {
  let ast: JmesNode;
  try {
    ast = parseJmes(source);
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  const reads = { variables: new Set<string>(), rootFields: new Set<string>(), variableFields: new Map<string, { variable: string; field: string }>(), outputFields: new Set<string>() };
  visit(ast, true, new Set(), reads);
  return {
    ok: true,
    variables: [...reads.variables],
    rootFields: [...reads.rootFields],
    variableFields: [...reads.variableFields.values()],
    outputFields: [...reads.outputFields],
  };
}

interface Reads {
  variables: Set<string>;
  rootFields: Set<string>;
  variableFields: Map<string, { variable: string; field: string }>;
  outputFields: Set<string>;
}

/** Walks the tree; `atRoot` is true while the current value is still the root value. */
function visit(node: JmesNode | undefined, atRoot: boolean, bound: ReadonlySet<string>, reads: Reads): void {
  if (!node) return;
  switch (node.type) {
    case 'Field':
      if (atRoot && node.name !== undefined) reads.rootFields.add(node.name);
      return;
    case 'Variable':
      if (node.name !== undefined && !bound.has(node.name)) reads.variables.add(node.name);
      return;
    case 'Subexpression':
      visitSubexpression(node, atRoot, bound, reads);
      return;
    case 'Projection':
    case 'ValueProjection':
    case 'FilterProjection':
    case 'IndexExpression':
    case 'Pipe':
      visit(node.left, atRoot, bound, reads);
      visit(node.right, false, bound, reads);
      visit(node.condition, false, bound, reads);
      return;
    case 'ExpressionReference':
      visit(node.child, false, bound, reads);
      return;
    case 'LetExpression': {
      const inner = new Set(bound);
      for (const binding of node.bindings ?? []) {
        visit(binding.reference, atRoot, inner, reads);
        if (binding.variable !== undefined) inner.add(binding.variable);
      }
      visit(node.expression, atRoot, inner, reads);
      return;
    }
    case 'Literal':
      return;
    case 'KeyValuePair':
      visit(node.value as JmesNode | undefined, atRoot, bound, reads);
      return;
    default:
      for (const child of [node.left, node.right, node.child, node.condition, node.trueExpr, node.falseExpr, node.operand]) {
        visit(child, atRoot, bound, reads);
      }
      for (const child of node.children ?? []) visit(child, atRoot, bound, reads);
  }
}

function visitSubexpression(node: JmesNode, atRoot: boolean, bound: ReadonlySet<string>, reads: Reads): void {
  const { head, fields } = fieldChain(node);
  const fromRoot = head.type === 'Root' || (atRoot && head.type === 'Current');
  if (fromRoot && fields[0] === 'outputs' && fields[1] !== undefined) reads.outputFields.add(fields[1]);
  if (head.type === 'Variable' && head.name !== undefined && !bound.has(head.name) && fields[0] !== undefined) {
    reads.variableFields.set(`${head.name}.${fields[0]}`, { variable: head.name, field: fields[0] });
  }
  const left = node.left;
  visit(left, atRoot, bound, reads);
  visit(node.right, left?.type === 'Root' || (atRoot && left?.type === 'Current'), bound, reads);
}

/** Splits `a.b.c` (or `$.a.b`, `$var.a`) into its head and the field names after it. */
function fieldChain(node: JmesNode): { head: JmesNode; fields: string[] } {
  if (node.type === 'Field' && node.name !== undefined) return { head: { type: 'Current' }, fields: [node.name] };
  if (node.type === 'Subexpression' && node.left && node.right?.type === 'Field' && node.right.name !== undefined) {
    const inner = fieldChain(node.left);
    return { head: inner.head, fields: [...inner.fields, node.right.name] };
  }
  return { head: node, fields: [] };
}
