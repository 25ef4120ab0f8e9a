import { plainPath } from '../../declarations/plain.js';
import type { StepNode } from '../../generated/flow.js';
import type { OutcomeCondition, StatusMatcher, StepTemplate } from '../../generated/step-template.js';
import { DEFAULT_TIMEOUT_MS } from '../../http/send.js';
import type { Board } from './ids.js';
import { inputCheck } from './inputs.js';
import { all, any, msg, str } from './jsonata.js';
import { change, delay, httpRequest, remove, setTo, switchNode, type ChangeRule, type NodeRedNode } from './nodes.js';
import { readPath } from './paths.js';
import { requestParts } from './request.js';

/** What a step node needs from its flow: where each outcome goes, and the secrets' environment variables. */
export interface StepWiring {
  /** The first Node-RED node of the flow node an outcome leads to, or of an error answer when it is not routed. */
  next: (outcome: string) => string;
  secrets: Record<string, string>;
}

/** The codes Node-RED's http request node gives a request that got no answer in time. */
const TIMEOUT_CODES = ['ETIMEDOUT', 'ESOCKETTIMEDOUT'];

/** The message properties a step leaves behind, removed once it is decided (the request headers hold the key). */
const SCRATCH = ['headers', 'payload', 'input', 'invalid', 'url', 'attempt', 'requestTimeout', 'delay', 'responseUrl', 'redirectList', 'retry', 'responseCookies'];

const status = msg('statusCode');

function matches(matcher: StatusMatcher): string {
  if (typeof matcher === 'number') return `$sc = ${matcher}`;
  const base = Number(matcher[0]) * 100;
  return `$sc >= ${base} and $sc <= ${base + 99}`;
}

/** A switch test for an outcome rule: status rules test `msg.statusCode`, failure rules the code the request node gave. */
function ruleTest(when: OutcomeCondition): string {
  if (when.failure !== undefined && when.status !== undefined) return 'false';
  if (when.failure === 'timeout') return `${status} in ${JSON.stringify(TIMEOUT_CODES)}`;
  if (when.failure === 'network') return `($sc := ${status}; $type($sc) != "number" and $not($sc in ${JSON.stringify(TIMEOUT_CODES)}))`;
  const matchers = when.status === undefined ? [] : Array.isArray(when.status) ? when.status : [when.status];
  return `($sc := ${status}; $type($sc) = "number" and (${any(matchers.map(matches))}))`;
}

/**
 * An output as JSONata over `$body` (null without a response): its plain path, and for an
 * output declared as text, a number or boolean written as text (decision 006).
 */
export function outputValue(expression: string, type: string | undefined): string {
  const steps = plainPath(expression);
  if (!steps) throw new Error(`not a plain path: ${expression}`);
  const read = readPath(steps, '$body');
  return type === 'string' ? `($x := ${read}; $type($x) in ["number", "boolean"] ? $string($x) : $x)` : read;
}

/** The retry wait the engine's `send` takes: `Retry-After` (or classic's header) in seconds when given, else jittered backoff. */
const RETRY_AFTER = `($h := ${msg('headers')}; $a := $get($h, "retry-after"); $a := $exists($a) ? $a : $get($h, "x-ratelimit-retry-after"); $type($a) = "string" and $contains($a, /^\\s*\\d+(\\.\\d+)?\\s*$/) ? $floor($number($strip($a)) * 1000 + 0.5) : ())`;

/**
 * The Node-RED nodes of one step node: check the inputs, build the request (invalid ones
 * go to `invalid_input` without a request), send it with an `http request` node (retried
 * like the engine when the template is safe to repeat: 429, 5xx, timeouts, network
 * failures), write the outputs (plain paths; all null without a response), and branch
 * by status, timeout or network failure in a `switch`, the fallback last.
 */
