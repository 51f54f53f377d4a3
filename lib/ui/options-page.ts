/**
 * The options page: the reader's library. Four sections (all claims, add a document, documents, export and
 * import) over one picture of the database, read again whenever it changes — here or in another tab.
 */
import type { Claim } from '../types.ts';
import type { DocumentSummary, Status } from '../protocol/index.ts';
import { formatNumber } from '../labels.ts';
import { h } from './elements.ts';
import { addSection } from './options-add.ts';
import { browseSection } from './options-browse.ts';
import { documentsSection } from './options-documents.ts';
import { transferSection } from './options-transfer.ts';
import type { LibraryDeps } from './options-deps.ts';

export type { LibraryDeps } from './options-deps.ts';

export interface OptionsPage {
  /** Settles when the first picture of the database is on the page. */
  ready: Promise<void>;
  /** Reads the database again (also done on every change). */
  reload(): Promise<void>;
  stop(): void;
}

export function statusText(
  status: Status | null,
  claims: readonly Claim[],
  documents: readonly DocumentSummary[],
): string {
  const own = documents.filter((d) => d.origin === 'reader').length;
  const counts = `${formatNumber(claims.length)} ${claims.length === 1 ? 'claim' : 'claims'} from ${formatNumber(
    documents.length,
  )} ${documents.length === 1 ? 'document' : 'documents'}, ${own === 0 ? 'none of them yours' : `${formatNumber(own)} of them yours`}.`;
  if (status?.storage === 'bundled-fallback') {
    return `${counts} Only the claims that ship with the extension are available: ${status.problem ?? 'the database is unavailable'}. Documents cannot be added now.`;
  }
  return status?.problem ? `${counts} ${status.problem}` : counts;
}

export function startOptionsPage(root: HTMLElement, deps: LibraryDeps): OptionsPage {
  const doc = root.ownerDocument;
  const status = h(
    doc,
    'p',
    { class: 'status', 'data-testid': 'status', role: 'status' },
    'Reading the claim database…',
  );
  const reloadSoon = () => void reload();
  const browse = browseSection(doc, deps);
  const add = addSection(doc, deps, reloadSoon);
  const documents = documentsSection(doc, deps, reloadSoon);
  const transfer = transferSection(doc, deps, reloadSoon);

  const nav = h(
    doc,
    'nav',
    { 'aria-label': 'Sections' },
    h(
      doc,
      'ul',
      {},
      ...[
        ['#claims', 'All claims'],
        ['#add', 'Add a document'],
        ['#documents', 'Documents'],
        ['#transfer', 'Export and import'],
      ].map(([href, text]) => h(doc, 'li', {}, h(doc, 'a', { href }, text))),
    ),
  );
  root.replaceChildren(
    h(doc, 'header', { class: 'page-header' }, h(doc, 'h1', {}, 'Figure Check library'), status, nav),
    h(doc, 'main', {}, browse.element, add.element, documents.element, transfer.element),
  );

  let generation = 0;
  async function reload(): Promise<void> {
    const mine = ++generation;
    const [statusReply, claimsReply, documentsReply] = await Promise.all([
      deps.send('status'),
      deps.send('claims:list'),
      deps.send('documents:list'),
    ]);
    // A later reload started meanwhile: its answer is the newer one.
    if (mine !== generation) return;
    if (!claimsReply.ok || !documentsReply.ok) {
      const error = !claimsReply.ok ? claimsReply.error : !documentsReply.ok ? documentsReply.error : '';
      status.classList.add('warning');
      status.textContent = `⚠ The claim database did not answer: ${error}`;
      return;
    }
    const st = statusReply.ok ? statusReply.value : null;
    status.classList.toggle(
      'warning',
      st === null || st.storage === 'bundled-fallback' || st.problem !== null,
    );
    status.textContent = statusText(st, claimsReply.value, documentsReply.value);
    browse.show(claimsReply.value);
    documents.show(documentsReply.value);
    transfer.show(claimsReply.value);
  }

  const stopListening = deps.onChanged(reloadSoon);
  return { ready: reload(), reload, stop: stopListening };
}
