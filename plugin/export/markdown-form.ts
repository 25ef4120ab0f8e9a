import { code } from './code.js';
import { block, caveatLines, table } from './markdown-parts.js';
import type { AuthField, Branch, Caveat, RequestForm } from './types.js';

/**
 * The External API Request form as Markdown, field by field in the builder's order
 * (method, URL, auth, headers, body type, body, response mapping, status conditions,
 * timeout and retries), each field's caveats right under it. `level` is the heading
 * level of each field (3 on a step page, 4 inside a flow page). In a flow, `branches`
 * show each status condition row with the node it leads to.
 *
 * @example
 * formMarkdown(step.form, step.caveats, 3).join('\n') // '### 1. Method\n\n`POST`\n\n### 2. URL ...'
 */
export function formMarkdown(form: RequestForm, caveats: readonly Caveat[], level: number, branches?: readonly Branch[]): string[] {
  const h = (n: number, title: string): string => `${'#'.repeat(level)} ${n}. ${title}`;
  const lines: string[] = [h(1, 'Method'), '', code(form.method), ''];
  lines.push(h(2, 'URL'), '', block(form.url), '');
  if (form.query.length > 0) {
    lines.push('The query parameters are part of the URL above; as rows, for a builder with a query table:', '');
    lines.push(table(['Parameter', 'Value'], form.query.map((q) => [q.name, code(q.value)])), '');
  }
  lines.push(...caveatLines(caveats, 'url'));
  lines.push(h(3, 'Auth'), '', ...authLines(form.auth), '');
  lines.push(h(4, 'Headers'), '');
  if (form.headers.length > 0) lines.push(table(['Header', 'Value'], form.headers.map((r) => [r.name, code(r.value)])), '');
  else lines.push('No header rows besides the auth header.', '');
  lines.push(h(5, 'Body type'), '', form.body_type === 'JSON' ? 'JSON (raw JSON text).' : 'None: this request has no body.', '');
  if (form.body !== null) lines.push(h(6, 'Body'), '', block(form.body, 'json'), '', ...caveatLines(caveats, 'body'));
  const next = form.body !== null ? 7 : 6;
  lines.push(h(next, 'Response mapping'), '');
  if (form.response_mapping.length > 0) {
    lines.push('One row per variable: response path -> variable. Each path is a plain path over the response body (`[*]` takes every item of a list).', '');
    lines.push(block(form.response_mapping.map((r) => r.row).join('\n')), '');
    lines.push(table(['Response path', 'Variable', 'What it holds'], form.response_mapping.map((r) => [code(r.path), code(r.variable), r.description])), '');
  } else {
    lines.push('Nothing to map: the status is all this step tells the flow.', '');
  }
  lines.push(h(next + 1, 'Status conditions'), '', 'Checked top to bottom; the first row that matches is the branch taken.', '');
  if (branches) {
    lines.push(block(branches.map((b) => b.row).join('\n')), '');
    lines.push(table(['When', 'Outcome', 'Goes to', 'What it means'], branches.map((b) => [b.when, code(b.outcome), code(b.next), form.status_conditions.find((r) => r.outcome === b.outcome)?.description ?? ''])), '');
  } else {
    lines.push(block(form.status_conditions.map((r) => r.row).join('\n')), '');
    lines.push(table(['When', 'Outcome', 'What it means'], form.status_conditions.map((r) => [r.when, code(r.outcome), r.description])), '');
  }
  lines.push(h(next + 2, 'Timeout and retries'), '', `Timeout: ${form.timeout_seconds} s (set the step's timeout to ${form.timeout_seconds} seconds).`, '', ...caveatLines(caveats, 'retries'));
  return lines;
}

function authLines(auth: AuthField): string[] {
  if (auth.type === 'none') return ['No auth.'];
  const secret = auth.secret ?? 'YOUR_API_KEY';
  const where = `Paste your MailerLite API key where ${code(secret)} stands, in the builder's auth field (account settings → Integrations → API). It is a secret: never put it into the URL, the body or a message.`;
  if (auth.type === 'bearer') return [`- Auth type: **${auth.label}**`, `- Token: ${code(secret)}`, `- The builder sends: ${code(`${auth.header ?? 'Authorization'}: ${auth.value ?? ''}`)}`, '', where];
  return [`- Auth type: **${auth.label}** (or a header row if your builder has no such auth type)`, `- Header name: ${code(auth.header ?? '')}`, `- Header value: ${code(auth.value ?? secret)}`, '', where];
}
