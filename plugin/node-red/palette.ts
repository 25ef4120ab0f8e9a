import type { Catalog } from '../catalog.js';
import type { StepTemplate, VariableDeclaration } from '../generated/step-template.js';

/** The palette category every step node sits in. */
export const CATEGORY = 'MailerLite';

/** The config node type holding the account: API version, base URL, settings and the key. */
export const ACCOUNT_TYPE = 'mailerlite-account';

/** The output a step gets when its inputs are checked and found wanting (no request sent). */
export const INVALID_INPUT = 'invalid_input';

/** Where an input may come from, as Node-RED's typed inputs name them. */
export const SOURCE_TYPES = ['msg', 'flow', 'global', 'env'] as const;
export type SourceType = (typeof SOURCE_TYPES)[number];

/** One input of a step node: its declaration and the node properties that say where it comes from. */
export interface PaletteInput {
  name: string;
  declaration: VariableDeclaration;
  /** Node property holding the path or name (`input_customer_email`). */
  property: string;
  /** Node property holding the source type (`input_customer_emailType`). */
  typeProperty: string;
  /** Where the value comes from by default: `msg.payload.<name>`. */
  defaultSource: { type: SourceType; value: string };
}

/** One node type of the palette, made from one step template. */
export interface PaletteType {
  type: string;
  template: StepTemplate;
  label: string;
  inputs: PaletteInput[];
  /** Output names in order: the template's outcomes, then `invalid_input` when it has inputs. */
  outputs: string[];
}

/**
 * The node type of a template: its id with dots as dashes.
 *
 * @example
 * nodeTypeOf('mailerlite.subscriber.lookup') // 'mailerlite-subscriber-lookup'
 * nodeTypeOf('mailerlite-classic.subscriber.lookup') // 'mailerlite-classic-subscriber-lookup'
 */
export function nodeTypeOf(templateId: string): string {
  return templateId.replaceAll('.', '-');
}

/**
 * The outputs of a template's node: one per outcome in the template's order, then
 * `invalid_input` when the template has inputs (checked before anything is sent).
 *
 * @example
 * outputsOf(lookup) // ['found', 'not_found', 'auth_error', 'rate_limited', 'error', 'invalid_input']
 */
export function outputsOf(template: StepTemplate): string[] {
  const names = template.outcomes.map((outcome) => outcome.name);
  return Object.keys(template.inputs).length > 0 && !names.includes(INVALID_INPUT) ? [...names, INVALID_INPUT] : names;
}

/**
 * The palette entry of one template: type, label, inputs with their node properties, outputs.
 *
 * @example
 * paletteType(lookup).inputs[0] // { name: 'customer_email', property: 'input_customer_email', typeProperty: 'input_customer_emailType', defaultSource: { type: 'msg', value: 'payload.customer_email' }, ... }
 */
export function paletteType(template: StepTemplate): PaletteType {
  return {
    type: nodeTypeOf(template.id),
    template,
    label: template.name,
    inputs: Object.entries(template.inputs).map(([name, declaration]) => ({
      name,
      declaration,
      property: `input_${name}`,
      typeProperty: `input_${name}Type`,
      defaultSource: { type: 'msg', value: `payload.${name}` },
    })),
    outputs: outputsOf(template),
  };
}

/**
 * One node type per step template in the manifest, in the manifest's order.
 *
 * @example
 * paletteTypes(loadCatalog()).map((t) => t.type) // ['mailerlite-group-assign', ..., 'mailerlite-classic-subscriber-unsubscribe']
 */
export function paletteTypes(catalog: Catalog): PaletteType[] {
  return catalog.templates.map(paletteType);
}
