import type { ApiVersion } from '../catalog.js';
import type { Flow } from '../generated/flow.js';
import type { Question } from '../flow/run.js';
import type { FlowResult, FlowVisit } from '../flow/result.js';
import type { JsonValue } from '../json.js';
import { hintFor } from './hints.js';
import type { StepResult } from '../step/result.js';
import { isBlank } from '../template/helpers.js';
import { checkAnswer, findTrigger, promptFor, restartHint, startHint } from './conversation-words.js';
import type { Session } from './session.js';

/** Answers the bot takes for one question before it says how to start again. */
export const MAX_BAD_ANSWERS = 3;

/** Something that happened in the conversation, in order. */
export type ConversationEvent =
  /** A message started a flow (its keyword or an alias). */
  | { type: 'start'; flow: string; api: ApiVersion; trigger: string }
  /** A message from the bot. */
  | { type: 'reply'; text: string }
  /** An API call a step node made; `next` is the node it routed to; `hint` what the guide's troubleshooting table says for its status (a refused key). */
  | { type: 'step'; node: string; step: StepResult; next?: string; hint?: string }
  /** The flow reached an end node. */
  | { type: 'end'; flow: string; result: string; reason?: string; outputs?: Record<string, JsonValue> }
  /** The flow stopped while it waited for `waiting_for`: another trigger word, or three answers it could not use. */
  | { type: 'left'; flow: string; waiting_for: string; why: 'trigger' | 'bad_answers' };

/** Where the conversation stands after a message. */
export interface ConversationState {
  /** The flow under way, if any. */
  flow?: string;
  /** The variable the bot is asking for, and its declared format. */
  waiting_for?: string;
  format?: string;
  /** What the bot knows about the contact (the conversation variables). */
  variables: Record<string, JsonValue>;
}

/** What one message led to. */
export interface Turn {
  events: ConversationEvent[];
  state: ConversationState;
}

/** Options of {@link createConversation}. */
export interface ConversationOptions {
  /** API version of the flows it runs (default: the session's). */
  api?: ApiVersion;
  /** Variables known before the first message (the CLI's `--var`). */
  known?: Record<string, JsonValue>;
  /** Called with each event as it happens (the CLI prints as it goes). */
  onEvent?: (event: ConversationEvent) => void;
}

/** A conversation with the flows, one message at a time. */
export interface Conversation {
  /** The flows it answers to (one API version). */
  readonly flows: readonly Flow[];
  /** Takes one message from the contact; resolves once the bot waits for the next one. */
  send(message: string): Promise<Turn>;
  state(): ConversationState;
  /** Leaves a flow that waits for an answer, so nothing is left pending. */
  close(): Promise<void>;
}

/** The contact is being asked for a variable: before the flow runs (a prompt) or by an ask node. */
interface Asking {
  variable: string;
  text: string;
  /** Hands the answer to the waiting flow runner (ask nodes only); undefined ends the run. */
  give?: (answer: string | undefined) => void;
}

/** A flow under way. */
interface Active {
  flow: Flow;
  /** Variables still to ask for before the flow runs. */
  queue: string[];
  asking?: Asking;
  bad: Map<string, number>;
  /** The variable last answered, to notice when the flow asks for it again. */
  answered?: string;
  run?: Promise<FlowResult>;
  /** Settles when the runner asks a question ('asked') or finishes ('done'). */
  pause?: Deferred<'asked' | 'done'>;
  leaving?: 'trigger' | 'bad_answers';
}

interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
  reject(error: unknown): void;
}

