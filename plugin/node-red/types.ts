/**
 * The small part of Node-RED's runtime API the palette uses. Node-RED ships no types of
 * its own (and `@types/node-red` describes Node-RED 1), so these interfaces are written
 * from the Node-RED 4 documentation for node authors.
 */

/** A message flowing between nodes: any properties, `payload` by convention. */
export interface NodeMessage {
  [property: string]: unknown;
  payload?: unknown;
  _msgid?: string;
}

/** What a node shows under itself in the editor. */
export interface NodeStatus {
  fill?: 'red' | 'green' | 'yellow' | 'blue' | 'grey';
  shape?: 'ring' | 'dot';
  text?: string;
}

/** Sends one message per output (null leaves an output silent). */
export type SendFunction = (messages: Array<NodeMessage | null>) => void;

/** Ends the handling of one message; an error reaches Catch nodes with the message. */
export type DoneFunction = (error?: Error) => void;

/** The properties every node's configuration has. */
export interface NodeConfig {
  id: string;
  type: string;
  name?: string;
  z?: string;
}

/** A running node, as `RED.nodes.createNode` makes it. */
export interface NodeInstance {
  readonly id: string;
  readonly type: string;
  name?: string;
  /** Decrypted credentials of the node (config nodes that declare them). */
  credentials?: Record<string, string | undefined>;
  on(event: 'input', listener: (msg: NodeMessage, send: SendFunction, done: DoneFunction) => void): void;
  on(event: 'close', listener: () => void): void;
  status(status: NodeStatus): void;
  error(error: string | Error, msg?: NodeMessage): void;
  warn(message: string): void;
}

/** The constructor Node-RED calls (with `new`) for each node of a type in the deployed flows. */
export type NodeConstructor<C extends NodeConfig> = (this: NodeInstance, config: C) => void;

/** A credential a node type declares: stored apart from the flows, never exported. */
export interface CredentialDeclaration {
  type: 'text' | 'password';
}

/** An HTTP request on the admin API (express), reduced to what the palette reads. */
export interface AdminRequest {
  body?: unknown;
  params: Record<string, string | undefined>;
}

/** An HTTP response on the admin API (express), reduced to what the palette writes. */
export interface AdminResponse {
  status(code: number): AdminResponse;
  json(body: unknown): void;
}

/** An express route handler or middleware. */
export type AdminHandler = (request: AdminRequest, response: AdminResponse, next: (error?: unknown) => void) => void;

/** The `RED` object a node module's function receives. */
export interface NodeRedApi {
  nodes: {
    createNode(node: NodeInstance, config: NodeConfig): void;
    registerType<C extends NodeConfig>(type: string, constructor: NodeConstructor<C>, options?: { credentials?: Record<string, CredentialDeclaration> }): void;
    getNode(id: string): NodeInstance | null;
  };
  util: {
    /** Reads a typed property (`msg`, `flow`, `global`, `env`, ...) for a message. */
    evaluateNodeProperty(value: string, type: string, node: NodeInstance, msg: NodeMessage, callback: (error: Error | null, result: unknown) => void): void;
  };
  /** The admin API's express app (editor routes), behind Node-RED's admin authentication. */
  httpAdmin: {
    post(path: string, ...handlers: AdminHandler[]): void;
  };
  auth: {
    /** Middleware that lets through only users with the permission (everyone when adminAuth is off). */
    needsPermission(permission: string): AdminHandler;
  };
  log: {
    warn(message: string): void;
  };
}
