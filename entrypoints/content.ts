/**
 * Content script: wiring only. The work is lib/content/figure-check.ts; here it meets the extension APIs
 * (messaging, storage) and WXT's ContentScriptContext, whose signal ends everything on reload/update.
 */
import '../lib/ui/highlight.css';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { FigureCheck } from '../lib/content/figure-check.ts';
import { claimPage } from '../lib/content/guard.ts';
import { askBackground, contentGuards, serveGuarded } from '../lib/browser/content-messaging.ts';
import { getDisabledSites, watchDisabledSites } from '../lib/browser/site-settings.ts';
import { isSiteEnabled } from '../lib/sites.ts';
import { readPageDateSources } from '../lib/dom/page-date-sources.ts';
import { readPageLead } from '../lib/dom/page-lead.ts';
import { pageAddress } from '../lib/page-data.ts';
import { loadCard, loadCardChunk } from '../lib/browser/card-loader.ts';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  main(ctx) {
    if (!claimPage(window, ctx.signal)) return;
    const host = location.hostname;
    const check: FigureCheck = new FigureCheck({
      doc: document,
      host: window,
      signal: ctx.signal,
      // Nothing is sent before the site switch is known: the page is read meanwhile (see below).
      read: async (pieces, pageDate, lead) => {
        await switchKnown;
        return siteOn && ctx.isValid
          ? askBackground('figures:read', { pieces, pageDate, lead })
          : { ok: false, error: 'turned off' };
      },
      // The same page date as `check` reads: reports are placed before or after it. The page's date strings
      // are read here and made a date in the background, which knows the formats (lib/dom/page-date.ts).
      readPageDate: async (doc) => {
        const sources = readPageDateSources(doc);
        await switchKnown;
        if (!siteOn || !ctx.isValid) return null;
        const date = await askBackground('page:date', sources);
        return date.ok ? date.value : null;
      },
      readPageLead,
      // The card's code comes on the first hover (card.js): it is most of the code, and most pages never need it.
      loadCard,
      // "Show in the document" on a report: a web page cannot open an extension page, the background can.
      openDocument: (report) =>
        void (ctx.isValid
          ? askBackground('documents:open', { id: report.document.id, claim: report.id })
          : undefined),
      // "Save this page to my library": the background opens the popup for this tab.
      savePage: () => void (ctx.isValid ? askBackground('page:save') : undefined),
    });
    ctx.onInvalidated(
      serveGuarded(contentGuards, {
        'page:figures': async () => ({ ...check.pageFigures(host), url: pageAddress(location.href) }),
        // The popup saves this page to the library: the article as the reader sees it, read now. Its reader
        // comes with card.js: only saving needs it.
        'page:article': async () =>
          (await loadCardChunk()).readPageArticle(document, location.href, check.isEnabled),
        // The reader added, removed or imported documents: read the page again against the new claims.
        'claims:changed': async () => {
          if (check.isEnabled) {
            check.disable();
            check.enable();
          }
          return null;
        },
      }),
    );
    // The site switch, live: off takes every highlight away, on reads the page again.
    let siteOn: boolean | null = null;
    const apply = (disabled: string[]): void => {
      siteOn = isSiteEnabled(disabled, host);
      if (siteOn) check.enable();
      else check.disable();
    };
    ctx.onInvalidated(watchDisabledSites(apply));
    const switchKnown: Promise<void> = getDisabledSites().then(apply, () => apply([]));
    // Reading starts while storage answers (a round trip to the browser, tens of ms on a busy machine,
    // which used to come before the first highlight), in a task of its own so the script's evaluation
    // stays short. A site switched off is let go as soon as that is known.
    ctx.setTimeout(() => {
      if (siteOn !== false) check.enable();
    }, 0);
  },
});
