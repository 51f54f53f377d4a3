/**
 * The content script's messaging adapters, on lib/protocol/core.ts only: no valibot in the bundle that
 * loads on every page (that module's header says what is checked and why). lib/browser/messaging.ts has the
 * validating adapters for the background and extension pages, built on the same `ask` and `listen`.
 */
import { browser, type Browser } from 'wxt/browser';
import {
  dispatchGuarded,
  errorText,
  makeMessage,
  readOwnReply,
  type Dispatch,
  type ProtocolGuards,
} from '../protocol/core.ts';
import type {
  BackgroundProtocol,
  Handlers,
  PayloadArgs,
  Reply,
  ResponseOf,
  SelfInfo,
} from '../protocol/index.ts';

export { contentGuards } from '../protocol/core.ts';

/** Ask the background from the content script; the reply is read by form only (`readOwnReply`). */
export async function askBackground<K extends keyof BackgroundProtocol>(
  type: K,
  ...args: PayloadArgs<BackgroundProtocol, K>
): Promise<Reply<ResponseOf<BackgroundProtocol, K>>> {
  return ask(type, args, (raw) => readOwnReply<BackgroundProtocol, K>(type, raw));
}

/** `serveMessages` for the content script: requests checked with type guards (`contentGuards`). */
export function serveGuarded<P>(
  guards: ProtocolGuards<P>,
  handlers: Handlers<P>,
  options: ServeOptions = {},
): () => void {
  return listen((msg, sender, self) => dispatchGuarded(guards, handlers, msg, sender, self), options);
}

/** Sends a request to the background and reads its reply with `read`. Never throws. */
export async function ask<K extends keyof BackgroundProtocol, R>(
  type: K,
  args: PayloadArgs<BackgroundProtocol, K>,
  read: (raw: unknown) => Reply<R>,
): Promise<Reply<R>> {
  try {
    const raw: unknown = await browser.runtime.sendMessage(makeMessage<BackgroundProtocol, K>(type, ...args));
    return read(raw);
  } catch (e) {
    return { ok: false, error: `background unreachable: ${errorText(e)}` };
  }
}

export interface ServeOptions {
  /** Where refusals are logged (default console.warn): refused messages are never silent. */
  log?: (reason: string) => void;
}

function selfInfo(): SelfInfo {
  return { id: browser.runtime.id, origin: browser.runtime.getURL('/') };
}

/** Answers runtime messages as `dispatch` decides. Returns a function that stops listening. */
export function listen(
  dispatch: (msg: unknown, sender: Browser.runtime.MessageSender, self: SelfInfo) => Dispatch,
  options: ServeOptions,
): () => void {
  const log = options.log ?? ((reason: string) => console.warn(`Figure Check: ${reason}`));
  const listener = (
    msg: unknown,
    sender: Browser.runtime.MessageSender,
    sendResponse: (r: unknown) => void,
  ) => {
    const outcome = dispatch(msg, sender, selfInfo());
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
