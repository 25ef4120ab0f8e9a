import type { Declared } from '../../declarations/load.js';
import type { Problem } from '../../declarations/problem.js';
import type { Flow } from '../../generated/flow.js';
import type { Manifest } from '../../generated/manifest.js';
import type { StepTemplate } from '../../generated/step-template.js';
import { HELPER_NAMES } from '../../template/index.js';
import { templatesById } from '../flow-graph.js';
import { didYouMean } from '../../nearest.js';
import { pathSegments, readPlaceholders } from '../placeholders.js';
import type { PluginData, Rule } from '../plugin-data.js';
import { flowTexts, requestTexts, type TemplateText } from '../../declarations/texts.js';

/**
 * `placeholders-declared` and `template-syntax`: every `<<placeholder>>` template parses;
 * every helper it calls exists; every name it reads is declared. In a step template that
 * is an input (`<<name>>`, `<<name.sub>>` for an object input), a setting
 * (`<<settings.x>>`) or a secret (`<<secrets.x>>`). In a flow it is a flow variable, an
 * ask variable, an output of a step template the flow runs, or a setting (secrets are
 * reported by `secrets-only-in-headers`).
 *
 * @example
 * placeholdersDeclared(data) // [{ pointer: '/request/url', rule: 'placeholders-declared', message: '"custmer_email" is not a declared input (did you mean "customer_email"?)', ... }]
 */
export const placeholdersDeclared: Rule = (data) => [
  ...data.templates.flatMap((template) => checkTemplate(template, data.manifest?.value)),
  ...data.flows.flatMap((flow) => checkFlow(flow, data)),
];

/** Names one kind of declaration lets a placeholder read, apart from settings and secrets. */
interface Scope {
  /** Checks one non-setting, non-secret path; returns a problem message or undefined. */
  check(segments: string[]): Omit<Problem, 'file' | 'pointer' | 'rule'> | undefined;
  /** Whether `<<secrets.x>>` is checked here (flows leave it to secrets-only-in-headers). */
  secrets: boolean;
}

function checkTemplate({ file, value }: Declared<StepTemplate>, manifest: Manifest | undefined): Problem[] {
  const inputs = Object.keys(value.inputs);
  const scope: Scope = {
    secrets: true,
    check([head = '', ...rest]) {
      const input = value.inputs[head];
      if (!input) {
        return {
          message: `"${head}" is not a declared input, setting or secret${didYouMean(head, inputs)}`,
          expected: 'an input declared under /inputs, a setting (<<settings.name>>) or a secret (<<secrets.name>>)',
          example: `"inputs": { "${head}": { "type": "string", "description": "..." } }`,
        };
      }
      if (rest.length > 0 && input.type !== 'object') {
        return {
          message: `input "${head}" is a ${input.type}, so "${[head, ...rest].join('.')}" reads nothing`,
          expected: `<<${head}>>, or "${head}" declared with "type": "object"`,
          example: `<<${head}>>`,
        };
      }
      return undefined;
    },
  };
  return requestTexts(value).flatMap((text) => checkText(file, text, scope, manifest));
}

function checkFlow({ file, value }: Declared<Flow>, data: PluginData): Problem[] {
  const names = flowNames(value, data);
  const scope: Scope = {
    secrets: false,
    check([head = '']) {
      if (names === undefined || names.has(head)) return undefined;
      return {
        message: `"${head}" is not a flow variable, an ask or set variable or an output of a step this flow runs${didYouMean(head, names)}`,
        expected: 'a name declared under /variables, set by an ask or set node or written by a step template output; or <<settings.name>>',
        example: `"variables": { "${head}": { "type": "string", "description": "...", "prompt": "..." } }`,
      };
    },
  };
  return flowTexts(value).flatMap((text) => checkText(file, text, scope, data.manifest?.value));
}

/** The names a flow's templates may read; undefined when a template it runs is unknown (then names are not checked). */
export function flowNames(flow: Flow, data: PluginData): Set<string> | undefined {
  const byId = templatesById(data.templates);
  const names = new Set(Object.keys(flow.variables));
  for (const node of Object.values(flow.nodes)) {
    if (node.type === 'ask' || node.type === 'set') names.add(node.variable);
    if (node.type !== 'step') continue;
    const template = byId.get(node.template);
    if (!template) return undefined;
    for (const output of Object.keys(template.value.outputs)) names.add(output);
  }
  return names;
}

function checkText(file: string, text: TemplateText, scope: Scope, manifest: Manifest | undefined): Problem[] {
  const reads = readPlaceholders(text.source);
  const at = { file, pointer: text.pointer };
  if (!reads.ok) {
    return [
      {
        ...at,
        rule: 'template-syntax',
        message: reads.message,
        expected: 'closed <<...>> tags and closed blocks; "\\<<" for a literal "<<"',
        example: '<<#if customer_name>>Hi <<first_name customer_name>>!<</if>>',
      },
    ];
  }
  const problems: Problem[] = reads.helpers.map((helper) => ({
    ...at,
    rule: 'placeholders-declared',
    message: `unknown helper "${helper}"${didYouMean(helper, HELPER_NAMES)}`,
    expected: `one of the helpers ${[...HELPER_NAMES].join(', ')}`,
    example: '<<first_name customer_name>>',
  }));
  for (const path of reads.paths) {
    const segments = pathSegments(path);
    const found = checkPath(segments, scope, manifest);
    if (found) problems.push({ ...at, rule: 'placeholders-declared', ...found });
  }
  return problems;
}

function checkPath(segments: string[], scope: Scope, manifest: Manifest | undefined): Omit<Problem, 'file' | 'pointer' | 'rule'> | undefined {
  const [head, name] = segments;
  if (head === 'settings') return checkDeclared('setting', name, manifest ? Object.keys(manifest.settings) : undefined, 'settings.group_id');
  if (head === 'secrets') return scope.secrets ? checkDeclared('secret', name, manifest ? Object.keys(manifest.secrets) : undefined, 'secrets.api_key') : undefined;
  return scope.check(segments);
}

function checkDeclared(kind: 'setting' | 'secret', name: string | undefined, declared: string[] | undefined, example: string): Omit<Problem, 'file' | 'pointer' | 'rule'> | undefined {
  if (name === undefined) {
    return { message: `<<${kind}s>> reads the whole ${kind}s object`, expected: `one ${kind} by name, <<${kind}s.name>>`, example: `<<${example}>>` };
  }
  if (declared === undefined || declared.includes(name)) return undefined;
  return {
    message: `"${kind}s.${name}" is not a ${kind} manifest.json declares${didYouMean(name, declared)}`,
    expected: `one of the declared ${kind}s: ${declared.join(', ') || '(none)'}`,
    example: `<<${example}>>`,
  };
}
