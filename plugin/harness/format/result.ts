import { STATUS_CODES } from 'node:http';
import type { FlowResult, FlowVisit } from '../../flow/result.js';
import type { JsonValue } from '../../json.js';
import type { StepResult } from '../../step/result.js';
import { hintFor } from '../hints.js';
import type { Palette } from './color.js';

const MAX_BODY = 240;

function compact(value: JsonValue | undefined): string {
  const text = typeof value === 'string' ? JSON.stringify(value) : JSON.stringify(value ?? null);
  return text.length > MAX_BODY ? text.slice(0, MAX_BODY) + ` … (${text.length} characters)` : text;
}

function statusColor(c: Palette, status: number): (s: string) => string {
  if (status < 300) return c.green;
  if (status < 500) return c.yellow;
  return c.red;
}

/**
 * One step as human lines: the request line and body, the status, the mapped outputs,
 * the outcome and (in a flow) the next node.
 *
 * @example
 * formatStep(result, palette(process.stdout, process.env), { node: 'lookup', next: 'upsert' }).join('\n')
 */
export function formatStep(step: StepResult, c: Palette, where: { node?: string; next?: string } = {}): string[] {
  const title = where.node ? `${c.bold(where.node)} ${c.dim(step.template)}` : c.bold(step.template);
  const lines = [`● ${title}`];
  if (step.request) {
    lines.push(`  ${c.cyan(step.request.method)} ${step.request.url}`);
    if (step.request.body !== null) lines.push(`  ${c.dim('body')} ${compact(step.request.body)}`);
  }
  if (step.response) {
    const { status } = step.response;
    const tries = step.attempts > 1 ? `, ${step.attempts} attempts` : '';
    lines.push(`  ← ${statusColor(c, status)(`${status} ${STATUS_CODES[status] ?? ''}`.trim())} ${c.dim(`(${Math.round(step.durationMs)} ms${tries})`)}`);
    if (step.response.body !== null) lines.push(`  ${c.dim('response')} ${compact(step.response.body)}`);
    const hint = hintFor(status);
    if (hint) lines.push(`  ${c.yellow('hint')} ${hint}`);
  }
  if (step.error) lines.push(`  ${c.red('✗')} ${step.error.kind}: ${step.error.message}`);
  const outputs = Object.entries(step.outputs);
  if (outputs.length > 0) lines.push(`  ${c.dim('outputs')} ${outputs.map(([k, v]) => `${k}=${compact(v)}`).join('  ')}`);
  lines.push(`  ${c.dim('outcome')} ${c.bold(step.outcome)}${where.next ? ` → ${where.next}` : ''}`);
  return lines;
}

/** Lines for one visited flow node (steps through formatStep, replies, condition checks). */
export function formatVisit(visit: FlowVisit, result: Pick<FlowResult, 'steps' | 'replies'>, c: Palette, reply?: string): string[] {
  if (visit.type === 'step' && visit.step !== undefined) {
    const step = result.steps[visit.step];
    return step ? formatStep(step, c, { node: visit.node, ...(visit.next ? { next: visit.next } : {}) }) : [];
  }
  if ((visit.type === 'reply' || visit.type === 'ask') && reply !== undefined) return [`${c.green('💬 bot:')} ${reply}`];
  if (visit.check) {
    const { variable, operator, value, holds } = visit.check;
    const operand = value === undefined ? '' : ` ${JSON.stringify(value)}`;
    return [`${c.dim('◆')} ${c.bold(visit.node)} ${variable} ${operator.replaceAll('_', ' ')}${operand}: ${holds ? 'yes' : 'no'}${visit.next ? ` → ${visit.next}` : ''}`];
  }
  return [];
}

/** The closing line of a flow. */
export function formatEnd(result: FlowResult, c: Palette): string {
  const end = result.end;
  if ('waiting_for' in end) return `${c.yellow('■ waiting')} for ${end.waiting_for} (node ${end.node})`;
  const outputs = end.outputs ? `  ${c.dim('outputs')} ${compact(end.outputs)}` : '';
  return `${c.bold('■ end')} ${c.bold(end.result)}${end.reason ? ` ${c.dim(`(${end.reason})`)}` : ''}${outputs}`;
}
