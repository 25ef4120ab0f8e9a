import { loadCatalog } from '../../../catalog.js';
import type { VariableDeclaration } from '../../../generated/step-template.js';
import { palette } from '../../format/color.js';
import { writeLines, type Io } from '../io.js';

function describeInputs(inputs: Record<string, VariableDeclaration>): string {
  const names = Object.entries(inputs).map(([name, d]) => `${name}${d.required ? '' : '?'}${d.format ? ` (${d.format})` : ''}`);
  return names.length ? names.join(', ') : 'none';
}

/** `mailerlite-steps list`: the templates and flows in the manifest with their inputs and outcomes. */
export async function runList(options: { json: boolean }, io: Io): Promise<number> {
  const catalog = loadCatalog();
  if (options.json) {
    const summary = {
      templates: catalog.templates.map((t) => ({ id: t.id, api: t.api, name: t.name, inputs: Object.keys(t.inputs), outputs: Object.keys(t.outputs), outcomes: t.outcomes.map((o) => o.name) })),
      flows: catalog.flows.map((f) => ({ id: f.id, api: f.api, name: f.name, trigger: f.trigger.keyword, variables: Object.keys(f.variables) })),
    };
    io.stdout.write(JSON.stringify(summary, null, 2) + '\n');
    return 0;
  }
  const c = palette(io.stdout, io.env);
  const lines: string[] = [];
  for (const api of ['new', 'classic'] as const) {
    lines.push(c.bold(`Step templates (${api} API)`));
    for (const t of catalog.templates.filter((x) => x.api === api)) {
      lines.push(`  ${c.cyan(t.id.padEnd(42))} ${t.request.method.padEnd(8)} ${t.name}`);
      lines.push(`  ${' '.repeat(42)} ${c.dim(`inputs: ${describeInputs(t.inputs)}`)}`);
      lines.push(`  ${' '.repeat(42)} ${c.dim(`outcomes: ${t.outcomes.map((o) => o.name).join(', ')}`)}`);
    }
    lines.push(c.bold(`Flows (${api} API)`));
    for (const f of catalog.flows.filter((x) => x.api === api)) {
      lines.push(`  ${c.cyan(f.id.padEnd(42))} ${f.trigger.keyword.padEnd(8)} ${f.name}`);
      lines.push(`  ${' '.repeat(42)} ${c.dim(`variables: ${describeInputs(f.variables)}`)}`);
    }
    lines.push('');
  }
  lines.push(c.dim('? = optional. Run one with: mailerlite-steps run <id> --var name=value'));
  writeLines(io.stdout, lines);
  return 0;
}
