import { randomUUID } from 'node:crypto';
import type { ApiVersion } from '../../catalog.js';
import type { JsonValue } from '../../json.js';
import { isJsonObject, type JsonObject } from '../../json.js';
import { createConversation, type Conversation, type ConversationEvent, type ConversationState } from '../conversation.js';
import type { Session } from '../session.js';
import { HttpError } from './http-io.js';

/** What `POST /api/chat` takes: one message of the contact. */
export interface ChatRequest {
  /** The conversation to continue (from an earlier answer); none starts one. */
  conversation?: string;
  /** The contact's message, as typed. */
  message: string;
  /** API version of a new conversation (default: the api_version setting, else the session's). */
  api?: ApiVersion;
  /** Settings of a new conversation (the page's settings panel). */
  settings?: JsonValue;
}

/** What `POST /api/chat` answers: the bot's side of one message. */
export interface ChatAnswer {
  conversation: string;
  api: ApiVersion;
  /** True when this message started a new conversation (none was given, or the one given had ended). */
  started: boolean;
  events: ConversationEvent[];
  state: ConversationState;
}

/** An example body, quoted in every error about the body's shape. */
export const CHAT_EXAMPLE = '{"message": "JOIN"} then {"conversation": "<id from the answer>", "message": "priya@example.com"}';

/**
 * Checks the body of `POST /api/chat`; anything off → HttpError 400 naming the field.
 *
 * @example
 * parseChatRequest({ message: 'JOIN' }) // { message: 'JOIN' }
 */
export function parseChatRequest(body: JsonObject): ChatRequest {
  const { conversation, message, api, settings } = body;
  const problems: string[] = [];
  if (typeof message !== 'string') problems.push('/message: expected the contact\'s message as a text, e.g. "JOIN"');
  if (conversation !== undefined && (typeof conversation !== 'string' || conversation === '')) problems.push('/conversation: expected the id an earlier answer gave');
  if (api !== undefined && api !== 'new' && api !== 'classic') problems.push('/api: expected "new" or "classic"');
  if (settings !== undefined && !isJsonObject(settings)) problems.push('/settings: expected an object of setting texts');
  if (problems.length > 0) throw new HttpError(400, 'bad_request', `${problems.join('; ')} (e.g. ${CHAT_EXAMPLE})`);
  return {
    message: String(message),
    ...(typeof conversation === 'string' ? { conversation } : {}),
    ...(api === 'new' || api === 'classic' ? { api } : {}),
    ...(settings !== undefined ? { settings } : {}),
  };
}

/** Conversations a harness keeps at once; the one unused the longest goes first. */
export const MAX_CONVERSATIONS = 20;

/**
 * The web page's conversations, by id, each a conversation engine (the one `chat` uses)
 * over its own session: settings and API version are fixed when it starts.
 *
 * @example
 * const rooms = chatRooms()
 * const first = await rooms.send({ message: 'JOIN' }, () => session)
 * await rooms.send({ conversation: first.conversation, message: 'priya@example.com' }, () => session)
 */
export function chatRooms(limit = MAX_CONVERSATIONS) {
  const rooms = new Map<string, { conversation: Conversation; api: ApiVersion }>();

  function open(request: ChatRequest, sessionFor: (settings: JsonValue | undefined) => Session) {
    const session = sessionFor(request.settings);
    const api = request.api ?? session.api;
    // Settings problems (a group id that is not digits) answer now, not at the first trigger word.
    session.settingsFor(api);
    const room = { conversation: createConversation(session, { api }), api };
    const id = randomUUID();
    rooms.set(id, room);
    for (const [oldId, old] of rooms) {
      if (rooms.size <= limit) break;
      rooms.delete(oldId);
      void old.conversation.close().catch(() => undefined);
    }
    return { id, room };
  }

  return {
    async send(request: ChatRequest, sessionFor: (settings: JsonValue | undefined) => Session): Promise<ChatAnswer> {
      const found = request.conversation === undefined ? undefined : rooms.get(request.conversation);
      let id: string;
      let room: { conversation: Conversation; api: ApiVersion };
      if (found && request.conversation !== undefined) {
        id = request.conversation;
        room = found;
        // Most recently used last, so the oldest goes first.
        rooms.delete(id);
        rooms.set(id, room);
      } else {
        ({ id, room } = open(request, sessionFor));
      }
      const turn = await room.conversation.send(request.message);
      return { conversation: id, api: room.api, started: !found, ...turn };
    },
    /** Ends every conversation (leaves their waiting flows). */
    async close(): Promise<void> {
      const all = [...rooms.values()];
      rooms.clear();
      await Promise.all(all.map((room) => room.conversation.close().catch(() => undefined)));
    },
    get size(): number {
      return rooms.size;
    },
  };
}
