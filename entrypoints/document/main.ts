import { sendToBackground } from '../../lib/browser/messaging.ts';
import { startDocumentPage } from '../../lib/ui/document-page.ts';
import '../../lib/ui/base.css';
import '../../lib/ui/library.css';

const app = document.getElementById('app');
if (app)
  startDocumentPage(app, location.search, { getDocument: (id) => sendToBackground('documents:get', { id }) });
