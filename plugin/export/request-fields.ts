import type { RequestTemplate, VariableDeclaration } from '../generated/step-template.js';
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
 * (`YOUR_API_KEY`). Caveats say where the builder's plain substitution differs: path and
 * query values it does not encode, empty query values it does not drop, header values
 * whose line breaks it does not refuse.
 *
 * @example
 * requestFields(lookup.request, scope, lookup.inputs).url // 'https://connect.mailerlite.com/api/subscribers/{{customer_email}}'
 */
export function requestFields(request: RequestTemplate, scope: ExportScope, inputs: Record<string, VariableDeclaration>): RequestFields {
  const caveats: Caveat[] = [];
  const path = convertTemplate(request.url, scope);
  const pathVariables = variablesOf(path.pieces);
  for (const placed of placedValues(path.pieces, scope, inputs)) caveats.push({ field: 'url', about: placed.text, text: pathCaveat(placed.text, placed.format) });
  for (const note of path.notes) caveats.push({ field: 'url', text: `URL: ${note}.` });

  const query: Row[] = [];
  const queryVariables: string[] = [];
  for (const [name, source] of Object.entries(request.query ?? {})) {
    const { pieces, notes } = convertTemplate(source, scope);
    query.push({ name, value: joinQuery(pieces) });
    queryVariables.push(...variablesOf(pieces));
    for (const placed of placedValues(pieces, scope, inputs)) {
      caveats.push({
        field: 'url',
        about: name,
        text: `\`${name}\`: our engine encodes ${placed.text} as a query value (a space, \`&\` or \`#\` stays inside it) and leaves \`${name}\` out when it is empty; the builder pastes the text as typed (\`WhatsApp Opt-Ins\` should travel as \`WhatsApp%20Opt-Ins\`) and sends \`${name}=\` when it is empty.`,
      });
    }
    for (const note of notes) caveats.push({ field: 'url', about: name, text: `\`${name}\`: ${note}.` });
  }
  const url = joinPieces(path.pieces, encodeSegment) + (query.length > 0 ? '?' + query.map((q) => `${q.name}=${q.value}`).join('&') : '');

  let auth: AuthField = { type: 'none', label: 'No auth' };
  const headers: Row[] = [];
  const headerVariables: string[] = [];
  for (const [name, source] of Object.entries(request.headers ?? {})) {
    const { pieces } = convertTemplate(source, scope);
    const value = joinPieces(pieces);
    const secret = pieces.find((p) => p.kind === 'secret');
    if (secret && auth.type === 'none') {
      auth = authField(name, value, secret.text);
      continue;
    }
    headers.push({ name, value });
    for (const variable of variablesOf(pieces)) {
      headerVariables.push(variable);
      caveats.push({ field: 'headers', about: name, text: `\`${name}\`: our engine refuses a value of {{${variable}}} holding a line break (CR/LF could add a header); the builder sends it as typed, so make sure it is one line.` });
    }
  }
  return { url, query, auth, headers, variables: [...new Set([...pathVariables, ...queryVariables, ...headerVariables])], caveats };
}

function authField(header: string, value: string, secret: string): AuthField {
  if (/^Bearer\s+\S+$/.test(value) && header.toLowerCase() === 'authorization') {
    return { type: 'bearer', label: 'Bearer token', header, value, secret };
  }
  return { type: 'header', label: 'API key in a header', header, value, secret };
}

/** The variables and settings placed in a URL or query value, except ids (digits, nothing to encode). */
function placedValues(pieces: readonly Piece[], scope: ExportScope, inputs: Record<string, VariableDeclaration>): Array<{ text: string; format: string | undefined }> {
  const placed = new Map<string, string | undefined>();
  for (const piece of pieces) {
    const format = piece.kind === 'variable' ? inputs[piece.path]?.format : piece.kind === 'setting' ? scope.settings[piece.name]?.format : undefined;
    if ((piece.kind === 'variable' || piece.kind === 'setting') && format !== 'id') placed.set(piece.text, format);
  }
  return [...placed].map(([text, format]) => ({ text, format }));
}

function pathCaveat(text: string, format: string | undefined): string {
  const example = format === 'email' ? ` (\`priya+news@example.com\` -> \`${encodeSegment('priya+news@example.com')}\`)` : '';
  return `${text} in the path: our engine encodes the value as one path segment${example}, so no character can change the URL; the builder pastes it as typed, so a \`+\`, space, \`/\`, \`?\` or \`#\` in it can look up the wrong address or break the URL.`;
}

/** Query value text: literal text and given values encoded as a query value, `{{variables}}` as they are. */
function joinQuery(pieces: readonly Piece[]): string {
  return pieces.map((p) => (p.kind === 'text' || p.kind === 'value' ? encodeURIComponent(p.text) : p.text)).join('');
}
