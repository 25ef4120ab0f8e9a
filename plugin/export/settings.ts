import type { StepTemplate } from '../generated/step-template.js';
import { settingVariable, type ExportScope } from './placeholders.js';
import type { BuilderVariable, ExportContext } from './types.js';

/**
 * The plugin settings a unit reads, as builder variables (`{{group_id}}`, source `setting`),
 * or as the value given for the export.
 *
 * @example
 * settingVariables(['group_id'], scope, context)[0]?.builder // '{{group_id}}'
 */
export function settingVariables(names: readonly string[], scope: ExportScope, context: ExportContext): BuilderVariable[] {
  return names.map((name) => {
    const declared = context.manifest.settings[name];
    const given = context.values[name];
    const variable = settingVariable(name, scope);
    return {
      builder: given ?? `{{${variable}}}`,
      name: variable,
      source: 'setting' as const,
      setting: name,
      description: `Plugin setting \`${name}\`: ${declared?.description ?? 'set once when the plugin is installed.'}${given === undefined ? '' : ' Written into the fields as given.'}`,
      required: declared?.required === true,
      ...(declared?.example === undefined ? {} : { example: declared.example }),
    };
  });
}

/** Settings a template reads: `<<settings.x>>` in the request, `$settings.x` in expressions. */
export function settingsRead(template: StepTemplate): string[] {
  const text = JSON.stringify([template.request, template.outputs, template.outcomes]);
  const names = [...text.matchAll(/<<\s*settings\.([A-Za-z0-9_]+)|\$settings\.([A-Za-z0-9_]+)/g)].map((m) => m[1] ?? m[2] ?? '');
  return [...new Set(names)];
}
