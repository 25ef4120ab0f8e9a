import type { Catalog } from '../../catalog.js';
import type { ConditionNode, Flow, FlowNode, SetNode } from '../../generated/flow.js';
import { Board } from './ids.js';
import { any, msg, str } from './jsonata.js';
import { catchNode, change, comment, httpIn, httpResponse, remove, setTo, switchNode, tab, type NodeRedNode } from './nodes.js';
import { FLOW_SCOPE, lookup, text, value } from './placeholders.js';
import { environment, secretVariables, settingsObject } from './settings.js';
import { stepNodes } from './step.js';

/** The path a flow answers on: `POST /mailerlite-steps/<flow id>`. */
export function routeOf(flow: Pick<Flow, 'id'>): string {
  return `/mailerlite-steps/${flow.id}`;
}

/** Whether a condition node holds, as JSONata (decision 006: values compared as text). */
export function holds(node: ConditionNode): string {
  const variable = lookup(node.variable, FLOW_SCOPE);
  switch (node.operator) {
    case 'is_empty':
      return `$blank(${variable})`;
    case 'is_not_empty':
      return `$not($blank(${variable}))`;
    case 'is_one_of':
      return `$astext(${variable}) in [${(node.values ?? []).map((v) => text(v, FLOW_SCOPE)).join(', ')}]`;
    case 'equals':
      return `$astext(${variable}) = ${text(node.value ?? '', FLOW_SCOPE)}`;
    case 'contains':
      return `($w := ${text(node.value ?? '', FLOW_SCOPE)}; $v := ${variable}; $blank($w) ? false : $type($v) = "array" ? $count($filter($v, function($i){ $astext($i) = $w })) > 0 : $contains($astext($v), $w))`;
  }
}

/**
 * The value a set node writes, as JSONata: `first_word`, the first run of non-space
 * characters of the variable's text (the engine's trim and split), "" when blank.
 */
export function textFunction(node: SetNode): string {
  switch (node.function) {
    case 'first_word':
      return `($m := $match($astext(${lookup(node.of, FLOW_SCOPE)}), /\\S+/, 1); $exists($m) ? $m.match : "")`;
  }
}

/** The answer a flow gives when it stops: replies, the node it stopped at, and what that node says. */
function answer(fields: string[]): string {
  return `{"replies": ${msg('replies')}, ${fields.join(', ')}}`;
}

const appendReply = (expr: string): string => `$append(${msg('replies')}, [${expr}])`;

/**
 * The Node-RED nodes of one flow, on a tab of its own: `POST /mailerlite-steps/<flow id>`
 * takes the conversation variables as a JSON object and answers
 * `{"replies": [...], "end": "<node id>", "result": ..., "reason": ..., "outputs": ...}`
 * (a flow stopping at an ask answers `waiting_for` and `question` instead of a result).
 * A required variable that is blank answers 400; an error inside the flow answers 500.
 */
