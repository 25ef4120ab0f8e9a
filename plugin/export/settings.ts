import type { StepTemplate } from '../generated/step-template.js';
import { requestTexts } from '../declarations/texts.js';
import { convertTemplate, settingsOf, settingVariable, type ExportScope } from './placeholders.js';
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

/**
 * Settings a template's request reads in a scope (`<<settings.x>>`, also through a flow
 * node's inputs), by manifest name, in order of first use.
 *
 * @example
 * settingsRead(upsert, scope) // ['group_id']
 */
export function settingsRead(template: StepTemplate, scope: ExportScope): string[] {
  return [...new Set(requestTexts(template).flatMap((text) => settingsOf(convertTemplate(text.source, scope))))];
}
