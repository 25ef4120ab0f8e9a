import type { OutputMapping } from '../generated/step-template.js';
import { code } from './code.js';
import { describeExpression, plainPath } from './expression.js';
import type { Caveat, MappingRow } from './types.js';

/**
 * The response mapping rows of the form, `data.id -> subscriber_id`, one per output. An
 * output whose JMESPath is more than a plain path keeps its expression in the row and gets
 * a caveat naming what the builder's mapping may not support (`contains(...)`, `let`,
 * `?:`, projections, the plugin's `$settings`), with a plain path to map instead.
 *
 * @example
 * mappingRows(lookup.outputs).rows[0]?.row // 'data.id -> subscriber_id'
 * // `settingName` gives the builder text of a `$settings.x` the expression reads (`{{group_id}}`).
 */
export function mappingRows(outputs: Record<string, OutputMapping>, settingName: (name: string) => string = (name) => `{{${name}}}`): { rows: MappingRow[]; caveats: Caveat[] } {
  const rows: MappingRow[] = [];
  const caveats: Caveat[] = [];
  for (const [variable, output] of Object.entries(outputs)) {
    const plain = plainPath(output.expression);
    const path = plain ?? output.expression;
    rows.push({ path, variable, row: `${path} -> ${variable}`, plain: plain !== undefined, description: output.description });
    if (plain !== undefined) continue;
    const { features, fallbackPath } = describeExpression(output.expression);
    const instead = fallbackPath
      ? ` If yours maps plain paths only, map \`${fallbackPath}\` to a variable and test it with the builder's own condition.`
      : ' If yours maps plain paths only, map the whole response and pick the value in a later step.';
    const settings = [...new Set([...output.expression.matchAll(/\$settings\.([A-Za-z0-9_]+)/g)].map((m) => m[1] ?? ''))];
    const names = settings.map((name) => ` \`$settings.${name}\` is the plugin setting ${settingName(name)}.`).join('');
    const ids = features.includes('`to_string(...)`') ? ' Our engine also turns a numeric id into text: keep ids as strings (new-API ids exceed 2^53).' : '';
    caveats.push({
      field: 'response_mapping',
      about: variable,
      text: `${code(variable)} is the JMESPath ${code(output.expression)}, using ${features.join(', ')}, which the builder's response mapping may not support (most map a plain path such as \`data.id\`).${names}${instead}${ids}`,
    });
  }
  return { rows, caveats };
}
