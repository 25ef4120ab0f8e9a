import { loadCatalog, type Catalog } from './catalog.js';
import { UsageError } from './errors.js';
import type { FlowEnvironment } from './flow/run.js';

/**
 * Environment variables, as `process.env` holds them, typed without Node's own types (so
 * the published declarations compile in a project without `@types/node`).
 *
 * @example
 * const vars: EnvVars = { MAILERLITE_API_KEY: 'your-key' };
 */
export type EnvVars = Readonly<Record<string, string | undefined>>;

let packageCatalog: Catalog | undefined;

/** The package's own declarations, read once: they are files of the installed package. */
function ownCatalog(): Catalog {
  return (packageCatalog ??= loadCatalog());
}

/** Each secret the manifest declares, read from its environment variable; a missing one throws, naming the variable. */
function secretsFrom(catalog: Catalog, vars: EnvVars): Record<string, string> {
  const secrets: Record<string, string> = {};
  for (const [name, declaration] of Object.entries(catalog.manifest.secrets)) {
    const value = vars[declaration.env];
    if (!value) {
      throw new UsageError(
        `${declaration.env} is not set: without an environment, runStep and runFlow read the secret "${name}" from it (${declaration.description}). ` +
          `Set ${declaration.env}, or pass an environment: defaultEnvironment({ secrets: { ${name}: '...' } })`,
      );
    }
    secrets[name] = value;
  }
  return secrets;
}

/**
 * The environment a step or flow runs in when it is given none, with `overrides` taking
 * the place of any part: settings are the manifest defaults with `overrides.settings` over
 * them; each secret comes from the variable the manifest names (`MAILERLITE_API_KEY`) unless
 * `overrides.secrets` is given; requests go through the global `fetch` to MailerLite
 * (`overrides.fetch` and `overrides.baseUrl` change that); flows use the package's own
 * step templates. A missing key throws a UsageError naming `MAILERLITE_API_KEY`, before
 * anything is sent. `runStep(template, vars)` and `runFlow(flow, vars)` call it.
 *
 * @example
 * import { defaultEnvironment, loadCatalog, runStep, startSimulator } from 'mailerlite-steps';
 * const sim = await startSimulator();
 * const env = defaultEnvironment({ baseUrl: sim.url, secrets: { api_key: sim.keys.new }, settings: { group_id: '123456789' } });
 * const result = await runStep(loadCatalog().template('mailerlite.subscriber.lookup'), { customer_email: 'priya@example.com' }, env);
 * result.outcome // 'not_found'
 * await sim.close();
 */
export function defaultEnvironment(overrides: Partial<FlowEnvironment> = {}, vars: EnvVars = process.env): FlowEnvironment {
  const catalog = ownCatalog();
  return {
    ...overrides,
    settings: catalog.settings(overrides.settings ?? {}),
    secrets: overrides.secrets ?? secretsFrom(catalog, vars),
    fetch: overrides.fetch ?? ((url, init) => globalThis.fetch(url, init)),
    template: overrides.template ?? catalog.template,
  };
}
