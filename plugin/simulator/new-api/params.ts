import type { ValidationErrors } from './errors.js';

/**
 * A whole-number query parameter (`limit`, `page`), `fallback` when absent; anything else
 * adds Laravel's "must be an integer" error.
 */
export function integerParam(query: URLSearchParams, name: string, fallback: number, errors: ValidationErrors, min = 0): number {
  const raw = query.get(name);
  if (raw === null || raw === '') return fallback;
  if (!/^-?\d+$/.test(raw)) {
    errors.add(name, `The ${name} field must be an integer.`);
    return fallback;
  }
  const value = Number(raw);
  if (value < min) errors.add(name, `The ${name} field must be at least ${min}.`);
  return value;
}

/** Flatten a JSON body into bracketed query keys (`{filter: {name: "x"}}` → `filter[name]=x`). */
export function flattenQuery(value: unknown, into = new URLSearchParams(), prefix = ''): URLSearchParams {
  if (typeof value === 'object' && value !== null) {
    for (const [key, inner] of Object.entries(value)) flattenQuery(inner, into, prefix ? `${prefix}[${key}]` : key);
  } else if (prefix && value !== undefined && value !== null) {
    into.append(prefix, String(value));
  }
  return into;
}
