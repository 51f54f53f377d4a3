import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { serveMessages } from '../lib/browser/messaging.ts';
import { ClaimService } from '../lib/db/claim-service.ts';
import { backgroundProtocol } from '../lib/protocol.ts';

export default defineBackground(() => {
  const claims = new ClaimService({
    // The extension's own file, not the network.
    readBundle: async () => (await fetch(browser.runtime.getURL('/claims.json'))).text(),
  });

  // Listeners are registered synchronously so a restarted MV3 service worker receives the message that woke it;
  // the database then loads lazily on that first message.
  serveMessages(backgroundProtocol, {
    compare: (request) => claims.compare(request),
    status: () => claims.status(),
  });

  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'install' || reason === 'update')
      void claims.ready({ resync: true }).catch(() => undefined);
  });
});