function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** True when every ask node of the flow for this variable validates its answer (the builder's validation). */
function validatedByFlow(flow: Flow, variable: string): boolean {
  const asks = Object.values(flow.nodes).filter((node) => node.type === 'ask' && node.variable === variable);
  return asks.length > 0 && asks.every((node) => node.type === 'ask' && node.validate !== undefined);
}

/**
 * The conversation engine `chat` and the web page share: it takes one message at a time
 * and answers with the bot's replies (and the API calls they took), over the session's
 * flows of one API version.
 *
 * - A message that is a flow's trigger keyword or alias (whole message, any case) starts
 *   that flow at any point, leaving the one under way: `STOP` while the bot waits for an
 *   email is an opt-out, not an email.
 * - Before a flow runs, the bot asks for each variable it prompts for (or requires) that
 *   it does not know yet; what the contact told it is remembered for later flows.
 * - An answer is checked when it is given: a blank one is asked again; one without the
 *   variable's declared format (email, phone) gets a hint and is asked again. After
 *   {@link MAX_BAD_ANSWERS} such answers the bot says how to start again.
 * - The flow's own ask nodes wait for the next message: a blank one is asked again; an
 *   ask node that validates (`validate`) answers a bad one with its own `invalid_text`,
 *   one that does not is checked by the variable's format here.
 *
 * @example
 * const chat = createConversation(session)
 * await chat.send('JOIN')              // events: start, reply "What email address…"
 * await chat.send('priya@')            // reply "That doesn't look like an email address (for example priya@example.com). What email…"
 * await chat.send('STOP')              // left JOIN; start STOP; reply "What email address…"
 */
export function createConversation(session: Session, options: ConversationOptions = {}): Conversation {
  const api = options.api ?? session.api;
  const flows = session.catalog.flows.filter((flow) => flow.api === api);
  const known: Record<string, JsonValue> = { ...options.known };
  let active: Active | undefined;
  let turn: ConversationEvent[] = [];
  let queue: Promise<unknown> = Promise.resolve();

  const emit = (event: ConversationEvent): void => {
    turn.push(event);
    options.onEvent?.(event);
  };
  const say = (text: string): void => emit({ type: 'reply', text });

  function state(): ConversationState {
    const asking = active?.asking;
    const format = asking ? active?.flow.variables[asking.variable]?.format : undefined;
    return {
      ...(active ? { flow: active.flow.id } : {}),
      ...(asking ? { waiting_for: asking.variable } : {}),
      ...(format ? { format } : {}),
      variables: { ...known },
    };
  }

  /** Variables to ask for before the run: prompted or required, and not known yet. */
  function toAsk(flow: Flow): string[] {
    return Object.entries(flow.variables)
      .filter(([name, decl]) => (decl.prompt !== undefined || decl.required === true) && isBlank(known[name]))
      .map(([name]) => name);
  }

  async function start(flow: Flow, word: string): Promise<void> {
    active = { flow, queue: toAsk(flow), bad: new Map() };
    emit({ type: 'start', flow: flow.id, api: flow.api, trigger: word.trim() });
    await advance(active);
  }

  /** Asks the next variable, or runs the flow once nothing is left to ask. */
  async function advance(a: Active): Promise<void> {
    const next = a.queue[0];
    if (next !== undefined) {
      const text = promptFor(next, a.flow.variables[next]);
      a.asking = { variable: next, text };
      say(text);
      return;
    }
    a.asking = undefined;
    a.pause = deferred();
    a.run = session.runFlow(a.flow, { ...known }, { answer: (question) => onQuestion(a, question), onVisit: (visit, so) => onVisit(a, visit, so) });
    a.run.then(
      () => a.pause?.resolve('done'),
      (error: unknown) => a.pause?.reject(error),
    );
    await settle(a);
  }

  function onVisit(a: Active, visit: FlowVisit, so: Pick<FlowResult, 'steps' | 'replies'>): void {
    if (a !== active) return;
    const step = visit.step === undefined ? undefined : so.steps[visit.step];
    const hint = hintFor(step?.response?.status);
    if (step) emit({ type: 'step', node: visit.node, step, ...(visit.next ? { next: visit.next } : {}), ...(hint ? { hint } : {}) });
    else if (visit.type === 'reply') say(so.replies.at(-1) ?? '');
  }

  /** The runner's ask node: say the question, then wait for the next message. */
  function onQuestion(a: Active, question: Question): Promise<string | undefined> {
    if (a !== active || a.leaving) return Promise.resolve(undefined);
    if (a.answered === question.variable) {
      // The flow asks again for what it was just given: it did not accept the answer.
      if (countBad(a, question.variable)) {
        say(restartHint(a.flow));
        a.leaving = 'bad_answers';
        return Promise.resolve(undefined);
      }
    }
    say(question.text);
    return new Promise((give) => {
      a.asking = { variable: question.variable, text: question.text, give };
      a.pause?.resolve('asked');
    });
  }

  /** Counts a bad answer; true when it was the last one the bot takes. */
  function countBad(a: Active, variable: string): boolean {
    const count = (a.bad.get(variable) ?? 0) + 1;
    a.bad.set(variable, count);
    return count >= MAX_BAD_ANSWERS;
  }

  /** Waits until the runner asks or finishes; a finished run ends the flow. */
  async function settle(a: Active): Promise<void> {
    let how: 'asked' | 'done';
    try {
      how = await (a.pause ?? deferred<'asked' | 'done'>()).promise;
    } catch (error) {
      if (active === a) active = undefined;
      throw error;
    }
    if (how === 'done' && a.run) finish(a, await a.run);
  }

  function finish(a: Active, result: FlowResult): void {
    if (active === a) active = undefined;
    for (const name of Object.keys(a.flow.variables)) {
      const value = result.variables[name];
      if (value !== undefined) known[name] = value;
    }
    const end = result.end;
    if ('result' in end) {
      emit({ type: 'end', flow: a.flow.id, result: end.result, ...(end.reason !== undefined ? { reason: end.reason } : {}), ...(end.outputs ? { outputs: end.outputs } : {}) });
      return;
    }
    // The runner stopped waiting: we left it, or it gave up on answers itself.
    if (!a.leaving) say(restartHint(a.flow));
    if (a.leaving !== 'trigger') delete known[end.waiting_for];
    emit({ type: 'left', flow: a.flow.id, waiting_for: end.waiting_for, why: a.leaving ?? 'bad_answers' });
  }

  /** Leaves the flow under way (another trigger word, or too many bad answers). */
  async function leave(a: Active, why: 'trigger' | 'bad_answers'): Promise<void> {
    a.leaving = why;
    const asking = a.asking;
    if (why === 'bad_answers' && asking) delete known[asking.variable];
    if (asking?.give) {
      a.asking = undefined;
      a.pause = deferred();
      asking.give(undefined);
      await settle(a);
      return;
    }
    if (active === a) active = undefined;
    emit({ type: 'left', flow: a.flow.id, waiting_for: asking?.variable ?? a.queue[0] ?? '', why });
  }

  async function answer(a: Active, message: string): Promise<void> {
    const asking = a.asking;
    if (!asking) return;
    // An ask node that validates its answer says what is wrong in its own words (its invalid_text): leave the format to it.
    const decl = asking.give && validatedByFlow(a.flow, asking.variable) ? undefined : a.flow.variables[asking.variable];
    const checked = checkAnswer(message, decl);
    if (!checked.ok) {
      if (countBad(a, asking.variable)) {
        say(restartHint(a.flow));
        await leave(a, 'bad_answers');
        return;
      }
      // A prompt gets the hint first; an ask node's own text already says what is wrong.
      say(checked.blank || asking.give ? asking.text : `${checked.hint} ${asking.text}`);
      return;
    }
    a.answered = asking.variable;
    if (asking.give) {
      a.asking = undefined;
      a.pause = deferred();
      asking.give(checked.value);
      await settle(a);
      return;
    }
    known[asking.variable] = checked.value;
    a.queue.shift();
    await advance(a);
  }

  async function handle(message: string): Promise<Turn> {
    turn = [];
    const flow = findTrigger(flows, message);
    if (flow) {
      if (active) await leave(active, 'trigger');
      await start(flow, message);
    } else if (active) {
      await answer(active, message);
    } else if (message.trim() !== '') {
      say(startHint(flows));
    }
    return { events: turn, state: state() };
  }

  return {
    flows,
    send(message) {
      const done = queue.then(() => handle(message));
      queue = done.catch(() => undefined);
      return done;
    },
    state,
    async close() {
      await queue;
      if (active) {
        turn = [];
        await leave(active, 'trigger');
      }
    },
  };
}
