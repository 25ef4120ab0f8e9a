import type { ApiVersion } from '../../../catalog.js';
import { loadCatalog } from '../../../catalog.js';
import type { JsonValue } from '../../../json.js';
import { parseAssignments } from '../../../assignments.js';
import { palette } from '../../format/color.js';
import { targetSecrets } from '../../redact.js';
import { createSession } from '../../session.js';
import { readSettings } from '../../settings.js';
import { openTarget } from '../../../target.js';
import { EXIT } from '../failure.js';
import { redactedIo, writeLines, type Io } from '../io.js';
import { lineReader } from '../lines.js';
import { endedInFallback, parseTargetFlags, type RunOptions } from './run.js';

/** Flags of `chat`: those of `run` without `--json`. */
export type ChatOptions = Omit<RunOptions, 'json'>;

/**
 * `mailerlite-steps chat`: a conversation with the flows. A trigger keyword (JOIN, STOP,
 * ...) starts its flow; the bot asks for what the flow needs, remembers it for the rest
 * of the conversation, and answers as the flow would. Each API call is shown on stderr,
 * replies go to stdout, so piped input works as a script.
 */
export async function runChat(options: ChatOptions, io: Io): Promise<number> {
  const { target: kind, api } = parseTargetFlags(options);
  const catalog = loadCatalog();
  const settings = readSettings(options.settings, options.set);
  const chosenApi: ApiVersion = api ?? (settings.api_version === 'classic' ? 'classic' : 'new');
  const flows = catalog.flows.filter((f) => f.api === chosenApi);
  const seed = options.seed ? (await import('../../../simulator/index.js')).loadSeedFile(options.seed) : undefined;
  const target = await openTarget({ target: kind, ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}), ...(seed ? { seed } : {}), env: io.env });
  // Everything printed from here on has the key redacted, even what a server echoes back.
  io = redactedIo(io, targetSecrets(target));
  const session = createSession({ catalog, settings, api: chosenApi, target });
  const out = palette(io.stdout, io.env);
  const err = palette(io.stderr, io.env);
  const reader = lineReader(io.stdin, io.stdout);
  const known: Record<string, JsonValue> = parseAssignments(options.var, '--var');
  const say = (text: string): void => writeLines(io.stdout, [`${out.green('bot:')} ${text}`]);
  const keywords = flows.map((f) => f.trigger.keyword).join(', ');
  let code: number = EXIT.ok;
  try {
    writeLines(io.stderr, [err.dim(`→ ${target.description}; flows: ${keywords}; end with Ctrl-D`)]);
    for (;;) {
      const line = await reader.next(out.cyan('you: '));
      if (line === undefined) break;
      const flow = flows.find((f) => f.trigger.keyword === line.trim().toUpperCase());
      if (!flow) {
        if (line.trim()) say(`Send ${keywords} to start.`);
        continue;
      }
      for (const [name, decl] of Object.entries(flow.variables)) {
        if (known[name] !== undefined || !decl.prompt) continue;
        say(decl.prompt);
        const answer = await reader.next(out.cyan('you: '));
        if (answer === undefined) return code;
        if (answer.trim()) known[name] = answer;
      }
      const result = await session.runFlow(flow, known, {
        answer: async (question) => {
          say(question.text);
          return reader.next(out.cyan('you: '));
        },
        onVisit: (visit, so) => {
          const step = visit.step === undefined ? undefined : so.steps[visit.step];
          if (step) {
            const status = step.response ? String(step.response.status) : step.error?.kind ?? '';
            writeLines(io.stderr, [err.dim(`   · ${step.request ? `${step.request.method} ${step.request.url}` : step.template} ← ${status} ${step.outcome}${visit.next ? ` → ${visit.next}` : ''}`)]);
          } else if (visit.type === 'reply') {
            say(so.replies.at(-1) ?? '');
          }
        },
      });
      const end = result.end;
      writeLines(io.stderr, [err.dim(`   ■ ${'result' in end ? `${end.result}${end.reason ? ` (${end.reason})` : ''}` : `waiting for ${end.waiting_for}`}`)]);
      // Remember what the contact told us (normalised), not what the API returned.
      for (const name of Object.keys(flow.variables)) {
        const value = result.variables[name];
        if (value !== undefined) known[name] = value;
      }
      if (endedInFallback(catalog, result.steps)) code = EXIT.fallback;
    }
  } finally {
    reader.close();
    await target.close();
  }
  return code;
}
