import type { ApiVersion } from '../../../catalog.js';
import { loadCatalog } from '../../../catalog.js';
import type { JsonValue } from '../../../json.js';
import { checkNames, parseAssignments } from '../../../assignments.js';
import type { StepResult } from '../../../step/result.js';
import { palette } from '../../format/color.js';
import { createConversation, type ConversationEvent } from '../../conversation.js';
import { targetSecrets } from '../../../redact.js';
import { createSession } from '../../session.js';
import { checkSettingNames, readSettings } from '../../settings.js';
import { openTarget } from '../../../target.js';
import { EXIT } from '../failure.js';
import { redactedIo, writeLines, type Io } from '../io.js';
import { lineReader } from '../lines.js';
import { endedInFallback, parseTargetFlags, type RunOptions } from './run.js';

/** Flags of `chat`: those of `run` without `--json`. */
export type ChatOptions = Omit<RunOptions, 'json'>;

/**
 * `mailerlite-steps chat`: a conversation with the flows through the conversation engine
 * the web page uses too (plugin/harness/conversation.ts). A trigger keyword or alias
 * (JOIN, STOP, UNSUBSCRIBE, ...) starts its flow at any point; the bot asks for what the
 * flow needs, checks each answer when it is given, remembers it for the rest of the
 * conversation, and answers as the flow would. Each API call (and, for piped input, each
 * line read) is shown on stderr, replies go to stdout, so piped input works as a script.
 * Nothing the contact types makes it exit 2: only flags, settings and broken templates do.
 */
export async function runChat(options: ChatOptions, io: Io): Promise<number> {
  const { target: kind, api } = parseTargetFlags(options);
  const catalog = loadCatalog();
  const settings = readSettings(options.settings, options.set);
  checkSettingNames(catalog, settings);
  const chosenApi: ApiVersion = api ?? (settings.api_version === 'classic' ? 'classic' : 'new');
  const known: Record<string, JsonValue> = parseAssignments(options.var, '--var');
  // A --var is a conversation variable of some flow of that version: any other name is a typo.
  const variables = [...new Set(catalog.flows.filter((flow) => flow.api === chosenApi).flatMap((flow) => Object.keys(flow.variables)))];
  checkNames(Object.keys(known), variables, { noun: 'variable', known: 'the flows take' });
  const seed = options.seed ? (await import('../../../simulator/index.js')).loadSeedFile(options.seed) : undefined;
  const target = await openTarget({ target: kind, ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}), ...(seed ? { seed } : {}), env: io.env });
  try {
    // Everything printed from here on has the key redacted, even what a server echoes back.
    io = redactedIo(io, targetSecrets(target));
    const session = createSession({ catalog, settings, api: chosenApi, target });
    // Settings problems (a missing group_id for live) are the user's flags: say so before the first message.
    session.settingsFor(chosenApi);
    const out = palette(io.stdout, io.env);
    const err = palette(io.stderr, io.env);
    let steps: StepResult[] = [];
    let code: number = EXIT.ok;
    const show = (event: ConversationEvent): void => {
      switch (event.type) {
        case 'reply':
          writeLines(io.stdout, [`${out.green('bot:')} ${event.text}`]);
          return;
        case 'start':
          steps = [];
          return;
        case 'step': {
          const step = event.step;
          steps.push(step);
          const status = step.response ? String(step.response.status) : step.error?.kind ?? '';
          const call = step.request ? `${step.request.method} ${step.request.url}` : step.template;
          writeLines(io.stderr, [err.dim(`   · ${call} ← ${status} ${step.outcome}${event.next ? ` → ${event.next}` : ''}`)]);
          if (event.hint) writeLines(io.stderr, [err.yellow(`     hint: ${event.hint}`)]);
          return;
        }
        case 'end':
          writeLines(io.stderr, [err.dim(`   ■ ${event.result}${event.reason ? ` (${event.reason})` : ''}`)]);
          if (endedInFallback(catalog, steps)) code = EXIT.fallback;
          return;
        case 'left':
          writeLines(io.stderr, [err.dim(`   ■ left ${event.flow} while it waited for ${event.waiting_for}`)]);
          if (endedInFallback(catalog, steps)) code = EXIT.fallback;
          return;
      }
    };
    const conversation = createConversation(session, { api: chosenApi, known, onEvent: show });
    const keywords = conversation.flows.map((f) => f.trigger.keyword).join(', ');
    writeLines(io.stderr, [err.dim(`→ ${target.description}; flows: ${keywords}; end with Ctrl-D`)]);
    const reader = lineReader(io.stdin, io.stdout);
    try {
      for (;;) {
        const line = await reader.next(out.cyan('you: '));
        if (line === undefined) break;
        // Piped input is not echoed by a terminal: show it on stderr, so a transcript reads as a conversation.
        if (!io.stdin.isTTY) writeLines(io.stderr, [err.dim(line === '' ? 'you:' : `you: ${line}`)]);
        await conversation.send(line);
      }
      await conversation.close();
    } finally {
      reader.close();
    }
    return code;
  } finally {
    await target.close();
  }
}
