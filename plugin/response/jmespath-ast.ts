import { compile } from '@jmespath-community/jmespath';

/**
 * A node of the syntax tree that @jmespath-community/jmespath builds, with the fields the
 * engine (closures), `validate` (what an expression reads) and `export` (plain paths for
 * builders) look at. One type for all three, so they read the tree the same way.
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
