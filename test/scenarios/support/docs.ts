import type { Catalog } from '../../../plugin/catalog.js';
import type { JsonObject } from '../../../plugin/json.js';
import type { ScenarioFile } from './scenario.js';

/** Scenario names listed by docs/scenarios.md, by section (`### <template id>` or `### <flow id> (<api>)`). */
export function listedScenarios(markdown: string): Map<string, Set<string>> {
  const sections = new Map<string, Set<string>>();
  let current: Set<string> | undefined;
  for (const line of markdown.split('\n')) {
    const heading = /^### (.+)$/.exec(line);
    if (heading) sections.set(heading[1]!.trim(), (current = new Set()));
    const row = /^\| `([^`]+)` \|/.exec(line);
    if (row && current) current.add(row[1]!);
  }
  return sections;
}

/**
 * Scenario files the page does not list, and rows it lists that have no file.
 *
 * @example
 * docGaps(catalog, files, readFileSync('docs/scenarios.md', 'utf8')) // []
 */
export function docGaps(catalog: Catalog, files: Array<ScenarioFile<JsonObject>>, markdown: string): string[] {
  const listed = listedScenarios(markdown);
  const section = (f: ScenarioFile<JsonObject>) => (catalog.template(f.id) ? f.id : `${f.id} (${String(f.scenario.api)})`);
  const gaps = files.filter((f) => !listed.get(section(f))?.has(f.name)).map((f) => `docs/scenarios.md does not list ${f.file} under "### ${section(f)}"`);
  for (const [heading, names] of listed) {
    for (const name of names) {
      if (!files.some((f) => section(f) === heading && f.name === name)) gaps.push(`docs/scenarios.md lists ${name} under "### ${heading}", but there is no such scenario file`);
    }
  }
  return gaps;
}
