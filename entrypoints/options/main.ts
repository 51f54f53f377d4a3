import { format } from 'date-fns';
import { eventProtocol, sendToBackground, serveMessages } from '../../lib/browser/messaging.ts';
import { startOptionsPage } from '../../lib/ui/options-page.ts';
import '../../lib/ui/base.css';
import '../../lib/ui/library.css';

const app = document.getElementById('app');
if (app) {
  let lastDownload: string | null = null;
  startOptionsPage(app, {
    send: sendToBackground,
    onChanged: (listener) =>
      serveMessages(eventProtocol, {
        'claims:changed': async () => {
          listener();
          return null;
        },
      }),
    today: () => format(new Date(), 'yyyy-MM-dd'),
    now: () => new Date(),
    parseHtml: (html) => new DOMParser().parseFromString(html, 'text/html'),
    download: (name, type, content) => {
      // The previous file's address is released; the page shows one download link at a time.
      if (lastDownload) URL.revokeObjectURL(lastDownload);
      const href = URL.createObjectURL(new Blob([content], { type }));
      lastDownload = href;
      const a = document.createElement('a');
      a.href = href;
      a.download = name;
      a.click();
      return href;
    },
    search: location.search,
    setSearch: (search) => history.replaceState(null, '', `${location.pathname}${search}${location.hash}`),
  });
}
