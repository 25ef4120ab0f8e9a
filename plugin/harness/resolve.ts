import type { ApiVersion, Catalog } from '../catalog.js';
import type { Flow } from '../generated/flow.js';
import type { StepTemplate } from '../generated/step-template.js';
import { UsageError } from '../errors.js';
import { nearest } from './suggest.js';

/** A template or flow found by id. */
export type Resolved = { kind: 'template'; template: StepTemplate } | { kind: 'flow'; flow: Flow };

/**
 * Finds a step template by id, or a flow by id or by its trigger word (`JOIN`, any case)
 * for the API version; an unknown id is a UsageError that names the nearest ids.
 *
 * @example
 * resolveId(catalog, 'whatsapp.join', 'new') // { kind: 'flow', flow: {...} }
 * resolveId(catalog, 'join', 'new')          // the same flow, by its trigger word
 */
export function resolveId(catalog: Catalog, id: string, api: ApiVersion, only?: 'template' | 'flow'): Resolved {
  if (only !== 'flow') {
    const template = catalog.template(id);
    if (template) return { kind: 'template', template };
  }
  if (only !== 'template') {
    const flow = catalog.flow(id, api);
    if (flow) return { kind: 'flow', flow };
    const other = catalog.flows.find((f) => f.id === id);
    if (other) throw new UsageError(`flow ${id} exists for the ${other.api} API only; add --api ${other.api}`);
    const triggered = catalog.flows.find((f) => f.api === api && f.trigger.keyword.trim().toUpperCase() === id.trim().toUpperCase());
    if (triggered) return { kind: 'flow', flow: triggered };
  }
  const known = [
    ...(only === 'flow' ? [] : catalog.templates.map((t) => t.id)),
    ...(only === 'template' ? [] : [...new Set(catalog.flows.map((f) => f.id))]),
  ];
  const close = nearest(id, known);
  const what = only ?? 'template or flow';
  throw new UsageError(
    `unknown ${what} "${id}".` + (close.length ? ` Did you mean: ${close.join(', ')}?` : '') + ' Run `mailerlite-steps list` to see them all.',
  );
}
