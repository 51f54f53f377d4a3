import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { broadcast, serveMessages } from '../lib/browser/messaging.ts';
import { ClaimService } from '../lib/db/claim-service.ts';
import { documentPageHref } from '../lib/library/document-view.ts';
import { savePopupHref } from '../lib/ui/popup-view.ts';
import { backgroundProtocol } from '../lib/protocol/index.ts';
import { pageDateOf } from '../lib/dom/page-date.ts';

export default defineBackground(() => {
  const claims = new ClaimService({
    // The extension's own file, not the network.
    readBundle: async () => (await fetch(browser.runtime.getURL('/claims.json'))).text(),
    // The reader's library changed and the index is rebuilt: open tabs compare again, open pages reload.
    onChanged: () => void broadcast('claims:changed'),
  });

  // Listeners are registered synchronously so a restarted MV3 service worker receives the message that woke it;
  // the database then loads lazily on that first message.
  serveMessages(backgroundProtocol, {
    'figures:read': (request) => claims.read(request),
    // The content script sends where the page gives its date; the formats are read here, not on every page.
    'page:date': async (sources) => pageDateOf(sources),
    status: () => claims.status(),
    'claims:list': () => claims.listClaims(),
    'documents:list': () => claims.listDocuments(),
    'documents:get': ({ id }) => claims.getDocument(id),
    'claims:preview': (input) => claims.preview(input),
    'documents:add': (request) => claims.addDocument(request),
    'documents:remove': ({ id }) => claims.removeDocument(id),
    'documents:saved': ({ url }) => claims.savedPage(url),
    'documents:open': async ({ id, claim }, sender) => {
      // Web pages cannot link to extension pages; the card asks us to open it instead.
      const url = browser.runtime.getURL(`/${documentPageHref(id, claim)}` as `/document.html${string}`);
      await browser.tabs.create({ url, ...(sender.tabId !== null ? { openerTabId: sender.tabId } : {}) });
      return null;
    },
    'page:save': async (_request, sender) => {
      // The card cannot open the toolbar popup; the popup opens as a tab for the card's page instead.
      if (sender.tabId === null) throw new Error('no tab to save');
      const url = browser.runtime.getURL(`/${savePopupHref(sender.tabId)}` as `/popup.html${string}`);
      await browser.tabs.create({ url, openerTabId: sender.tabId });
      return null;
    },
    'database:export': () => claims.exportLibrary(),
    'database:import': ({ text }) => claims.importLibrary(text),
  });

  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'install' || reason === 'update')
      void claims.ready({ resync: true }).catch(() => undefined);
  });
});
