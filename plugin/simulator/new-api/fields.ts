import type { Params } from '../router.js';
import { findFieldByName, insertField, removeField } from '../store/fields.js';
import type { FieldRecord, FieldType } from '../store/records.js';
import { result, type ApiResult } from '../types.js';
import type { NewApiContext } from './context.js';
import { fieldNotFound, invalid, ValidationErrors } from './errors.js';
import { numberedPage } from './pagination.js';
import { listParams } from './params.js';
import { fieldView } from './views.js';

const TYPES: readonly FieldType[] = ['text', 'number', 'date'];

const SORTS: Record<string, (a: FieldRecord, b: FieldRecord) => number> = {
  name: (a, b) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }),
  type: (a, b) => a.type.localeCompare(b.type),
};

/** GET /fields: page-numbered, `filter[keyword]`, `filter[type]`, `sort` name/type with optional `-`. */
export function listFields(ctx: NewApiContext): ApiResult {
  const errors = new ValidationErrors();
  const { limit, page, order } = listParams(ctx.query, SORTS, errors);
  const type = ctx.query.get('filter[type]');
  if (type !== null && !TYPES.includes(type as FieldType)) errors.add('filter.type', 'The selected filter.type is invalid.');
  if (!errors.empty) return errors.toResult();
  const keyword = (ctx.query.get('filter[keyword]') ?? '').toLowerCase();
  const fields = order([...ctx.account.fields.values()].filter((f) => (type === null || f.type === type) && f.name.toLowerCase().includes(keyword)));
  const paged = numberedPage(fields, page, limit, `${ctx.origin}/api/fields`);
  return result(200, { data: paged.items.map((f) => fieldView(f, true)), links: paged.links, meta: paged.meta });
}

/** POST /fields `{name, type}`: 201; a name already used gets "Field name must be unique". */
export function createField(ctx: NewApiContext): ApiResult {
  const b = asRecord(ctx.body);
  const errors = new ValidationErrors();
  checkName(b.name, errors);
  if (b.type === undefined || b.type === null || b.type === '') errors.add('type', 'The type field is required.');
  else if (!TYPES.includes(b.type as FieldType)) errors.add('type', 'The selected type is invalid.');
  if (!errors.empty) return errors.toResult();
  if (findFieldByName(ctx.account, b.name as string)) return invalid('name', 'Field name must be unique');
  return result(201, { data: fieldView(insertField(ctx.account, { name: b.name as string, type: b.type as FieldType }), false) });
}

/** PUT /fields/{id} `{name}`: 200; the key never changes. */
export function updateField(ctx: NewApiContext, params: Params): ApiResult {
  const field = ctx.account.fields.get(params.id!);
  if (!field) return fieldNotFound(params.id!);
  const b = asRecord(ctx.body);
  const errors = new ValidationErrors();
  checkName(b.name, errors);
  if (!errors.empty) return errors.toResult();
  const clash = findFieldByName(ctx.account, b.name as string);
  if (clash && clash !== field) return invalid('name', 'Field name must be unique');
  field.name = b.name as string;
  return result(200, { data: fieldView(field, false) });
}

/** DELETE /fields/{id}: 204; default fields cannot be deleted. */
export function deleteField(ctx: NewApiContext, params: Params): ApiResult {
  const field = ctx.account.fields.get(params.id!);
  if (!field) return fieldNotFound(params.id!);
  if (field.is_default) return invalid('id', 'Default fields cannot be deleted.');
  removeField(ctx.account, field);
  return result(204);
}

function checkName(name: unknown, errors: ValidationErrors): void {
  if (name === undefined || name === null || name === '') errors.add('name', 'The name field is required.');
  else if (typeof name !== 'string') errors.add('name', 'The name field must be a string.');
  else if (name.length > 255) errors.add('name', 'The name field must not be greater than 255 characters.');
}

function asRecord(body: unknown): Record<string, unknown> {
  return typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
}
