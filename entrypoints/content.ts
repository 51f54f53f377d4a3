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
import { readPageDate } from '../lib/dom/page-date.ts';
import { readPageLead } from '../lib/dom/page-lead.ts';
import { loadCard } from '../lib/browser/card-loader.ts';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  main(ctx) {
    if (!claimPage(window, ctx.signal)) return;
    const host = location.hostname;
    const check = new FigureCheck({
      doc: document,
      host: window,
      signal: ctx.signal,
      read: (pieces, pageDate, lead) =>
        ctx.isValid
          ? askBackground('figures:read', { pieces, pageDate, lead })
          : Promise.resolve({ ok: false, error: 'extension reloaded' }),
      // The same page date as `check` reads: reports are placed before or after it.
      readPageDate,
      readPageLead,
      // The card's code comes on the first hover (card.js): it is most of the code, and most pages never need it.
      loadCard,
      // "Show in the document" on a report: a web page cannot open an extension page, the background can.
      openDocument: (report) =>
        void (ctx.isValid
          ? askBackground('documents:open', { id: report.document.id, claim: report.id })
          : undefined),
    });
    ctx.onInvalidated(
      serveGuarded(contentGuards, {
        'page:figures': async () => check.pageFigures(host),
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
    const apply = (disabled: string[]) => (isSiteEnabled(disabled, host) ? check.enable() : check.disable());
    ctx.onInvalidated(watchDisabledSites(apply));
    getDisabledSites().then(apply, () => apply([]));
  },
});
