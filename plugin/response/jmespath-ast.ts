import { compile } from '@jmespath-community/jmespath';

/**
 * A node of the syntax tree that @jmespath-community/jmespath builds, with the fields
 * `validate` looks at to find what an expression reads (`plugin/validate/expression.ts`,
 * its only reader). The engine evaluates through the library's interpreter
 * (`jmespath.ts`) and the exports read plain paths (`plugin/declarations/plain.ts`):
 * neither walks this tree.
 */
export interface JmesNode {
  type: string;
  name?: string;
  /** Binding nodes (`let $x = ...`): the variable's name. */
  variable?: string;
  value?: unknown;
  left?: JmesNode;
  right?: JmesNode;
  child?: JmesNode;
  children?: JmesNode[];
  condition?: JmesNode;
  trueExpr?: JmesNode;
  falseExpr?: JmesNode;
  operand?: JmesNode;
  expression?: JmesNode;
  /** Binding nodes: the bound expression. */
  reference?: JmesNode;
  /** Let expressions: Binding nodes. */
  bindings?: JmesNode[];
}

/**
 * Parses a JMESPath expression into its syntax tree; throws on a syntax error.
 *
 * @example
 * parseJmes('data.id') // { type: 'Subexpression', left: { type: 'Field', name: 'data' }, right: { type: 'Field', name: 'id' } }
 */
export function parseJmes(expression: string): JmesNode {
  return compile(expression) as unknown as JmesNode;
}