export function stepNodes(board: Board, id: string, node: StepNode, template: StepTemplate, wiring: StepWiring): NodeRedNode[] {
  const part = (name: string): string => board.id(id, name);
  const check = inputCheck(template, node);
  const request = requestParts(template, { variables: 'input', secrets: wiring.secrets });
  const policy = template.retry;
  const attempts = policy?.safe_to_repeat ? (policy.max_attempts ?? 3) : 1;
  const baseDelay = policy?.base_delay_ms ?? 500;
  const maxDelay = policy?.max_delay_ms ?? 8000;

  const nulls = Object.keys(template.outputs).map((name) => `${str(name)}: null`);
  const kept = Object.keys(template.inputs).filter((name) => node.inputs?.[name] === undefined);
  const writeBack = kept.map((name) => `${str(name)}: (${str(name)} in $keys(${msg('vars')}) ? $get(${msg('input')}, ${str(name)}) : ())`);
  const outputs = Object.entries(template.outputs).map(([name, o]) => `${str(name)}: ${outputValue(o.expression, o.type)}`);
  const cleanup: ChangeRule[] = SCRATCH.map(remove);

  const rules = template.outcomes.flatMap((rule) => ('when' in rule ? [{ test: ruleTest(rule.when), next: wiring.next(rule.name), label: rule.name }] : []));
  const fallback = template.outcomes.find((rule) => 'fallback' in rule);

  const nodes: NodeRedNode[] = [
    change(
      board.head(id, 'entry', `${id}: check inputs`, 0),
      [setTo('attempt', '1'), setTo('check', check.check), setTo('input', check.input), setTo('invalid', check.invalid), remove('check')],
      [part('build')],
    ),
    change(
      board.head(id, 'build', `${template.request.method} ${template.id}`, 1),
      [
        setTo('url', request.url),
        setTo('headers', request.headers),
        request.body === undefined ? remove('payload') : setTo('payload', request.body),
        setTo('requestTimeout', String(template.timeout_ms ?? DEFAULT_TIMEOUT_MS)),
        setTo('invalid', `${msg('invalid')} = true or ${request.unplaceable}`),
      ],
      [part('valid')],
    ),
    switchNode(board.head(id, 'valid', 'inputs valid?', 2), 'invalid', [{ test: `${msg('invalid')} = true`, next: part('no_request'), label: 'invalid_input' }], { next: part('request'), label: 'valid' }),
    change(
      board.head(id, 'no_request', 'invalid_input: no request', 3, 1),
      [setTo('vars', `$merge([${msg('vars')}, {${nulls.join(', ')}}])`), ...cleanup],
      [wiring.next('invalid_input')],
    ),
    httpRequest(board.head(id, 'request', `${template.request.method} ${template.request.url.replace(/^https?:\/\/[^/]+/, '')}`, 3), template.request.method, attempts > 1 ? part('retry') : part('outputs')),
  ];
  if (attempts > 1) {
    const retryable = `($sc := ${status}; $type($sc) = "number" ? ($sc = 429 or $sc >= 500) and ($ra := ${RETRY_AFTER}; $not($exists($ra)) or $ra <= ${maxDelay}) : true)`;
    nodes.push(
      switchNode(board.head(id, 'retry', 'retry?', 4), 'statusCode', [{ test: all([`${msg('attempt')} < ${attempts}`, retryable]), next: part('wait'), label: 'retry' }], { next: part('outputs'), label: 'answered' }),
      change(
        board.head(id, 'wait', 'backoff', 5, 1),
        [setTo('delay', `($ra := ${RETRY_AFTER}; $exists($ra) ? $ra : $random() * $min([${maxDelay}, ${baseDelay} * $power(2, ${msg('attempt')} - 1)]))`), setTo('attempt', `${msg('attempt')} + 1`)],
        [part('delay')],
      ),
      delay(board.head(id, 'delay', 'wait', 6, 1), part('build')),
    );
  }
  nodes.push(
    change(
      board.head(id, 'outputs', 'outputs', 7),
      [setTo('vars', `($body := $type(${status}) = "number" ? ${msg('payload')} : null; $merge([${msg('vars')}, {${writeBack.join(', ')}}, {${outputs.join(', ')}}]))`), ...cleanup],
      [part('outcome')],
    ),
    switchNode(board.head(id, 'outcome', 'outcome', 8), 'statusCode', rules, { next: wiring.next(fallback?.name ?? 'error'), label: fallback?.name ?? 'error' }),
  );
  return nodes;
}
