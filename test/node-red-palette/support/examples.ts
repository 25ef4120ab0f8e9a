import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { FlowNode } from '../../support/node-red-process.js';

/** The example flows the package ships (examples/*.json), by name. */
export const EXAMPLES = ['whatsapp-join', 'whatsapp-stop'] as const;
export type ExampleName = (typeof EXAMPLES)[number];

/** The id of the account node the examples share. */
export const EXAMPLE_ACCOUNT = 'mailerlite-account-example';

/** Reads an example flow as installed: `<userDir>/node_modules/mailerlite-steps/examples/<name>.json`. */
export async function installedExample(userDir: string, name: ExampleName): Promise<FlowNode[]> {
  return JSON.parse(await readFile(path.join(userDir, 'node_modules', 'mailerlite-steps', 'examples', `${name}.json`), 'utf8')) as FlowNode[];
}

/**
 * A copy of an example flow that can run next to other copies: every id (and each
 * reference to one: z, wires, links, account) prefixed, the HTTP-in route under `/<prefix>`, and
 * the account node replaced by the one given.
 */
export function exampleCopy(nodes: FlowNode[], prefix: string, account: FlowNode): FlowNode[] {
  const ids = new Set(nodes.map((n) => n.id));
  const rename = (id: unknown): unknown => (typeof id === 'string' && ids.has(id) ? `${prefix}-${id}` : id);
  return nodes.map((node) => {
    if (node.id === EXAMPLE_ACCOUNT) return { ...account, id: rename(node.id) as string };
    const copy: FlowNode = { ...node, id: `${prefix}-${node.id}` };
    if ('z' in node) copy.z = rename(node.z);
    if ('account' in node) copy.account = rename(node.account);
    if (Array.isArray(node.links)) copy.links = (node.links as string[]).map((target) => rename(target) as string);
    if (Array.isArray(node.wires)) copy.wires = (node.wires as string[][]).map((port) => port.map((target) => rename(target) as string));
    if (node.type === 'http in') copy.url = `/${prefix}${String(node.url)}`;
    if (node.type === 'tab') copy.label = `${String(node.label)} (${prefix})`;
    return copy;
  });
}

/** The HTTP-in route of an example (`/whatsapp/join`). */
export function exampleRoute(nodes: FlowNode[]): string {
  const entry = nodes.find((n) => n.type === 'http in');
  if (!entry) throw new Error('the example has no http in node');
  return String(entry.url);
}
