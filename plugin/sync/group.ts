import type { ApiVersion, Catalog } from '../catalog.js';
import { DeclarationError, UsageError } from '../errors.js';
import type { FetchLike } from '../http/send.js';
import { isJsonObject } from '../json.js';
import { runStep } from '../step/run.js';
import type { GroupRef } from './types.js';

const LIST_TEMPLATE: Readonly<Record<ApiVersion, string>> = { new: 'mailerlite.groups.list', classic: 'mailerlite-classic.groups.list' };

/** Where the group list is read from. */
export interface GroupLookup {
  catalog: Catalog;
  api: ApiVersion;
  fetch: FetchLike;
  secrets: Record<string, string>;
  baseUrl: string | undefined;
}

/**
 * Resolves `--group`: digits are an id (checked against the group list when the account
 * has at most 100 groups), anything else a name, looked up with the "List groups" step
 * (`GET /groups?filter[name]=...`; classic lists all) and matched exactly, then
 * ignoring case. Not found or ambiguous is a UsageError naming the groups there are.
 *
 * @example
 * await resolveGroup('WhatsApp Opt-Ins', { catalog, api: 'new', fetch, secrets, baseUrl }) // { id: '123456789', name: 'WhatsApp Opt-Ins' }
 */
export async function resolveGroup(given: string, lookup: GroupLookup): Promise<GroupRef & { lookups: number }> {
  const wanted = given.trim();
  const byId = /^\d+$/.test(wanted);
  const groups = await listGroups(lookup, byId ? '' : wanted);
  if (byId) {
    const found = groups.find((g) => g.id === wanted);
    if (found) return { id: wanted, name: found.name, lookups: 1 };
    if (groups.length >= 100) return { id: wanted, lookups: 1 };
    throw new UsageError(`--group ${wanted}: no group with this id; the account has ${names(groups)}`);
  }
  const exact = groups.filter((g) => g.name === wanted);
  const loose = exact.length > 0 ? exact : groups.filter((g) => g.name.toLowerCase() === wanted.toLowerCase());
  if (loose.length === 1) return { ...loose[0]!, lookups: 1 };
  if (loose.length > 1) throw new UsageError(`--group "${wanted}": ${loose.length} groups have this name (${loose.map((g) => g.id).join(', ')}); pass the id instead`);
  const near = groups.length > 0 && lookup.api === 'new' ? `groups whose name contains it: ${names(groups)}` : 'no group has this name';
  throw new UsageError(`--group "${wanted}": ${near}. Pass the exact name or the id (mailerlite-steps run ${LIST_TEMPLATE[lookup.api]} lists them)`);
}

async function listGroups(lookup: GroupLookup, name: string): Promise<Array<{ id: string; name: string }>> {
  const template = lookup.catalog.template(LIST_TEMPLATE[lookup.api]);
  if (!template) throw new DeclarationError(`sync needs the step template ${LIST_TEMPLATE[lookup.api]}, which manifest.json does not list`);
  const result = await runStep(template, { group_name: name }, {
    settings: {},
    secrets: lookup.secrets,
    fetch: lookup.fetch,
    ...(lookup.baseUrl === undefined ? {} : { baseUrl: lookup.baseUrl }),
  });
  const status = result.response?.status;
  if (result.outcome === 'auth_error' || status === 401 || status === 403) {
    throw new UsageError(`listing groups: the API key was refused (HTTP ${status}); check MAILERLITE_API_KEY and --api ${lookup.api}`);
  }
  // The group list as MailerLite answers it (new: `data`; classic: a bare array), read from the body: the ids of every group are needed, not only the first.
  const body = result.response?.body ?? null;
  const list = lookup.api === 'new' ? (isJsonObject(body) ? body.data : undefined) : body;
  if (status !== 200 || !Array.isArray(list)) {
    const why = result.error?.message ?? `HTTP ${status ?? '?'}${status === 200 ? ' without a list of groups' : ''}`;
    throw new UsageError(`listing groups to find --group failed (${result.outcome}: ${why}); try again, or pass the group id`);
  }
  return list.flatMap((g) => (isJsonObject(g) && (typeof g.id === 'string' || typeof g.id === 'number') && typeof g.name === 'string' ? [{ id: String(g.id), name: g.name }] : []));
}

function names(groups: ReadonlyArray<{ id: string; name: string }>): string {
  if (groups.length === 0) return 'no groups';
  const shown = groups.slice(0, 10).map((g) => `"${g.name}" (${g.id})`).join(', ');
  return groups.length > 10 ? `${shown} and ${groups.length - 10} more` : shown;
}
