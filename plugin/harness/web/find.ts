import type { ApiVersion, Catalog } from '../../catalog.js';
import { nearest } from '../suggest.js';
import { HttpError } from './http-io.js';

/** A template or flow as a "did you mean" link: enough to build its address. */
export interface FoundItem {
  kind: 'template' | 'flow';
  id: string;
  api: ApiVersion;
  name: string;
}

/** What `GET /api/find` answers. */
export interface FindAnswer {
  id: string;
  found: FoundItem | null;
  /** The nearest ids (at most three), nearest first, when `id` is not found. */
  nearest: FoundItem[];
}

/**
 * Looks up what a page address names (`#/template/<id>`, `#/flow/<api>/<id>`): the item,
 * or the nearest ids by edit distance (plugin/nearest.ts), so a mistyped address says
 * "not found" and offers the right one instead of showing another step.
 *
 * @example
 * findItem(catalog, new URLSearchParams('kind=template&id=mailerlite.subscriber.lokup'))
 * // { id: 'mailerlite.subscriber.lokup', found: null, nearest: [{ kind: 'template', id: 'mailerlite.subscriber.lookup', ... }] }
 */
export function findItem(catalog: Catalog, query: URLSearchParams): FindAnswer {
  const id = query.get('id') ?? '';
  const kind = query.get('kind');
  const api = query.get('api');
  if (id.trim() === '') throw new HttpError(400, 'bad_request', 'expected ?id=<template or flow id>, e.g. /api/find?kind=template&id=mailerlite.subscriber.lookup');
  const templates: FoundItem[] = kind === 'flow' ? [] : catalog.templates.map((t) => ({ kind: 'template', id: t.id, api: t.api, name: t.name }));
  const flows: FoundItem[] =
    kind === 'template' ? [] : catalog.flows.filter((f) => (api !== 'new' && api !== 'classic') || f.api === api).map((f) => ({ kind: 'flow', id: f.id, api: f.api, name: f.name }));
  const items = [...templates, ...flows];
  const found = items.find((item) => item.id === id) ?? null;
  if (found) return { id, found, nearest: [] };
  const ids = nearest(id, [...new Set(items.map((item) => item.id))]);
  return { id, found: null, nearest: ids.flatMap((near) => items.filter((item) => item.id === near).slice(0, 1)) };
}
