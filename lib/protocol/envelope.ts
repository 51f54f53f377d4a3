/**
 * The shape every message and reply has, whatever the protocol: the envelope, the reply, who sent it and
 * how a table of requests turns into handler and payload types. Types only (and the channel name), so the
 * content script, the background and the extension pages share them without a schema library.
 */

/** Marks our messages apart from anything else that travels on runtime messaging (e.g. dev-mode reloads). */
export const CHANNEL = 'figure-check';

export type Reply<T> = { ok: true; value: T } | { ok: false; error: string };

export interface RequestShape {
  request: unknown;
  response: unknown;
}

export type RequestOf<P, K extends keyof P> = P[K] extends RequestShape ? P[K]['request'] : never;

export type ResponseOf<P, K extends keyof P> = P[K] extends RequestShape ? P[K]['response'] : never;

/** Requests without a payload take no argument: `sendToBackground('status')`. */
export type PayloadArgs<P, K extends keyof P> =
  RequestOf<P, K> extends null ? [] : [payload: RequestOf<P, K>];

export interface Message<P, K extends keyof P = keyof P> {
  channel: typeof CHANNEL;
  type: K;
  payload: RequestOf<P, K>;
}

/** The part of runtime.MessageSender we rely on (Chrome and Firefox agree on these). */
export interface SenderInfo {
  id?: string;
  url?: string;
  tab?: { id?: number } | undefined;
}

/** Our own extension: its id and the origin of its pages (`runtime.getURL('')`). */
export interface SelfInfo {
  id: string;
  origin: string;
}

/** Extension pages: popup, options, other pages of ours. Content scripts: ours, running in a web page. */
export type SenderKind = 'extension-page' | 'content-script';

export type Handlers<P> = {
  [K in keyof P]: (
    payload: RequestOf<P, K>,
    sender: { kind: SenderKind; tabId: number | null },
  ) => Promise<ResponseOf<P, K>>;
};
