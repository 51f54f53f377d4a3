/**
 * Thin adapters between lib/protocol/index.ts and the extension messaging API, for the background and extension
 * pages: requests and replies are validated against the protocol's schemas. (The content script uses
 * lib/browser/content-messaging.ts, the same adapters without valibot.) Sending never throws: a missing
 * receiver (no content script on chrome:// pages, background restarting) is an `{ ok: false }` reply.
 */
import { browser } from 'wxt/browser';
import {
  backgroundProtocol,
  contentProtocol,
  dispatchMessage,
  errorText,
  makeMessage,
  readReply,
  type BackgroundProtocol,
  type ContentProtocol,
  type EventProtocol,
  type Handlers,
  type PayloadArgs,
  type ProtocolSpec,
  type Reply,
  type ResponseOf,
} from '../protocol/index.ts';
import { ask, listen, type ServeOptions } from './content-messaging.ts';

export type { ServeOptions };

/** Ask the background (from the popup or another extension page); the reply is validated. */
export async function sendToBackground<K extends keyof BackgroundProtocol>(
  type: K,
  ...args: PayloadArgs<BackgroundProtocol, K>
): Promise<Reply<ResponseOf<BackgroundProtocol, K>>> {
  return ask(type, args, (raw) => readReply(backgroundProtocol, type, raw));
}

/** Ask the content script of a tab (from the popup). Tabs without our content script reply with an error. */
export async function sendToTab<K extends keyof ContentProtocol>(
  tabId: number,
  type: K,
  ...args: PayloadArgs<ContentProtocol, K>
): Promise<Reply<ResponseOf<ContentProtocol, K>>> {
  try {
    const raw: unknown = await browser.tabs.sendMessage(
      tabId,
      makeMessage<ContentProtocol, K>(type, ...args),
    );
    return readReply(contentProtocol, type, raw);
  } catch (e) {
    return { ok: false, error: `no content script in this tab: ${errorText(e)}` };
  }
}

/**
 * Tells every open tab's content script and every open extension page (from the background). Never throws:
 * tabs without our content script (browser pages, tabs opened before install) simply do not hear it.
 * `tabs.query` gives tab ids without the `tabs` permission, which is all this needs.
 */
export async function broadcast<K extends keyof EventProtocol>(
  type: K,
  ...args: PayloadArgs<EventProtocol, K>
): Promise<void> {
  const message = makeMessage<EventProtocol, K>(type, ...args);
  const tabs = await browser.tabs.query({}).catch(() => []);
  await Promise.all([
    ...tabs.map((tab) =>
      tab.id === undefined ? null : browser.tabs.sendMessage(tab.id, message).catch(() => undefined),
    ),
    // Extension pages (options, document page, popup); rejects when none is open.
    browser.runtime.sendMessage(message).catch(() => undefined),
  ]);
}

/**
 * Serve `spec`'s requests with `handlers` on runtime.onMessage. Returns a function that stops serving.
 *
 *   serveMessages(backgroundProtocol, { compare: async (p) => …, status: async () => … });
 */
export function serveMessages<P>(
  spec: ProtocolSpec<P>,
  handlers: Handlers<P>,
  options: ServeOptions = {},
): () => void {
  return listen((msg, sender, self) => dispatchMessage(spec, handlers, msg, sender, self), options);
}

export { backgroundProtocol, contentProtocol };
export { eventProtocol } from '../protocol/index.ts';
