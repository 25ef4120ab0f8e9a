import { checkNames, parseAssignments } from '../../../assignments.js';
import { loadCatalog } from '../../../catalog.js';
import { parseBaseUrl } from '../../../target.js';
import { resolveId } from '../../resolve.js';
import { createSession } from '../../session.js';
import { checkSettingNames, readSettings } from '../../settings.js';
import { formatCurl, formatHttp } from '../../format/request.js';
import { EXIT } from '../failure.js';
import { writeLines, type Io } from '../io.js';

/** Flags of `preview`. */
export interface PreviewOptions {
  var: string[];
  settings?: string;
  set: string[];
  format: 'http' | 'curl' | 'json';
  baseUrl?: string;
}

/**
 * `mailerlite-steps preview <template>`: the exact request, without sending. Loads no
 * simulator, web server or sync code (cold start matters).
 */
export async function runPreview(id: string, options: PreviewOptions, io: Io): Promise<number> {
  const catalog = loadCatalog();
  const settings = readSettings(options.settings, options.set);
  checkSettingNames(catalog, settings);
  const resolved = resolveId(catalog, id, 'new', 'template');
  if (resolved.kind !== 'template') throw new Error('resolveId returned a flow for a template-only lookup');
  const template = resolved.template;
  const vars = parseAssignments(options.var, '--var');
  checkNames(Object.keys(vars), Object.keys(template.inputs), { noun: 'input', known: `${template.id} takes` });
  const baseUrl = options.baseUrl === undefined ? undefined : parseBaseUrl(options.baseUrl);
  if (settings.group_id === undefined) {
    settings.group_id = String(catalog.manifest.settings.group_id?.example ?? '');
    if (JSON.stringify(template.request).includes('settings.group_id')) {
      io.stderr.write(`note: no group_id setting given; showing the example ${settings.group_id} (use --set group_id=...)\n`);
    }
  }
  const session = createSession({ catalog, settings, target: undefined });
  const preview = session.preview(template, vars, baseUrl);
  if (!preview.ok) {
    writeLines(io.stderr, [`${template.id}: invalid input, the step would end in invalid_input without a request:`, ...preview.invalid.map((i) => `  ${i.name}: ${i.message}`)]);
    return EXIT.usage;
  }
  if (options.format === 'json') io.stdout.write(JSON.stringify(preview.request, null, 2) + '\n');
  else if (options.format === 'http') io.stdout.write(formatHttp(preview.request) + '\n');
  else {
    const envNames = Object.fromEntries(Object.entries(catalog.manifest.secrets).map(([name, s]) => [name, s.env]));
    io.stdout.write(formatCurl(preview.request, envNames) + '\n');
  }
  return EXIT.ok;
}
