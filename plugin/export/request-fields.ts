import type { RequestTemplate } from '../generated/step-template.js';
import { encodeSegment } from '../request/url.js';
import { convertTemplate, joinPieces, variablesOf, type ExportScope, type Piece } from './placeholders.js';
import type { AuthField, Caveat, Row } from './types.js';

/** URL, query rows, auth field and header rows of the form, with their caveats. */
export interface RequestFields {
  url: string;
  query: Row[];
  auth: AuthField;
  headers: Row[];
  /** Conversation variables the URL, query and headers read. */
  variables: string[];
  caveats: Caveat[];
}

/**
 * Fills the URL, query, auth and header fields of the builder's form from a request
 * template. The API key never appears: the auth field holds its placeholder
 * (`YOUR_API_KEY`). A given setting value is encoded for its place (a path segment, a
 * query value); a query value that stays a `{{variable}}` gets a caveat: enter it in the
 * builder's query table, which encodes it.
 *
 * @example
 * requestFields(lookup.request, scope).url // 'https://connect.mailerlite.com/api/subscribers/{{customer_email}}'
 */
export function requestFields(request: RequestTemplate, scope: ExportScope): RequestFields {
  const caveats: Caveat[] = [];
  const path = convertTemplate(request.url, scope);
  const query: Row[] = [];
  const queryVariables: string[] = [];
  for (const [name, source] of Object.entries(request.query ?? {})) {
    const pieces = convertTemplate(source, scope);
    query.push({ name, value: joinQuery(pieces) });
    queryVariables.push(...variablesOf(pieces));
    const placed = pieces.filter((p) => p.kind === 'variable' || p.kind === 'setting').map((p) => p.text);
    if (placed.length > 0) {
      caveats.push({
        field: 'url',
        about: name,
        text: `\`${name}\`: enter this parameter in the builder's query table (name \`${name}\`, value ${placed.join(', ')}) rather than in the URL, so the builder encodes the value (\`WhatsApp Opt-Ins\` travels as \`WhatsApp%20Opt-Ins\`).`,
      });
    }
  }
  const url = joinPieces(path, encodeSegment) + (query.length > 0 ? '?' + query.map((q) => `${q.name}=${q.value}`).join('&') : '');

  let auth: AuthField = { type: 'none', label: 'No auth' };
  const headers: Row[] = [];
  const headerVariables: string[] = [];
  for (const [name, source] of Object.entries(request.headers ?? {})) {
    const pieces = convertTemplate(source, scope);
    const value = joinPieces(pieces);
    const secret = pieces.find((p) => p.kind === 'secret');
    if (secret && auth.type === 'none') {
      auth = authField(name, value, secret.text);
      continue;
    }
    headers.push({ name, value });
    headerVariables.push(...variablesOf(pieces));
  }
  return { url, query, auth, headers, variables: [...new Set([...variablesOf(path), ...queryVariables, ...headerVariables])], caveats };
}

function authField(header: string, value: string, secret: string): AuthField {
  if (/^Bearer\s+\S+$/.test(value) && header.toLowerCase() === 'authorization') {
    return { type: 'bearer', label: 'Bearer token', header, value, secret };
  }
  return { type: 'header', label: 'API key in a header', header, value, secret };
}

/** Query value text: literal text and given values encoded as a query value, `{{variables}}` as they are. */
function joinQuery(pieces: readonly Piece[]): string {
  return pieces.map((p) => (p.kind === 'text' || p.kind === 'value' ? encodeURIComponent(p.text) : p.text)).join('');
}
