/**
 * The message protocol's parts that need no schema library (lib/protocol/index.ts has the types and the valibot
 * spec tables, and re-exports all of this). The content script runs on every page, so every kilobyte of it
 * is paid on every page load (docs/decisions.md): it imports only this module, never valibot.
 *
 * What reaches the content script is checked here with small type guards: the sender exactly as everywhere
 * else, the envelope, and payloads (none of its requests carries one). Its replies from the background are
 * not checked against the response schemas: only our own extension can answer runtime.sendMessage, and the
 * background builds its answers from input it validated. The popup still validates what the content
 * script answers (contentProtocol), and the background validates everything the content script asks.
 */
import type {
  Handlers,
  Message,
  PayloadArgs,
  Reply,
  RequestOf,
  ResponseOf,
  SelfInfo,
  SenderInfo,
  SenderKind,
} from './envelope.ts';
import { CHANNEL } from './envelope.ts';
import type { ContentProtocol } from './content.ts';

export { CHANNEL };
import { CONTEXT_CHARS, WINDOW_CHARS } from '../reading/text-windows.ts';

/**
 * How much page text one `figures:read` message carries: at most `pieces` pieces (lib/reading/text-windows.ts)
 * of at most `pieceChars` characters. Here, not in protocol.ts, because the content script needs it too.
 */
export const READ_LIMITS = { pieceChars: WINDOW_CHARS + CONTEXT_CHARS, pieces: 64 } as const;

export function classifySender(sender: SenderInfo, self: SelfInfo): Reply<SenderKind> {
  if (sender.id !== self.id)
    return { ok: false, error: `sender is not this extension (id ${sender.id ?? 'none'})` };
  if (typeof sender.url === 'string' && sender.url.startsWith(self.origin)) {
    return { ok: true, value: 'extension-page' };
  }
  if (sender.tab) return { ok: true, value: 'content-script' };
  return {
    ok: false,
    error: `sender is neither an extension page nor a content script (${sender.url ?? 'no url'})`,
  };
}

export function makeMessage<P, K extends keyof P>(type: K, ...args: PayloadArgs<P, K>): Message<P, K> {
  const payload = (args.length === 0 ? null : args[0]) as RequestOf<P, K>;
  return { channel: CHANNEL, type, payload };
}

/** What a server does with one incoming message. `ignore`: not for this server, let another listener answer. */
export type Dispatch =
  | { action: 'ignore'; reason: string; ours: boolean }
  | { action: 'reply'; reply: Promise<Reply<unknown>>; refused: string | null };

/** A payload check without a schema library. */
export type PayloadGuard<T> = (payload: unknown) => payload is T;

export type ProtocolGuards<P> = {
  [K in keyof P]: { request: PayloadGuard<RequestOf<P, K>>; from: readonly SenderKind[] };
};

const isNull = (payload: unknown): payload is null => payload === null;

/** What the content script serves, and from whom: the same senders as contentProtocol. */
export const contentGuards: ProtocolGuards<ContentProtocol> = {
  'claims:changed': { request: isNull, from: ['extension-page'] },
  'page:figures': { request: isNull, from: ['extension-page'] },
  'page:article': { request: isNull, from: ['extension-page'] },
};

/** The envelope of a Figure Check message: the same test as EnvelopeSchema, as a type guard. */
export function isEnvelope(msg: unknown): msg is { channel: typeof CHANNEL; type: string; payload: unknown } {
  if (typeof msg !== 'object' || msg === null) return false;
  const { channel, type } = msg as { channel?: unknown; type?: unknown };
  return channel === CHANNEL && typeof type === 'string' && type.length <= 100;
}

/** `dispatchMessage` for a table of type guards (the content script's). */
export function dispatchGuarded<P>(
  guards: ProtocolGuards<P>,
  handlers: Handlers<P>,
  msg: unknown,
  sender: SenderInfo,
  self: SelfInfo,
): Dispatch {
  return route(
    guards,
    handlers,
    isEnvelope(msg) ? { type: msg.type, payload: msg.payload } : null,
    sender,
    self,
    (key, payload): Reply<unknown> =>
      guards[key].request(payload) ? { ok: true, value: payload } : { ok: false, error: 'bad payload' },
  );
}

/**
 * A reply from our own background, read without its response schema (see the header): only its form is
 * checked, a value or an error. Typed by the protocol; a malformed answer is an error, never `any`.
 */
export function readOwnReply<P, K extends keyof P>(type: K, raw: unknown): Reply<ResponseOf<P, K>> {
  if (raw === undefined) return { ok: false, error: 'no answer' };
  if (typeof raw === 'object' && raw !== null) {
    const reply = raw as { ok?: unknown; value?: unknown; error?: unknown };
    if (reply.ok === true) return { ok: true, value: reply.value as ResponseOf<P, K> };
    if (reply.ok === false && typeof reply.error === 'string') return { ok: false, error: reply.error };
  }
  return { ok: false, error: `malformed reply to "${String(type)}"` };
}

// ---- Shared with dispatchMessage (lib/protocol/index.ts) ---------------------------------------------------------------------------------

/** Runs the handler for a checked envelope: sender first, then payload (`check`), then the handler. */
export function route<P>(
  table: { [K in keyof P]: { from: readonly SenderKind[] } },
  handlers: Handlers<P>,
  envelope: { type: string; payload: unknown } | null,
  sender: SenderInfo,
  self: SelfInfo,
  check: (key: keyof P & string, payload: unknown) => Reply<unknown>,
): Dispatch {
  if (!envelope) return { action: 'ignore', reason: 'not a Figure Check message', ours: false };
  const type = envelope.type;
  if (!Object.prototype.hasOwnProperty.call(table, type)) {
    return { action: 'ignore', reason: `no handler here for "${type}"`, ours: true };
  }
  const key = type as keyof P & string;
  const refuse = (error: string): Dispatch => ({
    action: 'reply',
    reply: Promise.resolve({ ok: false, error }),
    refused: error,
  });
  const kind = classifySender(sender, self);
  if (!kind.ok) return refuse(`"${key}" refused: ${kind.error}`);
  if (!table[key].from.includes(kind.value)) {
    return refuse(`"${key}" refused: not accepted from a ${kind.value}`);
  }
  const payload = check(key, envelope.payload);
  if (!payload.ok) return refuse(`"${key}" refused: ${payload.error}`);
  const handler = handlers[key] as (
    payload: unknown,
    sender: { kind: SenderKind; tabId: number | null },
  ) => Promise<unknown>;
  const reply = (async (): Promise<Reply<unknown>> => {
    try {
      return {
        ok: true,
        value: await handler(payload.value, { kind: kind.value, tabId: sender.tab?.id ?? null }),
      };
    } catch (e) {
      return { ok: false, error: errorText(e) };
    }
  })();
  return { action: 'reply', reply, refused: null };
}

export function errorText(e: unknown): string {
  if (e instanceof Error) return e.message;
  return typeof e === 'string' ? e : 'unknown error';
}
