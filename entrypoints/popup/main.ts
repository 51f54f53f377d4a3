import { browser } from 'wxt/browser';
import { sendToBackground, sendToTab } from '../../lib/browser/messaging.ts';
import { setSiteEnabled } from '../../lib/browser/site-settings.ts';
import { startPopup } from '../../lib/ui/popup-controller.ts';
import { tabFromQuery } from '../../lib/ui/popup-view.ts';
import '../../lib/ui/base.css';
import './style.css';

const app = document.getElementById('app');
if (app) {
  startPopup(app, {
    getStatus: () => sendToBackground('status'),
    getPage: async () => {
      // activeTab-free: tabs.query returns the tab's id without the `tabs` permission, which is all we need.
      const tabId =
        tabFromQuery(location.search) ??
        (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
      if (tabId === undefined) return { ok: false, error: 'no active tab' };
      return sendToTab(tabId, 'page:figures');
    },
    setSiteEnabled,
    openLibrary: () => void browser.runtime.openOptionsPage(),
  });
}
