import { browser } from 'wxt/browser';
import { sendToBackground, sendToTab } from '../../lib/browser/messaging.ts';
import { setSiteEnabled } from '../../lib/browser/site-settings.ts';
import { startPopup } from '../../lib/ui/popup-controller.ts';
import { saveFromQuery, tabFromQuery } from '../../lib/ui/popup-view.ts';
import { format } from 'date-fns';
import '../../lib/ui/base.css';
import './style.css';

/**
 * The tab the popup is about. activeTab-free: tabs.query returns the tab's id without the `tabs`
 * permission, which is all we need.
 */
async function findPageTab(): Promise<number | undefined> {
  return (
    tabFromQuery(location.search) ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id
  );
}
// Found once, when the popup opens: the tab it was opened for, whichever tab is active later.
const tab = findPageTab();
const pageTab = () => tab;

const app = document.getElementById('app');
if (app) {
  startPopup(app, {
    getStatus: () => sendToBackground('status'),
    getPage: async () => {
      const tabId = await pageTab();
      if (tabId === undefined) return { ok: false, error: 'no active tab' };
      return sendToTab(tabId, 'page:figures');
    },
    setSiteEnabled,
    openLibrary: () => void browser.runtime.openOptionsPage(),
    save: {
      getArticle: async () => {
        const tabId = await pageTab();
        if (tabId === undefined) return { ok: false, error: 'no active tab' };
        return sendToTab(tabId, 'page:article');
      },
      send: sendToBackground,
      today: () => format(new Date(), 'yyyy-MM-dd'),
      startNow: saveFromQuery(location.search),
    },
  });
}
