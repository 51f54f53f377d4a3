/**
 * Reads a saved HTML page for `check`: the visible text of its body (lib/dom/page-text.ts, the content
 * script's own reader) and its publication date, under happy-dom, without running or fetching anything.
 *
 * A saved page links to things that are not there (scripts, style sheets, preloads of data files), with
 * addresses that are often relative to a site we do not have or not valid at all. happy-dom would try to
 * load some of them: `<link rel="preload" as="fetch">` goes to its fetch whatever the settings, and an
 * address it cannot parse throws inside an un-awaited promise, which ends the process with a stack trace.
 * So links load nothing here (their connect and attribute hooks are the plain element's), every request
 * happy-dom still makes is refused before it leaves, and a failure inside happy-dom's own promises (about
 * something linked, never the text, which is read synchronously) is ignored instead of ending the process.
 * A page that cannot be parsed at all is an Error with a one-line message; the caller names the file.
 */
import { PropertySymbol, Window } from 'happy-dom';
import { readPageDate } from '../lib/dom/page-date.ts';
import { readPageLead } from '../lib/dom/page-lead.ts';
import { readPageText } from '../lib/dom/page-text.ts';
import type { IsoDate } from '../lib/types.ts';

export interface PageRead {
  text: string;
  date: IsoDate | null;
  /** What the page says it is about (lib/dom/page-lead.ts), as the content script reads it. */
  lead: string;
}

/** happy-dom's hooks that make a `<link>` load what it points to; a plain element does nothing there. */
const LOADING_HOOKS = [PropertySymbol.connectedToDocument, PropertySymbol.onSetAttribute] as const;

function inertWindow(): Window {
  const refuse = () => new window.Response('', { status: 403, statusText: 'check fetches nothing' });
  const window: Window = new Window({
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
      disableComputedStyleRendering: true,
      handleDisabledFileLoadingAsSuccess: true,
      navigation: {
        disableMainFrameNavigation: true,
        disableChildFrameNavigation: true,
        disableChildPageNavigation: true,
      },
      fetch: {
        interceptor: {
          beforeAsyncRequest: async () => refuse(),
          beforeSyncRequest: ({ request }) => ({
            status: 403,
            statusText: 'check fetches nothing',
            ok: false,
            url: request.url,
            redirected: false,
            headers: new window.Headers(),
            body: null,
          }),
        },
      },
    },
  });
  const link = window.HTMLLinkElement.prototype as unknown as Record<symbol, unknown>;
  const plain = window.HTMLElement.prototype as unknown as Record<symbol, unknown>;
  for (const hook of LOADING_HOOKS) link[hook] = plain[hook];
  return window;
}

/** The visible text and publication date of `html`; an Error with a one-line message if it cannot be parsed. */
export async function readHtml(html: string): Promise<PageRead> {
  const window = inertWindow();
  const ignore = () => {};
  process.on('unhandledRejection', ignore);
  try {
    const doc = new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
    const text = doc.body ? readPageText(doc.body).text : '';
    const date = readPageDate(doc);
    const lead = readPageLead(doc);
    // Let whatever the parse started settle while the handler is still there.
    await new Promise((resolve) => setImmediate(resolve));
    return { text, date, lead };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    throw new Error(`could not be read as HTML: ${message.split('\n')[0]!.slice(0, 200)}`, { cause: e });
  } finally {
    await window.happyDOM.close();
    process.off('unhandledRejection', ignore);
  }
}
