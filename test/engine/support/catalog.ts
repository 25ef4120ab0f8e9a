import { loadCatalog, type Catalog } from '../../../plugin/catalog.js';
import type { StepTemplate } from '../../../plugin/generated/step-template.js';

let catalog: Catalog | undefined;

/** The shipped catalog, read once per test file. */
export function shipped(): Catalog {
  catalog ??= loadCatalog();
  return catalog;
}

/** A shipped step template by id; throws naming the id when there is none. */
export function template(id: string): StepTemplate {
  const found = shipped().template(id);
  if (!found) throw new Error(`no step template ${id} in manifest.json`);
  return found;
}

/** Settings as a builder installs them (the simulator's default group id). */
export const SETTINGS = {
  api_version: 'new',
  group_id: '123456789',
  optin_form_url: 'https://landing.mailerlite.com/webforms/landing/a1b2c3',
  group_name: 'WhatsApp Opt-Ins',
};

/** A key that must never show up in any result. */
export const SECRETS = { api_key: 'ml-test-key-7f3a9c' };
