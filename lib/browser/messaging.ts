/**
 * Thin adapters between lib/protocol.ts and the extension messaging API. Sending never throws: a missing
 * receiver (no content script on chrome:// pages, background restarting) is an `{ ok: false }` reply.
 */
import { browser, type Browser } from 'wxt/browser';
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
  type SelfInfo,
} from '../protocol.ts';

/** Ask the background (from the content script, popup or another extension page). */
export async function sendToBackground<K extends keyof BackgroundProtocol>(
  type: K,
  ...args: PayloadArgs<BackgroundProtocol, K>
): Promise<Reply<ResponseOf<BackgroundProtocol, K>>> {
  try {
    const raw: unknown = await browser.runtime.sendMessage(makeMessage<BackgroundProtocol, K>(type, ...args));
    return readReply(backgroundProtocol, type, raw);
  } catch (e) {
    return { ok: false, error: `background unreachable: ${errorText(e)}` };
  }
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

function selfInfo(): SelfInfo {
  return { id: browser.runtime.id, origin: browser.runtime.getURL('/') };
}

export interface ServeOptions {
  /** Where refusals are logged (default console.warn): refused messages are never silent. */
  log?: (reason: string) => void;
}

/**
 * Serve `spec`'s requests with `handlers` on runtime.onMessage. Returns a function that stops serving
 * (the content script ties it to its ContentScriptContext).
 *
 *   serveMessages(backgroundProtocol, { compare: async (p) => …, status: async () => … });
 */
export function serveMessages<P>(
  spec: ProtocolSpec<P>,
  handlers: Handlers<P>,
  options: ServeOptions = {},
): () => void {
  const log = options.log ?? ((reason: string) => console.warn(`Figure Check: ${reason}`));
  const listener = (
    msg: unknown,
    sender: Browser.runtime.MessageSender,
    sendResponse: (r: unknown) => void,
  ) => {
    const outcome = dispatchMessage(spec, handlers, msg, sender, selfInfo());
    if (outcome.action === 'ignore') {
      // Another server of ours may handle a type we do not; anything else is not ours and is refused, logged.
      if (!outcome.ours) log(`ignored a message: ${outcome.reason}`);
      return undefined;
    }
    if (outcome.refused) log(outcome.refused);
    // A returned Promise is ignored by some runtimes (and wxt's fake browser): answer via sendResponse.
    void outcome.reply.then(sendResponse);
    return true;
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}

export { backgroundProtocol, contentProtocol };
export { eventProtocol } from '../protocol.ts';
