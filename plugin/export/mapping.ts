import type { OutputMapping } from '../generated/step-template.js';
import type { MappingRow } from './types.js';

/**
 * The response mapping rows of the form, one per output, each the template's plain path
 * as it is (the builder profile holds plain paths only; `validate` checks it):
 * `data.id -> subscriber_id`, `data.groups[*].id -> subscriber_group_ids`.
 *
 * @example
 * mappingRows(lookup.outputs)[0]?.row // 'data.id -> subscriber_id'
 */
export function mappingRows(outputs: Record<string, OutputMapping>): MappingRow[] {
  return Object.entries(outputs).map(([variable, output]) => ({
    path: output.expression,
    variable,
    row: `${output.expression} -> ${variable}`,
    description: output.description,
  }));
}
