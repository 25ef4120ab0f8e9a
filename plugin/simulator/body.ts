/**
 * Parse a request body: JSON by default, `application/x-www-form-urlencoded` as a form
 * (the classic API accepts both; `fields[city]=x` becomes `{fields: {city: "x"}}`).
 * Empty or unparsable bodies give `undefined`, which the API treats as "no input".
 */
export function parseBody(raw: string, contentType = ''): unknown {
  if (raw.trim() === '') return undefined;
  if (contentType.includes('application/x-www-form-urlencoded')) return parseForm(raw);
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return undefined;
  }
}

function parseForm(raw: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    const m = /^([^[\]]+)\[([^[\]]*)\]$/.exec(key);
    if (!m) {
      out[key] = value;
      continue;
    }
    const inner = (out[m[1]!] ??= {}) as Record<string, unknown>;
    inner[m[2]!] = value;
  }
  return out;
}

/** Serialize a response body: JSON, raw text, or nothing. */
export function responseText(response: { json?: unknown; text?: string }): string | undefined {
  if (response.json !== undefined) return JSON.stringify(response.json);
  return response.text;
}
