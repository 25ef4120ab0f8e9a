import { loadCatalog, type Catalog } from '../../plugin/catalog.js';
import type { StepTemplate } from '../../plugin/generated/step-template.js';

/**
 * The package's catalog plus two broken templates that `validate` would refuse but a
 * hand-edited tree may hold: `test.unclosed` (a URL with an unclosed `<<`) and
 * `test.leaky` (renders the key into its body).
 */
export function brokenCatalog(): Catalog {
  const base = loadCatalog();
  const lookup = base.template('mailerlite.subscriber.lookup');
  if (!lookup) throw new Error('the catalog has no mailerlite.subscriber.lookup');
  const extra: StepTemplate[] = [
    {
      ...lookup,
      id: 'test.unclosed',
      name: 'Broken: unclosed placeholder',
      request: { ...lookup.request, url: 'https://connect.mailerlite.com/api/subscribers/<<customer_email' },
    },
    { ...lookup, id: 'test.leaky', name: 'Broken: key in the body', request: { ...lookup.request, method: 'POST', body: { note: 'key <<secrets.api_key>>' } } },
  ];
  return { ...base, templates: [...base.templates, ...extra], template: (id) => extra.find((t) => t.id === id) ?? base.template(id) };
}
