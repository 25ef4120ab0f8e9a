import type { ApiVersion, Catalog } from '../../catalog.js';
import { formatProblem, type Problem } from '../../declarations/problem.js';
import { DeclarationError } from '../../errors.js';
import { flowNodes } from './flow.js';
import type { NodeRedNode } from './nodes.js';
import { profileProblems } from './profile.js';

/** Options of {@link exportNodeRed}. */
export interface NodeRedOptions {
  /** The MailerLite API version whose flows are exported. */
  api: ApiVersion;
}

/** A file the export writes, relative to the output directory. */
export interface ExportedFile {
  path: string;
  content: string;
}

/** Declarations a Node-RED export cannot reproduce exactly: every problem, by file and JSON Pointer. */
export class NodeRedExportError extends DeclarationError {
  override name = 'NodeRedExportError';
  constructor(readonly problems: Problem[]) {
    super(`cannot export for Node-RED: ${problems.length} declaration${problems.length === 1 ? '' : 's'} outside the builder profile\n${problems.map(formatProblem).join('\n')}`);
  }
}

/**
 * Exports the flows of one API version as one Node-RED 4 `flows.json` of core nodes: a
 * tab per flow with `POST /mailerlite-steps/<flow id>` (the conversation variables as a
 * JSON object) answering `{"replies": [...], "end": "<end node id>", ...}`; each step an
 * `http request` node, its status branches a `switch`, mappings and conditions
 * `change`/`switch` nodes in JSONata. The key and the settings are read from the
 * environment (`MAILERLITE_API_KEY`, `MAILERLITE_BASE_URL`, `MAILERLITE_GROUP_ID`, ...),
 * never written into the file. Throws NodeRedExportError, listing every problem, when a
 * flow or template is outside the builder profile.
 *
 * @example
 * const { files } = exportNodeRed(loadCatalog(), { api: 'new' });
 * files[0].path // 'flows.json'
 */
export function exportNodeRed(catalog: Catalog, options: NodeRedOptions): { files: ExportedFile[] } {
  const problems = profileProblems(catalog, options.api);
  if (problems.length > 0) throw new NodeRedExportError(problems);
  const nodes: NodeRedNode[] = catalog.flows.filter((f) => f.api === options.api).flatMap((flow) => flowNodes(flow, catalog));
  return { files: [{ path: 'flows.json', content: JSON.stringify(nodes, null, 2) + '\n' }] };
}
