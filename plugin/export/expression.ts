import { parseJmes, type JmesNode as Node } from '../response/jmespath-ast.js';
import type { JsonValue } from '../json.js';


function parse(expression: string): Node | undefined {
  try {
    return parseJmes(expression);
  } catch {
    return undefined;
  }
}

/**
 * The expression as a plain path a builder's response mapping can follow (`data.id`,
 * `data[0].id`, `message`), or undefined when it needs more of JMESPath.
 *
 * @example
 * plainPath('data[0].id')       // 'data[0].id'
 * plainPath('data.groups[].id') // undefined
 */
export function plainPath(expression: string): string | undefined {
  const node = parse(expression);
  return node ? pathOf(node) : undefined;
}

function pathOf(node: Node): string | undefined {
  if (node.type === 'Field' && node.name !== undefined) return /^[A-Za-z_][A-Za-z0-9_]*$/.test(node.name) ? node.name : undefined;
  if (node.type === 'Subexpression' && node.left && node.right) {
    const left = pathOf(node.left);
    const right = pathOf(node.right);
    return left && right ? `${left}.${right}` : undefined;
  }
  if (node.type === 'IndexExpression' && node.left && node.right?.type === 'Index' && typeof node.right.value === 'number') {
    const left = pathOf(node.left);
    return left ? `${left}[${node.right.value}]` : undefined;
  }
  return undefined;
}

const FEATURES: Record<string, string> = {
  LetExpression: '`let`',
  Ternary: 'the `?:` conditional',
  FilterProjection: 'a filter `[?...]`',
  Projection: 'a list projection `[]`',
  ValueProjection: 'a value projection `*`',
  OrExpression: '`||`',
  AndExpression: '`&&`',
  NotExpression: '`!`',
  Comparator: 'a comparison',
  Pipe: 'a pipe `|`',
  MultiSelectHash: 'a multi-select `{...}`',
  MultiSelectList: 'a multi-select `[...]`',
  Slice: 'a slice',
};

/**
 * The JMESPath features an expression uses beyond a plain path, in words, for a caveat;
 * plus the longest plain path read from the response, a builder can map instead.
 *
 * @example
 * describeExpression('contains(data.groups[].id || `[]`, $settings.group_id)')
 * // { features: ['`contains(...)`', 'a list projection `[]`', '`||`', 'the plugin setting `$settings.group_id`'], fallbackPath: 'data.groups' }
 */
export function describeExpression(expression: string): { features: string[]; fallbackPath: string | undefined } {
  const node = parse(expression);
  const features = new Set<string>();
  const paths: string[] = [];
  const visit = (n: Node | undefined, atRoot: boolean): void => {
    if (!n) return;
    const path = atRoot ? pathOf(n) : undefined;
    if (path) {
      paths.push(path);
      return;
    }
    if (n.type === 'Function' && n.name) features.add(`\`${n.name}(...)\``);
    else if (n.type === 'Variable') addVariable(features, n);
    else if (n.type === 'Subexpression' && n.left?.type === 'Variable') {
      addVariable(features, n.left, n.right?.name);
      return;
    } else if (FEATURES[n.type]) features.add(FEATURES[n.type] ?? n.type);
    const continuesRoot = ['Function', 'OrExpression', 'AndExpression', 'NotExpression', 'Comparator', 'Ternary', 'LetExpression', 'Binding'].includes(n.type);
    for (const child of n.children ?? []) visit(child, atRoot && continuesRoot);
    for (const child of n.bindings ?? []) visit(child.reference, atRoot);
    visit(n.left, atRoot);
    visit(n.right, atRoot && continuesRoot);
    visit(n.child, atRoot && n.type === 'Flatten');
    visit(n.condition, atRoot && n.type === 'Ternary');
    visit(n.trueExpr, atRoot);
    visit(n.falseExpr, atRoot);
    visit(n.expression, atRoot);
  };
  visit(node, true);
  const fallbackPath = paths.reduce<string | undefined>((best, p) => (best === undefined || p.length > best.length ? p : best), undefined);
  return { features: [...features], fallbackPath };
}

/** Names the engine's own `$variables`; variables a `let` binds are part of `let`. */
function addVariable(features: Set<string>, variable: Node, field?: string): void {
  const name = variable.name ?? '';
  const full = field ? `$${name}.${field}` : `$${name}`;
  if (name === 'settings') features.add(`the plugin setting \`${full}\``);
  else if (name === 'inputs') features.add(`the step input \`${full}\``);
  else if (name === 'status' || name === 'headers') features.add(`the response ${name} \`${full}\``);
}

/**
 * An outcome condition in the builder's words, when it has a simple shape over the step's
 * mapped variables: `outputs.x` (`{{x}} is true`), `outputs.x == 'v'` (`{{x}} is "v"`),
 * `contains(\`[...]\`, outputs.x)` (`{{x}} is one of ...`). Undefined for anything else.
 *
 * @example
 * conditionInWords("outputs.subscriber_status == 'unconfirmed'") // '{{subscriber_status}} is "unconfirmed"'
 */
export function conditionInWords(expression: string): string | undefined {
  const node = parse(expression);
  if (!node) return undefined;
  const output = outputName(node);
  if (output) return `{{${output}}} is true`;
  if (node.type === 'Comparator' && (node.name === 'EQ' || node.name === 'NE') && node.left && node.right?.type === 'Literal') {
    const name = outputName(node.left);
    if (name) return `{{${name}}} ${node.name === 'EQ' ? 'is' : 'is not'} ${JSON.stringify(node.right.value)}`;
  }
  if (node.type === 'Function' && node.name === 'contains' && node.children?.length === 2) {
    const [list, item] = node.children;
    const name = item ? outputName(item) : undefined;
    if (name && list?.type === 'Literal' && Array.isArray(list.value)) {
      return `{{${name}}} is one of ${(list.value as JsonValue[]).map((v) => JSON.stringify(v)).join(', ')}`;
    }
  }
  return undefined;
}

function outputName(node: Node): string | undefined {
  if (node.type !== 'Subexpression' || node.left?.type !== 'Field' || node.left.name !== 'outputs') return undefined;
  return node.right?.type === 'Field' ? node.right.name : undefined;
}
