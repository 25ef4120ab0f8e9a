import { program } from './jsonata.js';

/**
 * The Node-RED 4 core nodes the export writes, as they appear in a `flows.json`. Only
 * core nodes: tab, comment, http in, http response, http request, change, switch, delay,
 * catch. No function node.
 */

/** Where a node sits in the editor. */
export interface Place {
  x: number;
  y: number;
}

interface Base extends Place {
  id: string;
  /** The tab the node is on. */
  z: string;
  name: string;
}

/** One rule of a change node; values are JSONata (`tot: 'jsonata'`) or plain JSON. */
export type ChangeRule =
  | { t: 'set'; p: string; pt: 'msg'; to: string; tot: 'jsonata' | 'json' | 'str' | 'num' }
  | { t: 'delete'; p: string; pt: 'msg' };

/** One rule of a switch node: a JSONata test that must give true, or the "otherwise". */
export type SwitchRule = { t: 'jsonata_exp'; v: string; vt: 'jsonata' } | { t: 'else' };

export interface TabNode {
  id: string;
  type: 'tab';
  label: string;
  disabled: false;
  info: string;
  env: [];
}

export interface CommentNode extends Base {
  type: 'comment';
  info: string;
  wires: [];
}

export interface HttpInNode extends Base {
  type: 'http in';
  url: string;
  method: 'post';
  upload: false;
  skipBodyParsing: false;
  swaggerDoc: '';
  wires: string[][];
}

export interface HttpResponseNode extends Base {
  type: 'http response';
  /** Blank: `msg.statusCode` decides. */
  statusCode: '';
  headers: Record<string, string>;
  wires: [];
}

export interface HttpRequestNode extends Base {
  type: 'http request';
  method: string;
  /** Parsed JSON when the body is JSON, else the text. */
  ret: 'obj';
  paytoqs: 'ignore';
  /** Blank: `msg.url` gives the URL. */
  url: '';
  tls: '';
  persist: false;
  proxy: '';
  insecureHTTPParser: false;
  authType: '';
  /** False: a timeout or network failure goes on to the next node with `msg.statusCode` set to its code. */
  senderr: false;
  headers: [];
  wires: string[][];
}

export interface ChangeNode extends Base {
  type: 'change';
  rules: ChangeRule[];
  action: '';
  property: '';
  from: '';
  to: '';
  reg: false;
  wires: string[][];
}

export interface SwitchNode extends Base {
  type: 'switch';
  /** The message property shown as tested (the rules are JSONata over the whole message). */
  property: string;
  propertyType: 'msg';
  rules: SwitchRule[];
  checkall: 'false';
  repair: false;
  outputs: number;
  /** What each output means, shown in the editor. */
  outputLabels: string[];
  wires: string[][];
}

export interface DelayNode extends Base {
  type: 'delay';
  /** `delayv`: wait `msg.delay` milliseconds. */
  pauseType: 'delayv';
  timeout: '0';
  timeoutUnits: 'milliseconds';
  rate: '1';
  nbRateUnits: '1';
  rateUnits: 'second';
  randomFirst: '1';
  randomLast: '5';
  randomUnits: 'seconds';
  drop: false;
  allowrate: false;
  outputs: 1;
  wires: string[][];
}

export interface CatchNode extends Base {
  type: 'catch';
  scope: string[];
  uncaught: false;
  wires: string[][];
}

/** Any node of an exported flows.json. */
export type NodeRedNode = TabNode | CommentNode | HttpInNode | HttpResponseNode | HttpRequestNode | ChangeNode | SwitchNode | DelayNode | CatchNode;

/** A node on a tab, before its wires are known. */
export type Head = { id: string; z: string; name: string } & Place;

export const tab = (id: string, label: string, info: string): TabNode => ({ id, type: 'tab', label, disabled: false, info, env: [] });

export const comment = (head: Head, info: string): CommentNode => ({ ...head, type: 'comment', info, wires: [] });

export const httpIn = (head: Head, url: string, next: string): HttpInNode => ({
  ...head,
  type: 'http in',
  url,
  method: 'post',
  upload: false,
  skipBodyParsing: false,
  swaggerDoc: '',
  wires: [[next]],
});

export const httpResponse = (head: Head): HttpResponseNode => ({ ...head, type: 'http response', statusCode: '', headers: {}, wires: [] });

export const httpRequest = (head: Head, method: string, next: string): HttpRequestNode => ({
  ...head,
  type: 'http request',
  method,
  ret: 'obj',
  paytoqs: 'ignore',
  url: '',
  tls: '',
  persist: false,
  proxy: '',
  insecureHTTPParser: false,
  authType: '',
  senderr: false,
  headers: [],
  wires: [[next]],
});

export const change = (head: Head, rules: ChangeRule[], next: string[]): ChangeNode => ({
  ...head,
  type: 'change',
  rules,
  action: '',
  property: '',
  from: '',
  to: '',
  reg: false,
  wires: [next],
});

/** One output of a switch: the JSONata test, the node it leads to, what it means. */
export interface Branch {
  test: string;
  next: string;
  label: string;
}

/** A switch whose outputs are its rules in order (the first that holds wins), the last one "otherwise". */
export const switchNode = (head: Head, property: string, tests: Branch[], otherwise: { next: string; label: string }): SwitchNode => ({
  ...head,
  type: 'switch',
  property,
  propertyType: 'msg',
  rules: [...tests.map(({ test }): SwitchRule => ({ t: 'jsonata_exp', v: program(test), vt: 'jsonata' })), { t: 'else' }],
  checkall: 'false',
  repair: false,
  outputs: tests.length + 1,
  outputLabels: [...tests.map(({ label }) => label), otherwise.label],
  wires: [...tests.map(({ next }) => [next]), [otherwise.next]],
});

export const delay = (head: Head, next: string): DelayNode => ({
  ...head,
  type: 'delay',
  pauseType: 'delayv',
  timeout: '0',
  timeoutUnits: 'milliseconds',
  rate: '1',
  nbRateUnits: '1',
  rateUnits: 'second',
  randomFirst: '1',
  randomLast: '5',
  randomUnits: 'seconds',
  drop: false,
  allowrate: false,
  outputs: 1,
  wires: [[next]],
});

export const catchNode = (head: Head, scope: string[], next: string): CatchNode => ({ ...head, type: 'catch', scope, uncaught: false, wires: [[next]] });

/** A rule setting a message property to a JSONata expression (its helpers defined in it). */
export const setTo = (property: string, expression: string): ChangeRule => ({ t: 'set', p: property, pt: 'msg', to: program(expression), tot: 'jsonata' });

/** A rule deleting a message property. */
export const remove = (property: string): ChangeRule => ({ t: 'delete', p: property, pt: 'msg' });