export function flowNodes(flow: Flow, catalog: Catalog): NodeRedNode[] {
  const board = new Board(flow.api, flow.id);
  const entry = (id: string): string => board.id(id, 'entry');
  const response = board.id('', 'response');
  const failed = board.id('', 'failed');
  const secrets = secretVariables(catalog.manifest);
  const nodes: NodeRedNode[] = [];
  const unrouted = new Map<string, NodeRedNode>();

  const env = environment(catalog.manifest).map((v) => `- ${v.name}: ${v.description}`);
  nodes.push(
    tab(board.tab, `${flow.name} (${flow.api})`, `${flow.description}\n\nPOST ${routeOf(flow)} with the conversation variables as a JSON object.`),
    comment(board.head('', 'about', `POST ${routeOf(flow)}`, 0, -1), [flow.description, '', 'Reads from the environment:', ...env].join('\n')),
  );

  const required = Object.entries(flow.variables).filter(([, decl]) => decl.required).map(([name]) => name);
  const blank = (name: string): string => `$blank(${lookup(name, FLOW_SCOPE)})`;
  nodes.push(
    httpIn(board.head('', 'http', `POST ${routeOf(flow)}`, 0), routeOf(flow), board.id('', 'init')),
    change(
      board.head('', 'init', 'variables and settings', 1),
      [setTo('vars', `$type(${msg('payload')}) = "object" ? ${msg('payload')} : {}`), setTo('settings', settingsObject(catalog.manifest, flow.api)), setTo('replies', '[]'), remove('payload')],
      [board.id('', 'required')],
    ),
    switchNode(board.head('', 'required', 'required variables given?', 2), 'vars', [{ test: any(required.map(blank)), next: board.id('', 'missing'), label: 'missing' }], { next: entry(flow.start), label: 'given' }),
    change(
      board.head('', 'missing', 'answer 400', 3, 1),
      [
        setTo('payload', `{"error": ${str(`${flow.id}: missing required variable`)}, "missing": [${required.map((name) => `${blank(name)} ? ${str(name)} : ()`).join(', ')}]}`),
        setTo('statusCode', '400'),
        setTo('headers', '{}'),
      ],
      [response],
    ),
    change(
      board.head('', 'failed', 'answer 500', 4, 1),
      [setTo('payload', `{"error": ($m := $get(${msg('error')}, "message"); $exists($m) ? $string($m) : "error")}`), setTo('statusCode', '500'), setTo('headers', '{}')],
      [response],
    ),
    httpResponse(board.head('', 'response', 'answer', 5)),
  );

  for (const [id, node] of Object.entries(flow.nodes)) {
    const next = (outcome: string, target: string | undefined): string => {
      if (target !== undefined) return entry(target);
      const part = `unrouted_${outcome}`;
      const at = board.id(id, part);
      if (!unrouted.has(at)) {
        const error = `{"error": ${str(`${flow.id}: outcome "${outcome}" of node ${id} is not routed`)}}`;
        unrouted.set(at, change(board.head(id, part, `${outcome}: not routed`, 9, unrouted.size + 1), [setTo('payload', error), setTo('statusCode', '500'), setTo('headers', '{}')], [response]));
      }
      return at;
    };
    nodes.push(...nodeParts(board, id, node, { flow, catalog, response, secrets, next }));
  }
  nodes.push(...unrouted.values());

  const caught = nodes.filter((n) => n.type !== 'tab' && n.type !== 'comment' && n.type !== 'http request' && n.type !== 'http response').map((n) => n.id);
  nodes.push(catchNode(board.head('', 'catch', 'errors', 3, -1), caught, failed));
  return nodes;
}

interface Context {
  flow: Flow;
  catalog: Catalog;
  response: string;
  secrets: Record<string, string>;
  next: (outcome: string, target: string | undefined) => string;
}

function nodeParts(board: Board, id: string, node: FlowNode, ctx: Context): NodeRedNode[] {
  const head = board.head(id, 'entry', `${id}: ${node.type}`, 0);
  const entry = (target: string): string => board.id(target, 'entry');
  switch (node.type) {
    case 'reply':
      return [change(head, [setTo('replies', appendReply(text(node.text, FLOW_SCOPE)))], [entry(node.next)])];
    case 'set':
      return [
        change(head, [setTo('vars', `$merge([${msg('vars')}, {${str(node.variable)}: ${textFunction(node)}}])`)], [entry(node.next)]),
      ];
    case 'condition':
      return [switchNode({ ...head, name: `${id}: ${node.variable} ${node.operator}` }, node.variable.startsWith('settings.') ? node.variable : `vars.${node.variable}`, [{ test: holds(node), next: entry(node.then), label: 'then' }], { next: entry(node.else), label: 'else' })];
    case 'ask': {
      const question = text(node.text, FLOW_SCOPE);
      return [
        change(
          head,
          [setTo('replies', appendReply(question)), setTo('payload', answer([`"end": ${str(id)}`, `"waiting_for": ${str(node.variable)}`, `"question": ${question}`])), setTo('statusCode', '200'), setTo('headers', '{}')],
          [ctx.response],
        ),
      ];
    }
    case 'end': {
      const fields = [`"end": ${str(id)}`, `"result": ${str(node.result)}`];
      if (node.reason !== undefined) fields.push(`"reason": ${text(node.reason, FLOW_SCOPE)}`);
      if (node.outputs) fields.push(`"outputs": {${Object.entries(node.outputs).map(([k, t]) => `${str(k)}: ($o := ${value(t, FLOW_SCOPE)}; $exists($o) ? $o : null)`).join(', ')}}`);
      return [change(head, [setTo('payload', answer(fields)), setTo('statusCode', '200'), setTo('headers', '{}')], [ctx.response])];
    }
    case 'step': {
      const template = ctx.catalog.template(node.template);
      if (!template) throw new Error(`${ctx.flow.id}: step template "${node.template}" is not in the plugin`);
      return stepNodes(board, id, node, template, { secrets: ctx.secrets, next: (outcome) => ctx.next(outcome, node.routes[outcome] ?? node.otherwise) });
    }
  }
}
